"""Sample objects for the site-wide tests (composition, distribution lists) (isolation and role walks). Names carry the municipality's slug, so a
page that shows another municipality's object is caught by its markers.

The default issue is sent and frozen (the only kind the public archive shows, and the public pages must answer
the walks with their default samples); the variant `draft` is still composed, with an editorial and a
hand-written item (German, Arabic translation): the edit pages answer it. The default series has a header
picture (with its credit), so its public picture URL answers too."""

import datetime

from django.utils import timezone

from teilhabe.bulletins import models as m
from teilhabe.bulletins.models import DistributionList, Subscriber, Subscription
from teilhabe.testing.samples import unique


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 20), (29, 79, 145)).save(out, format="PNG")
    return out.getvalue()


def bulletin(municipality):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teilhabe.bulletins.services.issues import save_bulletin

    return save_bulletin(
        municipality,
        None,
        {
            "name": unique(f"Kompakt-Info {municipality.slug}"),
            "audience": m.Bulletin.Audience.PROFESSIONALS,
            "languages": ["tr", "uk", "ar", "ls"],
            "sender_name": f"Integrationsamt {municipality.slug}",
            "reply_to": f"integration@{municipality.slug}.example",
            "header_image": SimpleUploadedFile("kopf.png", _png()),
            "header_alt": "",
            "header_credit": f"Bild {municipality.slug}",
        },
    )


def draft_issue(municipality):
    from teilhabe.bulletins.services.issues import add_item, create_issue
    from teilhabe.bulletins.services.texts import save_version

    a_bulletin = bulletin(municipality)
    an_issue = create_issue(
        a_bulletin,
        None,
        number=1,
        issue_date=datetime.date.today(),
        editorial=f"Vorwort {municipality.slug}",
    )
    item = add_item(
        an_issue, None, "text", title=f"Beitrag {municipality.slug}", body=f"Text {municipality.slug}"
    )
    save_version(
        item.text, None, language="ar", title=f"مقال {municipality.slug}", body=f"نص {municipality.slug}"
    )
    return an_issue


def sent_issue(municipality):
    from teilhabe.bulletins.services.freeze import freeze_issue

    an_issue = draft_issue(municipality)
    freeze_issue(an_issue)
    an_issue.state = m.BulletinIssue.State.SENT
    an_issue.sent_at = timezone.now()
    an_issue.save()
    return an_issue


def item(municipality):
    """An item of a draft issue."""
    return draft_issue(municipality).items.get()


def version(municipality):
    """A machine translation waiting for approval."""
    from teilhabe.bulletins.services.texts import save_version

    a_text = item(municipality).text
    return save_version(
        a_text, None, language="tr", title=f"Yazı {municipality.slug}", body="Metin", machine=True
    )


issue = sent_issue  # the default sample, by the name the other parts of the app use


# distribution lists


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
