"""Invitations (agenda and an .ics file) and minutes of a meeting, by e-mail to the network's members.

Both go through teilhabe.notifications (rendered in each recipient's language, sent by a background job) and
never twice to one address: the invitation's key names the meeting and its date and time (a moved meeting is
a new invitation), the minutes' key names the meeting. A member is written to at its contact's address when
the contact has consented, else at its organisation's general address."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from teilhabe.networks.models import Meeting
from teilhabe.notifications.mail import Attachment, Recipient, queue_mail

TIME_ZONE = "Europe/Berlin"


def _language(languages) -> str:
    """German unless the person's languages name English and not German."""
    codes = list(languages or [])
    if "de" not in codes and "en" in codes:
        return "en"
    return settings.LANGUAGE_CODE


def member_recipients(members) -> list[Recipient]:
    """One Recipient per member with an address (duplicates are dropped by queue_mail)."""
    recipients = []
    for member in members:
        contact, organisation = member.contact, member.organisation
        if contact is not None and contact.has_consent and contact.email:
            recipients.append(Recipient(contact.email, _language(contact.languages), {"member": member}))
        elif organisation is not None and organisation.email:
            recipients.append(
                Recipient(organisation.email, _language(organisation.languages), {"member": member})
            )
    return recipients


def _members(meeting):
    invited = list(meeting.invited.select_related("contact", "organisation"))
    if invited:
        return invited
    return list(meeting.network.members.select_related("contact", "organisation"))


def meeting_ics(meeting) -> str:
    """The meeting as an iCalendar (RFC 5545) text with a stable UID and the VTIMEZONE of Europe/Berlin."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Teilhabe//Netzwerktreffen//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = icalendar.Event()
    event.add("uid", "meeting-%s-%s@teilhabe" % (meeting.municipality_id, meeting.pk))
    event.add("dtstamp", timezone.now())
    event.add("summary", meeting.title or meeting.network.name)
    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
        end_time = meeting.end_time or (start + datetime.timedelta(hours=2)).time()
        event.add("dtstart", start)
        event.add("dtend", datetime.datetime.combine(meeting.date, end_time, tzinfo=zone))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    location = meeting.place or meeting.online_link
    if location:
        event.add("location", location)
    if meeting.online_link:
        event.add("url", meeting.online_link)
    if meeting.agenda:
        event.add("description", meeting.agenda)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def _context(meeting):
    return {
        "meeting": meeting,
        "network": meeting.network,
        "municipality": meeting.municipality,
    }


@transaction.atomic
def send_invitation(meeting, user):
    """Invite the meeting's invited members (all members when none are marked) by e-mail with the agenda and
    an .ics file. Returns the job, or None when everyone has it already."""
    meeting = Meeting.objects.select_related("network", "municipality").get(pk=meeting.pk)
    members = _members(meeting)
    if not meeting.invited.exists():
        meeting.invited.set(members)
    when = meeting.date.isoformat() + (meeting.start_time.strftime("T%H%M") if meeting.start_time else "")
    job = queue_mail(
        meeting.municipality,
        template="networks/email/invitation",
        recipients=member_recipients(members),
        context=_context(meeting),
        key=f"meeting-invitation:{meeting.pk}:{when}",
        attachments=[Attachment("einladung.ics", meeting_ics(meeting), "text/calendar; method=REQUEST")],
        started_by=user,
    )
    if job is not None:
        meeting.invitation_sent_at = timezone.now()
        meeting.save(update_fields=["invitation_sent_at"])
    return job


@transaction.atomic
def send_minutes(meeting, user):
    """Send the minutes, decisions and agreed tasks to the members invited (or all). Once per address."""
    meeting = Meeting.objects.select_related("network", "municipality").get(pk=meeting.pk)
    context = {
        **_context(meeting),
        "tasks": list(meeting.tasks.select_related("assignee_user", "assignee_contact")),
    }
    job = queue_mail(
        meeting.municipality,
        template="networks/email/minutes",
        recipients=member_recipients(_members(meeting)),
        context=context,
        key=f"meeting-minutes:{meeting.pk}",
        started_by=user,
    )
    if job is not None:
        meeting.minutes_sent_at = timezone.now()
        meeting.save(update_fields=["minutes_sent_at"])
    return job
