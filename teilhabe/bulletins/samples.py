"""Sample objects for the site-wide walks (teilhabe/testing/samples.py): a bulletin, an issue, a distribution
list with one active subscription, a subscriber."""

from django.utils import timezone

from teilhabe.bulletins.models import Bulletin, BulletinIssue, DistributionList, Subscriber, Subscription
from teilhabe.testing.samples import unique


def bulletin(municipality):
    return Bulletin.objects.create(
        municipality=municipality,
        name=unique(f"Com-In {municipality.slug}"),
        audience=Bulletin.Audience.COMMUNITIES,
        languages=["tr", "ar"],
        sender_name=f"Integrationsbüro {municipality.slug}",
    )


def issue(municipality):
    return BulletinIssue.objects.create(
        municipality=municipality, bulletin=bulletin(municipality), number=1, issue_date=timezone.localdate()
    )


def distribution_list(municipality):
    return DistributionList.objects.create(
        municipality=municipality,
        bulletin=bulletin(municipality),
        language="de",
        consent_text=f"Einwilligung {municipality.slug}",
    )


def subscriber(municipality):
    return Subscriber.objects.create(
        municipality=municipality, email=f"{unique('leser').replace(' ', '')}@{municipality.slug}.example"
    )


def subscription(municipality):
    return Subscription.objects.create(
        municipality=municipality,
        distribution_list=distribution_list(municipality),
        subscriber=subscriber(municipality),
        state=Subscription.State.ACTIVE,
        source=Subscription.Source.SIGNUP,
        confirmed_at=timezone.now(),
    )
