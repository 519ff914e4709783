"""The issue's "Done when", end to end: an office user test-sends a Com-In issue, sends it to the lists, a
recipient unsubscribes with one click (POST without login) and gets nothing more; a public sign-up is on no
list until confirmed. Once through Django's outbox, once through a real SMTP server (aiosmtpd) on 127.0.0.1."""

import email
import email.policy
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from teilhabe.bulletins.models import SendRecord, Subscriber, Subscription
from teilhabe.bulletins.services import subscribing
from teilhabe.bulletins.tests import helpers
from teilhabe.testing.ports import free_port

pytestmark = pytest.mark.django_db


def compose_com_in(bulletin, number):
    """An issue with an item of the composition (its named action), German and Arabic."""
    from teilhabe.bulletins.services.issues import add_item
    from teilhabe.bulletins.services.texts import save_version

    issue = helpers.issue(bulletin, number)
    item = add_item(issue, None, "text", title="Sprachcafé", body="Jeden Mittwoch im Altstadthaus.")
    save_version(item.text, None, language="ar", title="مقهى اللغة", body="كل يوم أربعاء.")
    return issue


def send_through_the_pages(client, municipality, issue):
    slug = municipality.slug
    client.post(reverse("distribution:test_send", args=[slug, issue.pk]), {"languages": ["de", "ar"]})
    response = client.post(reverse("distribution:schedule", args=[slug, issue.pk]), {"when": ""})
    assert response.status_code == 302
    page = client.get(reverse("distribution:send", args=[slug, issue.pk])).content.decode()
    assert re.search(r"<dt>noch offen</dt><dd>0</dd>", page)
    return page


def one_click(unsubscribe_header: str):
    header = re.sub(r"\s+", "", unsubscribe_header)  # a long header arrives folded
    url = re.fullmatch(r"<https?://[^/]+(/\S+)>", header).group(1)
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200


def prepare(municipality, client):
    bulletin = helpers.bulletin(municipality, languages=["tr", "ar"])
    german = helpers.dlist(municipality, bulletin, "de")
    arabic = helpers.dlist(municipality, bulletin, "ar")
    helpers.active(german, "anna@example.org")
    helpers.active(arabic, "rania@example.org")
    # A public sign-up through the page, never confirmed.
    client.post(
        reverse("subscriptions:signup", args=[municipality.slug, german.pk]),
        {"email": "neu@example.org", "distribution_list": german.pk, "consent": "on"},
    )
    assert Subscription.objects.get(subscriber__email="neu@example.org").state == Subscription.State.PENDING
    return bulletin


def test_compose_test_send_send_unsubscribe_through_the_outbox(
    office_client, office_user, municipality, settings
):
    settings.BULLETIN_RATE_PER_MINUTE = 0
    anonymous = Client()
    bulletin = prepare(municipality, anonymous)
    mail.outbox.clear()
    first = compose_com_in(bulletin, 1)
    send_through_the_pages(office_client, municipality, first)
    tests = [m for m in mail.outbox if m.subject.startswith("[Test]")]
    assert [m.to for m in tests] == [[office_user.email]] * 2
    sent = {m.to[0]: m for m in mail.outbox if not m.subject.startswith("[Test]")}
    assert sorted(sent) == ["anna@example.org", "rania@example.org"]  # not the unconfirmed sign-up
    arabic_html = sent["rania@example.org"].alternatives[0][0]
    assert 'lang="ar"' in arabic_html and 'dir="rtl"' in arabic_html

    office_client.logout()
    one_click(sent["rania@example.org"].extra_headers["List-Unsubscribe"])
    assert (
        Subscription.objects.get(subscriber__email="rania@example.org").state
        == Subscription.State.UNSUBSCRIBED
    )

    mail.outbox.clear()
    office_client.force_login(office_user)
    second = compose_com_in(bulletin, 2)
    send_through_the_pages(office_client, municipality, second)
    sent = [m.to[0] for m in mail.outbox if not m.subject.startswith("[Test]")]
    assert sent == ["anna@example.org"]  # the one who left gets nothing more


class Recorder:
    """An SMTP server's handler: keeps what it was given, refuses one mailbox with 550."""

    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("unbekannt@"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    from aiosmtpd.controller import Controller

    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.BULLETIN_SENDER_DOMAIN = "post.musterstadt.example"
    settings.BULLETIN_RATE_PER_MINUTE = 0
    yield recorder
    controller.stop()


def test_the_same_through_a_real_smtp_server(office_client, office_user, municipality, smtp_server):
    bulletin = prepare(municipality, Client())
    helpers.active(bulletin.distribution_lists.get(language="de"), "unbekannt@example.org")
    smtp_server.messages.clear()
    first = compose_com_in(bulletin, 1)
    send_through_the_pages(office_client, municipality, first)
    parsed = [
        (to, email.message_from_bytes(raw, policy=email.policy.default)) for to, raw in smtp_server.messages
    ]
    tests = [to for to, m in parsed if m["Subject"].startswith("[Test]")]
    assert tests == [[office_user.email]] * 2
    sent = {to[0]: m for to, m in parsed if not m["Subject"].startswith("[Test]")}
    assert sorted(sent) == ["anna@example.org", "rania@example.org"]
    message = sent["anna@example.org"]
    assert message["Message-ID"].endswith("@post.musterstadt.example>") and message["Date"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_body(("plain",)) and message.get_body(("html",))
    # The 550 at RCPT is a hard bounce, recorded and counted, not a crash.
    bounced = SendRecord.objects.get(address="unbekannt@example.org")
    assert bounced.state == SendRecord.State.BOUNCED and "550" in bounced.reply
    assert Subscriber.objects.get(email="unbekannt@example.org").bounce_count == 1

    office_client.logout()
    one_click(str(message["List-Unsubscribe"]))
    smtp_server.messages.clear()
    office_client.force_login(office_user)
    send_through_the_pages(office_client, municipality, compose_com_in(bulletin, 2))
    from email import message_from_bytes
    from email import policy as mail_policy

    def subject(raw):
        return str(message_from_bytes(raw, policy=mail_policy.default)["Subject"])

    sent = sorted(to[0] for to, raw in smtp_server.messages if not subject(raw).startswith("[Test]"))
    assert sent == ["rania@example.org"]


def test_a_sign_up_confirmed_late_is_not_on_the_list(municipality):
    german = helpers.dlist(municipality)
    subscription = subscribing.sign_up(german, "spaet@example.org")
    assert subscription.state == Subscription.State.PENDING
    from teilhabe.bulletins.services.sending import recipients

    assert recipients(helpers.issue(german.bulletin)) == []
