"""The one mail helper: recipient's language, one mail per address and key, failures kept apart, attachments,
sent by a background job (the immediate backend runs it inside queue_mail)."""

import datetime

import pytest
from django.core import mail

from teilhabe.concept.services import reporting
from teilhabe.concept.tests.monitoring import build_concept
from teilhabe.conftest import make_member
from teilhabe.jobs.models import Job
from teilhabe.notifications.mail import Attachment, Recipient, queue_mail
from teilhabe.notifications.models import SentMail

TEMPLATE = "notifications/tests/hello"


@pytest.fixture(autouse=True)
def _test_templates(settings):
    from pathlib import Path

    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"],
        }
    ]


def hello(municipality, recipients, key="hello:1", **extra):
    return queue_mail(
        municipality,
        template=TEMPLATE,
        recipients=recipients,
        context={"round_title": "Herbst & Winter", "day": datetime.date(2026, 3, 1)},
        key=key,
        **extra,
    )


def by_address():
    return {message.to[0]: message for message in mail.outbox}


def test_each_recipient_reads_their_own_language_with_text_and_html(municipality):
    german = make_member(municipality, "office", "de@example.org")
    english = make_member(municipality, "office", "en@example.org")
    english.language = "en"
    english.save()
    job = hello(municipality, [Recipient.for_user(german), Recipient.for_user(english)])
    assert job.kind == "notifications.send" and job.state == Job.State.SUCCEEDED
    messages = by_address()
    assert messages["de@example.org"].subject == "Berichtsrunde Herbst & Winter"  # not HTML-escaped
    assert messages["de@example.org"].body.startswith("Guten Tag, de@example.org 1. März 2026")
    assert messages["en@example.org"].subject == "Reporting round Herbst & Winter"
    assert messages["en@example.org"].body.startswith("Hello, en@example.org March 1, 2026")
    html, mimetype = messages["en@example.org"].alternatives[0]
    assert mimetype == "text/html" and "<b>Herbst &amp; Winter</b>" in html
    assert job.result["sent"] == 2


def test_someone_without_an_account_gets_the_language_passed_in(municipality):
    hello(municipality, [Recipient("guest@example.org", language="en"), Recipient("gast@example.org")])
    assert by_address()["guest@example.org"].subject.startswith("Reporting round")
    assert by_address()["gast@example.org"].subject.startswith("Berichtsrunde")


def test_one_mail_per_address_and_key(municipality):
    recipients = [Recipient("a@example.org"), Recipient("A@Example.org"), Recipient("b@example.org")]
    hello(municipality, recipients)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert hello(municipality, recipients) is None  # everybody had it: no job at all
    hello(municipality, [*recipients, Recipient("c@example.org")])
    assert len(mail.outbox) == 3 and mail.outbox[-1].to == ["c@example.org"]
    hello(municipality, recipients, key="hello:2")  # another message goes to the same people
    assert len(mail.outbox) == 5
    assert SentMail.objects.filter(key="hello:1", sent_at__isnull=False).count() == 3


def test_a_failing_address_does_not_lose_the_others_and_can_be_sent_later(municipality, settings):
    settings.EMAIL_BACKEND = "teilhabe.notifications.tests.backends.RefusingBackend"
    recipients = [
        Recipient(a) for a in ("a@example.org", "refused@example.org", "down@example.org", "b@x.org")
    ]
    job = hello(municipality, recipients)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@x.org"]
    assert job.state == Job.State.FAILED
    assert "refused@example.org" in job.error and "down@example.org" in job.error
    assert job.result["sent"] == 2
    assert "messages" not in job.params and len(job.params["to"]) == 4  # rendered texts are not kept
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    hello(municipality, recipients)  # the same key again: only the two that failed
    assert sorted(m.to[0] for m in mail.outbox[2:]) == ["down@example.org", "refused@example.org"]


def test_attachments_shared_and_per_recipient(municipality):
    ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    hello(
        municipality,
        [Recipient("a@example.org", attachments=[Attachment("ticket.pdf", b"%PDF-1.4", "application/pdf")])],
        attachments=[Attachment("termin.ics", ics, "text/calendar")],
    )
    (message,) = mail.outbox
    assert [(name, mimetype) for name, _content, mimetype in message.attachments] == [
        ("termin.ics", "text/calendar"),
        ("ticket.pdf", "application/pdf"),
    ]
    assert message.attachments[0][1] == ics
    assert message.attachments[1][1] == b"%PDF-1.4"


def test_the_job_is_in_the_municipalitys_job_list(municipality, office_client):
    hello(municipality, [Recipient("a@example.org")])
    page = office_client.get(f"/{municipality.slug}/aufgaben/").content.decode()
    assert "E-Mails versenden" in page and "1 E-Mail versandt" in page


def test_the_round_mail_reaches_each_editor_in_their_language(municipality, department, partner):
    concept = build_concept(municipality, fields=1, goals=1, measures=2, leads=[department, partner])
    german = make_member(municipality, "department_editor", "amt@example.org", department)
    english = make_member(municipality, "partner_editor", "partner@example.org", partner)
    english.language = "en"
    english.save()
    due = datetime.date.today() + datetime.timedelta(days=30)
    a_round = reporting.open_round(concept, "Herbst", due)
    messages = by_address()
    assert set(messages) == {german.email, english.email}
    assert messages[german.email].subject.startswith("Neue Berichtsrunde „Herbst“")
    assert messages[english.email].subject.startswith("New reporting round “Herbst”")
    assert "Guten Tag" not in messages[english.email].body
    # Opening the same round cannot happen twice, but the key would keep a repeat quiet anyway.
    from teilhabe.concept.services import notifications

    assert notifications.round_opened(a_round) is None
    assert len(mail.outbox) == 2
