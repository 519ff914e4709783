"""The demo's distribution lists: example.org recipients, each with its consent records; run twice, the same."""

import pytest

from teilhabe.bulletins import demo_lists
from teilhabe.bulletins.models import ConsentRecord, DistributionList, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def test_the_demo_lists_have_consent_records_and_load_twice(municipality, partner):
    from teilhabe.directory.tests.helpers import contact

    contact(partner)
    demo_lists.load(municipality)
    counts = (Subscriber.objects.count(), Subscription.objects.count(), ConsentRecord.objects.count())
    demo_lists.load(municipality)
    assert counts == (Subscriber.objects.count(), Subscription.objects.count(), ConsentRecord.objects.count())
    assert DistributionList.objects.filter(bulletin__name="Com-In").count() == 4
    assert all(s.email.endswith(("@example.org", ".example")) for s in Subscriber.objects.all())
    for subscription in Subscription.objects.exclude(state=Subscription.State.PENDING):
        assert subscription.subscriber.consents.filter(
            event__in=[
                ConsentRecord.Event.CONFIRMED,
                ConsentRecord.Event.IMPORTED,
                ConsentRecord.Event.RECORDED,
            ]
        ).exists()
    assert Subscriber.objects.filter(suspended_at__isnull=False).count() == 1
    assert Subscription.objects.filter(subscriber__contact__isnull=False).exists()
