"""Public sign-up with double opt-in, the preferences page and one-click unsubscribe (RFC 8058), and the
consent records they leave behind."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import ConsentRecord, Subscriber, Subscription
from teilhabe.bulletins.services import subscribing, tokens
from teilhabe.bulletins.tests import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def com_in(municipality):
    bulletin = helpers.bulletin(municipality)
    return helpers.dlist(municipality, bulletin, "de"), helpers.dlist(municipality, bulletin, "tr")


def sign_up(client, municipality, dlist, address="leserin@example.org", chosen=None, **extra):
    url = reverse("subscriptions:signup", args=[municipality.slug, dlist.pk])
    data = {
        "email": address,
        "name": "Ayşe",
        "distribution_list": (chosen or dlist).pk,
        "consent": "on",
        **extra,
    }
    return client.post(url, data)


def link_in(message) -> str:
    return re.search(r"https?://\S+/bestaetigen/\S+/", message.body).group(0)


def test_a_sign_up_is_on_no_list_until_confirmed(client, municipality, com_in):
    german, turkish = com_in
    response = sign_up(client, municipality, german, chosen=turkish)
    assert response.status_code == 302
    assert response["Location"] == reverse("subscriptions:thanks", args=[municipality.slug, turkish.pk])
    subscription = Subscription.objects.get()
    assert subscription.distribution_list == turkish and subscription.state == Subscription.State.PENDING
    assert not Subscription.objects.filter(state=Subscription.State.ACTIVE).exists()
    given = ConsentRecord.objects.get()
    assert given.event == ConsentRecord.Event.GIVEN and given.text == turkish.consent_text
    assert "Öffentliche Anmeldung" in given.form

    (message,) = mail.outbox
    assert message.to == ["leserin@example.org"] and "Com-In" in message.subject
    url = link_in(message)
    path = url.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert (
        page.status_code == 200 and "Evet, onaylıyorum" in page.content.decode()
    )  # the Turkish list speaks Turkish
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.PENDING  # a GET (a mail scanner) confirms nothing
    assert client.post("/" + path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.ACTIVE and subscription.confirmed_at
    confirmed = ConsentRecord.objects.get(event=ConsentRecord.Event.CONFIRMED)
    assert (
        confirmed.text == turkish.consent_text and confirmed.method == ConsentRecord.Method.CONFIRMATION_LINK
    )
    assert client.post("/" + path).status_code == 404  # used once


def test_the_confirmation_link_expires_after_48_hours(client, municipality, com_in, monkeypatch):
    sign_up(client, municipality, com_in[0])
    path = "/" + link_in(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]
    later = timezone.now().timestamp() + 48 * 3600 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(path)
    assert response.status_code == 404 and "48 Stunden" in response.content.decode()
    assert Subscription.objects.get().state == Subscription.State.PENDING


def test_a_forged_link_is_refused(client, municipality, com_in):
    sign_up(client, municipality, com_in[0])
    path = "/" + link_in(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]
    assert client.post(path[:-3] + "xx/").status_code == 404
    assert Subscription.objects.get().state == Subscription.State.PENDING


def test_signing_up_again_says_the_same_and_mails_once_an_hour(client, municipality, com_in):
    first = sign_up(client, municipality, com_in[0])
    second = sign_up(client, municipality, com_in[0], address="LESERIN@example.org ")
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1 and Subscriber.objects.count() == 1
    Subscription.objects.update(requested_at=timezone.now() - timedelta(hours=2))
    sign_up(client, municipality, com_in[0])
    assert len(mail.outbox) == 2
    subscribing.confirm(Subscription.objects.get())
    sign_up(client, municipality, com_in[0])  # already active: nothing new, the same answer
    assert len(mail.outbox) == 2


def test_the_form_needs_consent_and_ignores_bots(client, municipality, com_in):
    response = sign_up(client, municipality, com_in[0], consent="")
    assert response.status_code == 200 and "Ohne Einwilligung" in response.content.decode()
    response = sign_up(client, municipality, com_in[0], website="http://spam.example")
    assert response.status_code == 302 and not Subscription.objects.exists() and not mail.outbox


def test_a_list_without_public_sign_up_has_no_public_page(client, municipality):
    closed = helpers.dlist(municipality, public=False)
    assert client.get(reverse("subscriptions:signup", args=[municipality.slug, closed.pk])).status_code == 404
    assert (
        closed.bulletin.name
        not in client.get(reverse("subscriptions:index", args=[municipality.slug])).content.decode()
    )


def test_one_click_unsubscribe_works_without_login_and_without_csrf_token(municipality, com_in):
    subscription = helpers.active(com_in[0], "leser@example.org")
    url = reverse(
        "subscriptions:unsubscribe", args=[municipality.slug, tokens.unsubscribe_token(subscription)]
    )
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(url)
    assert page.status_code == 200 and "Ja, abmelden" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.ACTIVE  # GET only shows the button
    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.UNSUBSCRIBED
    withdrawn = ConsentRecord.objects.get(event=ConsentRecord.Event.WITHDRAWN)
    assert withdrawn.method == ConsentRecord.Method.ONE_CLICK
    # The proof stays: given, confirmed, withdrawn.
    assert ConsentRecord.objects.filter(subscriber=subscription.subscriber).count() == 3


def test_only_the_unsubscribe_view_is_exempt_from_csrf(municipality, com_in):
    strict = Client(enforce_csrf_checks=True)
    url = reverse("subscriptions:signup", args=[municipality.slug, com_in[0].pk])
    response = strict.post(
        url, {"email": "x@example.org", "distribution_list": com_in[0].pk, "consent": "on"}
    )
    assert response.status_code == 403 and not Subscription.objects.exists()
    subscriber = helpers.active(com_in[0], "leser@example.org").subscriber
    url = reverse("subscriptions:preferences", args=[municipality.slug, tokens.preferences_token(subscriber)])
    assert strict.post(url, {}).status_code == 403
    from teilhabe.bulletins import subscription_urls

    exempt = [p.name for p in subscription_urls.urlpatterns if getattr(p.callback, "csrf_exempt", False)]
    assert exempt == ["unsubscribe"]


def test_the_unsubscribe_button_and_a_wrong_token(client, municipality, com_in):
    subscription = helpers.active(com_in[0], "leser@example.org")
    token = tokens.unsubscribe_token(subscription)
    url = reverse("subscriptions:unsubscribe", args=[municipality.slug, token])
    assert client.post(url).status_code == 302
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.UNSUBSCRIBED
    assert "abgemeldet" in client.get(url).content.decode()
    assert client.post(url.replace(token, token[:-2] + "zz")).status_code == 404


def test_the_preferences_change_the_language_and_the_topics(client, municipality, com_in):
    german, turkish = com_in
    topic = subscribing.save_topic(municipality, {"name": "Arbeit"})
    subscriber = helpers.active(german, "leser@example.org").subscriber
    url = reverse("subscriptions:preferences", args=[municipality.slug, tokens.preferences_token(subscriber)])
    page = client.get(url)
    assert page.status_code == 200 and "Türkisch" in page.content.decode()
    field = f"bulletin_{german.bulletin_id}"
    assert client.post(url, {field: "tr", "topics": [topic.pk]}).status_code == 302
    states = dict(subscriber.subscriptions.values_list("distribution_list__language", "state"))
    assert states == {"de": Subscription.State.UNSUBSCRIBED, "tr": Subscription.State.ACTIVE}
    assert list(subscriber.topics.all()) == [topic]
    assert client.post(url, {field: ""}).status_code == 302
    assert not subscriber.subscriptions.filter(state=Subscription.State.ACTIVE).exists()
    other = reverse("subscriptions:preferences", args=[municipality.slug, "1.x:bad"])
    assert client.get(other).status_code == 404


def test_tokens_of_one_municipality_do_not_open_another(client, municipality, other_municipality, com_in):
    subscription = helpers.active(com_in[0], "leser@example.org")
    url = reverse(
        "subscriptions:unsubscribe", args=[other_municipality.slug, tokens.unsubscribe_token(subscription)]
    )
    assert client.post(url).status_code == 404
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.ACTIVE
