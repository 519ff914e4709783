"""Shared builders for the distribution list and sending tests."""

import datetime as dt

from teilhabe.bulletins.models import Bulletin, BulletinIssue, DistributionList, Subscription
from teilhabe.bulletins.services import subscribing


def bulletin(municipality, name="Com-In", languages=("tr", "ar")):
    return Bulletin.objects.create(
        municipality=municipality,
        name=name,
        audience=Bulletin.Audience.COMMUNITIES,
        languages=list(languages),
        sender_name="Integrationsbüro Musterstadt",
        reply_to="integration@musterstadt.example",
    )


def dlist(municipality, bulletin_=None, language="de", public=True):
    return DistributionList.objects.create(
        municipality=municipality,
        bulletin=bulletin_ or bulletin(municipality),
        language=language,
        public_signup=public,
        consent_text=f"Ich möchte die Reihe auf {language} per E-Mail erhalten.",
    )


def issue(bulletin_, number=1):
    return BulletinIssue.objects.create(
        municipality=bulletin_.municipality,
        bulletin=bulletin_,
        number=number,
        issue_date=dt.date(2026, 12, 1),
    )


def active(dlist_, address, name=""):
    """An address on the list as if it had confirmed its sign-up."""
    subscription = subscribing.sign_up(dlist_, address, name=name, form="test")
    subscribing.confirm(subscription)
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.ACTIVE
    return subscription
