"""The office's list pages: counts, suspended addresses shown apart, directory contacts added only with
consent, taking someone off (the proof stays), the privacy search (Auskunft and erasure, also when the
directory erases the contact)."""

import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import ConsentRecord, Subscriber, Subscription
from teilhabe.bulletins.tests import helpers
from teilhabe.directory import privacy as directory_privacy
from teilhabe.directory.tests.helpers import contact as make_contact

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"distribution:{name}", args=[municipality.slug, *args])


@pytest.fixture
def german(municipality):
    return helpers.dlist(municipality)


def test_the_list_page_shows_states_and_suspended_addresses_with_bounded_queries(
    office_client, municipality, german, django_assert_max_num_queries
):
    for number in range(30):
        helpers.active(german, f"leser{number}@example.org")
    Subscriber.objects.filter(email="leser3@example.org").update(
        suspended_at=timezone.now(), bounce_count=3, last_bounce="550 5.1.1 user unknown"
    )
    with django_assert_max_num_queries(14):
        page = office_client.get(url("detail", municipality, german.pk))
    body = page.content.decode()
    assert "1 gesperrte Adresse" in body and "550 5.1.1 user unknown" in body
    assert "30 aktiv" in body
    with django_assert_max_num_queries(10):
        index = office_client.get(url("index", municipality))
    assert str(german) in index.content.decode()

    subscriber = Subscriber.objects.get(email="leser3@example.org")
    office_client.post(url("lift_suspension", municipality, subscriber.pk), {"verteiler": german.pk})
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None and subscriber.bounce_count == 0


def test_creating_a_list_checks_the_language_of_the_series(office_client, municipality):
    bulletin = helpers.bulletin(municipality, languages=["tr"])
    helpers.bulletin(municipality, name="Kompakt-Info", languages=["ar"])  # "ar" is offered, not by Com-In
    response = office_client.post(
        url("create", municipality), {"bulletin": bulletin.pk, "language": "ar", "consent_text": "Ja"}
    )
    assert response.status_code == 200 and "bietet die Reihe nicht an" in response.content.decode()
    response = office_client.post(
        url("create", municipality),
        {"bulletin": bulletin.pk, "language": "tr", "consent_text": "Ja", "public_signup": "on"},
    )
    dlist = bulletin.distribution_lists.get()
    assert response["Location"] == url("detail", municipality, dlist.pk) and dlist.language == "tr"
    assert LogEntry.objects.get_for_object(dlist).exists()


def test_directory_contacts_are_added_with_their_consent_as_proof(
    office_client, municipality, partner, german
):
    agreed = make_contact(partner)
    refused = make_contact(partner, name="Ohne Einwilligung", email="ohne@caritas.example", consent=False)
    page = office_client.get(url("add_contacts", municipality, german.pk))
    assert agreed.name in page.content.decode() and refused.name not in page.content.decode()
    office_client.post(url("add_contacts", municipality, german.pk), {"contacts": [agreed.pk]})
    subscription = Subscription.objects.get()
    assert subscription.state == Subscription.State.ACTIVE and subscription.subscriber.contact == agreed
    proof = ConsentRecord.objects.get()
    assert proof.method == ConsentRecord.Method.DIRECTORY and proof.text == agreed.consent_purpose
    assert "27.02.2024" in proof.legal_basis
    # A contact without consent is refused even if posted.
    response = office_client.post(url("add_contacts", municipality, german.pk), {"contacts": [refused.pk]})
    assert response.status_code == 200 and Subscription.objects.count() == 1


def test_the_office_takes_someone_off_and_the_proof_stays(office_client, municipality, german):
    subscription = helpers.active(german, "leser@example.org")
    office_client.post(url("remove", municipality, subscription.pk))
    subscription.refresh_from_db()
    assert subscription.state == Subscription.State.UNSUBSCRIBED
    assert ConsentRecord.objects.filter(subscriber=subscription.subscriber).count() == 3


def test_privacy_export_and_erasure(office_client, municipality, german):
    subscription = helpers.active(german, "leser@example.org", name="Lea Leser")
    page = office_client.get(url("privacy", municipality), {"adresse": "Leser@example.org"})
    assert "Einwilligung bestätigt" in page.content.decode()
    response = office_client.post(
        url("privacy", municipality), {"adresse": "leser@example.org", "action": "export"}
    )
    data = json.loads(response.content)
    assert data["empfaenger"]["e_mail"] == "leser@example.org"
    assert [c["wortlaut"] for c in data["einwilligungen"]] == [german.consent_text] * 2
    office_client.post(url("privacy", municipality), {"adresse": "leser@example.org", "action": "erase"})
    assert not Subscriber.objects.exists() and not ConsentRecord.objects.exists()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    trail = " ".join(str(e.changes) + e.object_repr for e in LogEntry.objects.all())
    assert "leser@example.org" not in trail and "Lea Leser" not in trail


def test_erasing_a_directory_contact_erases_its_subscriber(municipality, partner, german, office_user):
    from teilhabe.bulletins.services import subscribing

    contact = make_contact(partner)
    subscribing.add_contacts(german, [contact], office_user)
    other = helpers.active(german, "bleibt@example.org")
    directory_privacy.erase_contact(contact, office_user)
    assert list(Subscriber.objects.all()) == [other.subscriber]
    assert not ConsentRecord.objects.filter(form__contains=f"#{contact.pk}").exists()
