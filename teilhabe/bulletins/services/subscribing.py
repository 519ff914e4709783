"""Named actions of the distribution lists: the public sign-up with double opt-in, the confirmation, the
preferences, unsubscribing, and the office's own steps (lists, topics, contacts from the directory, lifting a
suspension). Each step that gives or withdraws consent writes a ConsentRecord (models/lists.py)."""

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.bulletins.models import ConsentRecord, DistributionList, Subscriber, Subscription, Topic
from teilhabe.bulletins.output import list_words
from teilhabe.bulletins.services import tokens
from teilhabe.notifications.mail import Recipient, queue_mail

#: A second sign-up of the same address within this time sends no second confirmation mail.
RESEND_AFTER = timedelta(hours=1)
Event, Method = ConsentRecord.Event, ConsentRecord.Method


def normalise(address: str) -> str:
    return (address or "").strip().lower()


def record(subscriber, dlist, event, method, *, text="", form="", legal_basis="", actor=None):
    return ConsentRecord.objects.create(
        municipality_id=subscriber.municipality_id,
        subscriber=subscriber,
        distribution_list=dlist,
        event=event,
        method=method,
        text=text,
        form=form[:300],
        legal_basis=legal_basis[:300],
        recorded_by=actor if getattr(actor, "pk", None) else None,
        at=timezone.now(),
    )


def subscriber_for(municipality, address: str, name: str = "") -> Subscriber:
    subscriber, created = Subscriber.objects.get_or_create(
        municipality=municipality, email=normalise(address), defaults={"name": name.strip()[:200]}
    )
    if not created and name.strip() and not subscriber.name:
        subscriber.name = name.strip()[:200]
        subscriber.save(update_fields=["name"])
    return subscriber


# --- the office's lists and topics ------------------------------------------------------------------------


def save_list(municipality, values: dict, dlist: DistributionList | None = None) -> DistributionList:
    dlist = dlist or DistributionList(municipality=municipality)
    return save_values(dlist, values)


def save_topic(municipality, values: dict, topic: Topic | None = None) -> Topic:
    return save_values(topic or Topic(municipality=municipality), values)


# --- public sign-up and double opt-in ---------------------------------------------------------------------


@transaction.atomic
def sign_up(dlist: DistributionList, address: str, *, name="", form="") -> Subscription:
    """Put `address` on `dlist` as *pending* and mail the confirmation link (valid 48 h). Nothing is sent
    to a pending subscription. Signing up again (an active address, or within an hour) mails nothing more,
    and the page answers the same either way, so nobody learns who is on a list."""
    subscriber = subscriber_for(dlist.municipality, address, name)
    subscription, _created = Subscription.objects.get_or_create(
        distribution_list=dlist,
        subscriber=subscriber,
        defaults={"municipality": dlist.municipality, "source": Subscription.Source.SIGNUP},
    )
    if subscription.state == Subscription.State.ACTIVE:
        return subscription
    now = timezone.now()
    recent = subscription.requested_at and now - subscription.requested_at < RESEND_AFTER
    if subscription.state == Subscription.State.PENDING and recent:
        return subscription
    renew_confirmation(subscription, now)
    subscription.save()
    record(subscriber, dlist, Event.GIVEN, Method.PUBLIC_FORM, text=dlist.consent_text, form=form)
    send_confirmations(dlist, [subscription], key=f"{subscription.pk}:{subscription.confirm_nonce}")
    return subscription


def renew_confirmation(subscription: Subscription, now) -> None:
    """Make the subscription wait for a new confirmation link (the old one stops working); not saved."""
    subscription.state = Subscription.State.PENDING
    subscription.requested_at = now
    subscription.confirm_nonce = secrets.token_urlsafe(12)


def send_confirmations(dlist: DistributionList, subscriptions, *, key: str, imported=False):
    """The double opt-in mail, in the list's language, to each pending subscription of `dlist`."""
    return queue_mail(
        dlist.municipality,
        template="bulletins/email/confirm",
        recipients=[
            Recipient(
                s.subscriber.email, language=dlist.language, context={"confirm_url": tokens.confirm_url(s)}
            )
            for s in subscriptions
        ],
        context={
            "list": dlist,
            "bulletin": dlist.bulletin,
            "imported": imported,
            "w": list_words.for_list(dlist),
        },
        key=f"bulletin-confirm:{key}",
    )


def pending_for_token(municipality, token: str) -> Subscription | None:
    """The subscription a confirmation link names, if the link is genuine, at most 48 h old and unused."""
    found = tokens.read_confirm_token(token)
    if found is None:
        return None
    pk, nonce = found
    return (
        Subscription.objects.filter(
            municipality=municipality, pk=pk, confirm_nonce=nonce, state=Subscription.State.PENDING
        )
        .select_related("distribution_list__bulletin", "subscriber")
        .first()
    )


@transaction.atomic
def confirm(subscription: Subscription) -> Subscription:
    given = subscription.subscriber.consents.filter(
        distribution_list=subscription.distribution_list, event=Event.GIVEN
    ).last()
    subscription.state = Subscription.State.ACTIVE
    subscription.confirmed_at = timezone.now()
    subscription.confirm_nonce = ""
    subscription.save()
    record(
        subscription.subscriber,
        subscription.distribution_list,
        Event.CONFIRMED,
        Method.CONFIRMATION_LINK,
        text=given.text if given else subscription.distribution_list.consent_text,
        form=given.form if given else "",
    )
    return subscription


# --- leaving and preferences ------------------------------------------------------------------------------


@transaction.atomic
def unsubscribe(subscription: Subscription, method=Method.UNSUBSCRIBE_PAGE, actor=None) -> bool:
    """Take the subscription off its list (the consent records stay as proof). False if it already was."""
    if subscription.state == Subscription.State.UNSUBSCRIBED:
        return False
    was_pending = subscription.state == Subscription.State.PENDING
    subscription.state = Subscription.State.UNSUBSCRIBED
    subscription.unsubscribed_at = timezone.now()
    subscription.confirm_nonce = ""
    subscription.save()
    if not was_pending or method != Method.OFFICE:
        record(subscription.subscriber, subscription.distribution_list, Event.WITHDRAWN, method, actor=actor)
    return True


def subscription_for_unsubscribe(municipality, token: str) -> Subscription | None:
    found = tokens.read_token(token, tokens.UNSUBSCRIBE_SALT)
    if found is None:
        return None
    pk, key = found
    return (
        Subscription.objects.filter(municipality=municipality, pk=pk, subscriber__key=key)
        .select_related("distribution_list__bulletin", "subscriber")
        .first()
    )


def subscriber_for_preferences(municipality, token: str) -> Subscriber | None:
    found = tokens.read_token(token, tokens.PREFERENCES_SALT)
    if found is None:
        return None
    pk, key = found
    return Subscriber.objects.filter(municipality=municipality, pk=pk, key=key).first()


@transaction.atomic
def save_preferences(subscriber: Subscriber, languages: dict, topics) -> None:
    """`languages`: {bulletin id: language code, or "" to leave that bulletin}. A new language moves the
    person to that language's list at once (their address is proven: they came by their own link)."""
    current = {
        s.distribution_list.bulletin_id: s
        for s in subscriber.subscriptions.filter(state=Subscription.State.ACTIVE).select_related(
            "distribution_list"
        )
    }
    for bulletin_id, language in languages.items():
        subscription = current.get(bulletin_id)
        if subscription is None or subscription.distribution_list.language == language:
            continue
        if not language:
            unsubscribe(subscription, Method.PREFERENCES)
            continue
        target = DistributionList.objects.filter(
            municipality_id=subscriber.municipality_id, bulletin_id=bulletin_id, language=language
        ).first()
        if target is None:
            continue
        unsubscribe(subscription, Method.PREFERENCES)
        moved, _created = Subscription.objects.get_or_create(
            distribution_list=target,
            subscriber=subscriber,
            defaults={"municipality_id": subscriber.municipality_id, "source": subscription.source},
        )
        moved.state, moved.confirmed_at, moved.unsubscribed_at = (
            Subscription.State.ACTIVE,
            timezone.now(),
            None,
        )
        moved.save()
        record(
            subscriber,
            target,
            Event.CHANGED,
            Method.PREFERENCES,
            text=_("Sprache gewechselt von %(old)s zu %(new)s; Einwilligung übernommen.")
            % {"old": subscription.distribution_list.language_name, "new": target.language_name},
        )
    chosen = {t.pk for t in topics}
    if chosen != set(subscriber.topics.values_list("pk", flat=True)):
        subscriber.topics.set(topics)
        names = ", ".join(sorted(t.name for t in topics)) or "–"
        record(
            subscriber,
            None,
            Event.CHANGED,
            Method.PREFERENCES,
            text=_("Themen: %(names)s") % {"names": names},
        )


# --- the office -------------------------------------------------------------------------------------------


@dataclass
class Added:
    added: list = field(default_factory=list)
    already: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (contact, reason)


@transaction.atomic
def add_contacts(dlist: DistributionList, contacts, actor) -> Added:
    """Put directory contacts on the list, only those whose consent is recorded in the directory (purpose,
    date, way); the consent record names it."""
    outcome = Added()
    for contact in contacts:
        if not contact.email:
            outcome.refused.append((contact, _("keine E-Mail-Adresse")))
            continue
        if not contact.has_consent:
            outcome.refused.append((contact, _("keine gültige Einwilligung im Adressbuch")))
            continue
        subscriber = subscriber_for(dlist.municipality, contact.email, contact.name)
        if subscriber.contact_id != contact.pk:
            subscriber.contact = contact
            subscriber.save(update_fields=["contact"])
        subscription, created = Subscription.objects.get_or_create(
            distribution_list=dlist,
            subscriber=subscriber,
            defaults={"municipality": dlist.municipality, "source": Subscription.Source.DIRECTORY},
        )
        if not created and subscription.state == Subscription.State.ACTIVE:
            outcome.already.append(contact)
            continue
        subscription.state, subscription.confirmed_at = Subscription.State.ACTIVE, timezone.now()
        subscription.unsubscribed_at = None
        subscription.save()
        basis = _("Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), %(way)s am %(date)s") % {
            "way": contact.get_consent_method_display() or "–",
            "date": contact.consent_date.strftime("%d.%m.%Y"),
        }
        record(
            subscriber,
            dlist,
            Event.RECORDED,
            Method.DIRECTORY,
            text=contact.consent_purpose,
            form=_("Adressbuch, Ansprechperson #%(id)s") % {"id": contact.pk},
            legal_basis=basis,
            actor=actor,
        )
        outcome.added.append(contact)
    return outcome


def lift_suspension(subscriber: Subscriber) -> Subscriber:
    """The office checked the address (typo fixed at the recipient, mailbox full no more): send again."""
    subscriber.suspended_at = None
    subscriber.bounce_count = 0
    subscriber.save(update_fields=["suspended_at", "bounce_count"])
    return subscriber
