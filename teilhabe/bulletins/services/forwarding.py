"""Passing one item straight on ("Direkt weitergeben"): named actions and the job `bulletins.forward`.

- `candidates(municipality, topic)`: the organisations and contacts of the directory that registered interest
  in `topic`, each with the address it would go to or the reason it cannot (a contact without valid consent
  or without an address, an organisation without a general address): shown, never silently dropped.
- `forward(...)`: the office sends an issue's item (or an activity) to the chosen ones. The item is rendered
  once, in the chosen language (`rendering.render_item` / `render_activity`), into the `Forwarding`; each
  address gets a `ForwardingRecipient`, and the job sends through the bulletins' sender (sender.py): the
  record turns "sent" in the same transaction as the hand-over, so a job run again sends to nobody twice.
- `save_interests(obj, topics)`: which topics an organisation or a contact asked to hear about.
- `erase_for_contact`: a contact's erasure deletes its forwarding records and its interests.

No tracking: the mail is the rendered item as it is, links as written."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.audit.services import log_event
from teilhabe.bulletins import sender
from teilhabe.bulletins.models import Forwarding, ForwardingRecipient, Topic
from teilhabe.bulletins.output.labels import direction, html_lang, words
from teilhabe.bulletins.services import rendering
from teilhabe.directory.models import Contact, Organisation
from teilhabe.jobs.registry import JobFailed
from teilhabe.jobs.services import start_job

KIND = "bulletins.forward"
#: The languages an activity can be passed on in (the fixed words exist in them; its own texts stay German).
ACTIVITY_LANGUAGES = ("de", "en", "tr", "ru", "uk", "ar", "ls")
R = ForwardingRecipient.State


@dataclass
class Candidate:
    value: str  # "o-3" or "c-12": the form's choice
    organisation: Organisation | None
    contact: Contact | None
    address: str
    reason: str = ""  # why it cannot be sent ("" when it can)
    last_sent: object = None  # when this item last went to this address

    @property
    def sendable(self) -> bool:
        return not self.reason

    @property
    def name(self) -> str:
        return self.contact.name if self.contact else self.organisation.name


def contact_reason(contact: Contact) -> str:
    """Why a contact may not be e-mailed ("" if it may): consent first, then the address."""
    if contact.erased_at:
        return _("Personendaten gelöscht")
    if contact.consent_withdrawn:
        return _("Einwilligung widerrufen")
    if not contact.consent_date:
        return _("keine Einwilligung erfasst")
    if not contact.email:
        return _("keine E-Mail-Adresse")
    return ""


def candidates(municipality, topic, *, item=None, activity=None) -> list[Candidate]:
    """Who asked to hear about `topic`: organisations, then contacts (three queries for any number)."""
    organisations = Organisation.objects.for_municipality(municipality).filter(bulletin_topics=topic)
    contacts = (
        Contact.objects.for_municipality(municipality)
        .filter(bulletin_topics=topic)
        .select_related("organisation")
        .order_by("organisation__name", "name", "pk")
    )
    found = [
        Candidate(
            f"o-{o.pk}",
            o,
            None,
            o.email.strip().lower(),
            "" if o.email else _("keine allgemeine E-Mail-Adresse"),
        )
        for o in organisations.order_by("name", "pk")
    ]
    for contact in contacts:
        reason = contact_reason(contact)
        address = "" if reason else contact.email.strip().lower()
        found.append(Candidate(f"c-{contact.pk}", contact.organisation, contact, address, reason))
    if item is not None or activity is not None:
        sent = _last_sent(municipality, item, activity)
        for candidate in found:
            candidate.last_sent = sent.get(candidate.address)
    return found


def _last_sent(municipality, item, activity) -> dict:
    rows = ForwardingRecipient.objects.filter(municipality=municipality, state=R.SENT)
    rows = (
        rows.filter(forwarding__item=item) if item is not None else rows.filter(forwarding__activity=activity)
    )
    return dict(rows.values("address").annotate(last=Max("at")).values_list("address", "last"))


def languages_for(*, item=None, activity=None) -> list[str]:
    return list(item.issue.bulletin.all_languages) if item is not None else list(ACTIVITY_LANGUAGES)


def _sender_name(municipality, item) -> str:
    if item is not None:
        return item.issue.bulletin.sender_name
    return municipality.office_name or municipality.name


def content(municipality, topic, language, *, item=None, activity=None) -> dict:
    """{"subject", "html", "text"} of the mail: the item in `language`, with who passes it on and why."""
    rendered = (
        rendering.render_item(item, language)
        if item is not None
        else rendering.render_activity(activity, language)
    )
    w = words(language)
    name = _sender_name(municipality, item)
    ctx = {
        "lang": html_lang(language),
        "dir": direction(language),
        "subject": rendered.title,
        "intro": w["forwarded"] % {"sender": name},
        "why": w["forwarded_why"] % {"topic": topic.name},
        "block_html": mark_safe(rendered.html),  # rendered with autoescape by the block template
        "block_text": rendered.text,
    }
    return {
        "subject": rendered.title,
        "html": render_to_string("bulletins/email/forwarding.html", ctx),
        "text": render_to_string("bulletins/email/forwarding.txt", ctx),
    }


# --- named actions ----------------------------------------------------------------------------------------


@transaction.atomic
def forward(
    municipality, actor, *, topic: Topic, language: str, chosen, item=None, activity=None
) -> Forwarding:
    """Send the item (or the activity) to the chosen candidates of `topic`; returns the Forwarding, whose
    job sends. Refuses a choice that is not a candidate or may not be e-mailed."""
    if (item is None) == (activity is None):
        raise ValueError("forward exactly one item or one activity")
    if language not in languages_for(item=item, activity=activity):
        raise ValidationError({"language": _("In dieser Sprache gibt es den Beitrag nicht.")})
    by_value = {c.value: c for c in candidates(municipality, topic)}
    chosen = list(dict.fromkeys(chosen))
    refused = [value for value in chosen if value not in by_value or not by_value[value].sendable]
    if refused or not chosen:
        raise ValidationError(
            {"recipients": _("Bitte wählen Sie nur Empfänger:innen, an die versandt werden darf.")}
            if refused
            else {"recipients": _("Bitte wählen Sie mindestens eine Empfängerin oder einen Empfänger.")}
        )
    mail = content(municipality, topic, language, item=item, activity=activity)
    forwarding = Forwarding(
        municipality=municipality,
        item=item,
        activity=activity,
        topic=topic,
        language=language,
        sent_by=actor if getattr(actor, "pk", None) else None,
        sent_at=timezone.now(),
        **mail,
    )
    forwarding.save()
    seen = set()
    for value in chosen:
        candidate = by_value[value]
        if candidate.address in seen:
            continue
        seen.add(candidate.address)
        ForwardingRecipient.objects.create(
            municipality=municipality,
            forwarding=forwarding,
            contact=candidate.contact,
            organisation=candidate.organisation if candidate.contact is None else None,
            address=candidate.address,
        )
    job = start_job(municipality, actor, KIND, params={"forwarding": forwarding.pk})
    Forwarding.objects.filter(pk=forwarding.pk).update(job=job)
    forwarding.job = job
    return forwarding


def resend(forwarding: Forwarding, actor):
    """Run the job again: it sends to the addresses not yet sent (failed ones), never twice."""
    return start_job(forwarding.municipality, actor, KIND, params={"forwarding": forwarding.pk})


@transaction.atomic
def save_interests(obj, topics, actor=None) -> None:
    """The topics an organisation or a contact asked to hear about (topics of its own municipality only);
    the change is written to the organisation's or contact's own history."""
    if isinstance(obj, Contact) and obj.erased_at:
        raise ValidationError(_("Die Personendaten wurden gelöscht."))
    wanted = {t.pk for t in topics if t.municipality_id == obj.municipality_id}
    field = "contacts" if isinstance(obj, Contact) else "organisations"
    chosen = []
    for topic in Topic.objects.filter(municipality_id=obj.municipality_id).order_by("name"):
        members = getattr(topic, field)
        if topic.pk in wanted:
            members.add(obj)
            chosen.append(topic.name)
        else:
            members.remove(obj)
    label = _("Themen für „Direkt weitergeben“: %(topics)s") % {"topics": ", ".join(chosen) or "–"}
    log_event(obj, LogEntry.Action.UPDATE, label, actor)


def erase_for_contact(sender, contact, actor=None, **kwargs) -> None:  # noqa: ARG001 (a signal receiver)
    """A contact's erasure: what was passed on to them and what they were interested in goes too."""
    ForwardingRecipient.objects.filter(contact=contact).delete()
    for topic in Topic.objects.filter(contacts=contact):
        topic.contacts.remove(contact)


# --- the job ----------------------------------------------------------------------------------------------


def _send_one(forwarding, record, connection) -> str:
    outgoing = sender.Outgoing(
        to=record.address,
        subject=forwarding.subject,
        text=forwarding.text,
        html=forwarding.html,
        from_email=sender.from_address(
            forwarding.municipality, _sender_name(forwarding.municipality, forwarding.item)
        ),
        reply_to=(forwarding.item.issue.bulletin.reply_to if forwarding.item else "")
        or forwarding.municipality.office_email,
        message_id=sender.new_message_id(forwarding.pk, "forwarding"),
    )
    try:
        with transaction.atomic():
            current = ForwardingRecipient.objects.select_for_update().get(pk=record.pk)
            if current.state in ForwardingRecipient.FINAL:
                return current.state  # another run got here first
            ForwardingRecipient.objects.filter(pk=record.pk).update(
                state=R.SENT, at=timezone.now(), message_id=outgoing.message_id, reply=""
            )
            sender.hand_over(connection, outgoing)  # raises: the record above is rolled back
    except Exception as error:  # refused, server down: recorded, the others go on
        hard, reply = sender.refusal(error)
        state = R.BOUNCED if hard else R.FAILED
        ForwardingRecipient.objects.filter(pk=record.pk).update(state=state, at=timezone.now(), reply=reply)
        return state
    return R.SENT


def run(job) -> dict:
    forwarding = Forwarding.objects.select_related("municipality", "item__issue__bulletin").get(
        pk=job.params["forwarding"], municipality=job.municipality
    )
    todo = list(forwarding.recipients.exclude(state__in=ForwardingRecipient.FINAL))
    if todo:
        try:
            connection = sender.open_connection()
        except Exception as error:
            raise JobFailed(
                _("Der Mailserver ist nicht erreichbar (%(reply)s). Nichts wurde versandt.")
                % {"reply": sender.refusal(error)[1]}
            ) from None
        try:
            for record in todo:
                _send_one(forwarding, record, connection)
        finally:
            connection.close()
    rows = list(forwarding.recipients.values_list("address", "state"))
    counts = {state: sum(1 for _a, s in rows if s == state) for state in {s for _a, s in rows}}
    sent = counts.get(R.SENT, 0)
    failed = [address for address, state in rows if state != R.SENT]
    result = {
        "forwarding": forwarding.pk,
        "counts": counts,
        "failed": failed,
        "summary": ngettext(
            "„%(subject)s“ an %(sent)s Empfänger:in weitergegeben",
            "„%(subject)s“ an %(sent)s Empfänger:innen weitergegeben",
            sent,
        )
        % {"subject": forwarding.subject, "sent": sent},
    }
    if failed:
        raise JobFailed(
            _("Nicht zugestellt: %(addresses)s. Die anderen sind versandt.")
            % {"addresses": ", ".join(failed)},
            result=result,
        )
    return result
