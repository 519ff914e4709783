"""Direkt weitergeben: a topic proposes the organisations and contacts that chose it; a contact without consent or
without an address is shown with the reason and gets nothing; the mail carries the item in the chosen language,
through the bulletins' sender, once per address even when the job runs again; each forwarding is on the
contact's page; the contact's erasure takes its records and interests; another municipality's item, activity
and contact are 404; the page's queries stay bounded."""

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse

from teilhabe.bulletins.models import ForwardingRecipient, Topic
from teilhabe.bulletins.services import forwarding as service
from teilhabe.bulletins.services.texts import save_version
from teilhabe.bulletins.tests.compose_helpers import activity, draft, hand_written
from teilhabe.directory import privacy
from teilhabe.directory.models import Organisation
from teilhabe.directory.tests.helpers import contact as make_contact
from teilhabe.jobs.models import Job

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"distribution:{name}", args=[municipality.slug, *args])


@pytest.fixture
def setting(municipality, settings):
    settings.BULLETIN_SENDER_DOMAIN = "post.musterstadt.example"
    work = Topic.objects.create(municipality=municipality, name="Arbeit")
    health = Topic.objects.create(municipality=municipality, name="Gesundheit")
    caritas = Organisation.objects.create(
        municipality=municipality, kind="partner", name="Caritas", email="info@caritas.example"
    )
    club = Organisation.objects.create(municipality=municipality, kind="community", name="Kulturverein")
    vogt = make_contact(caritas, "Miriam Vogt", "m.vogt@caritas.example")
    kaya = make_contact(caritas, "Ali Kaya", "a.kaya@caritas.example", consent=False)
    gone = make_contact(club, "Olga Petrenko", "o.petrenko@verein.example", consent_withdrawn=True)
    quiet = make_contact(club, "Sara Haddad", "")
    other = make_contact(club, "Nur Gesundheit", "gesund@verein.example")
    for contact in (vogt, kaya, gone, quiet):
        service.save_interests(contact, [work])
    service.save_interests(other, [health])
    service.save_interests(caritas, [work])
    service.save_interests(club, [work])
    issue = draft(municipality, languages=("tr", "ar"))
    item = hand_written(issue, title="Jobmesse im März", body="Über 40 Betriebe stellen sich vor.")
    save_version(
        item.text, None, language="tr", title="Mart'ta iş fuarı", body="40'tan fazla işletme tanıtılıyor."
    )
    return {
        "work": work,
        "caritas": caritas,
        "club": club,
        "vogt": vogt,
        "kaya": kaya,
        "gone": gone,
        "quiet": quiet,
        "other": other,
        "item": item,
    }


def test_a_topic_proposes_who_chose_it_and_shows_who_cannot_be_mailed(setting, municipality):
    found = {c.value: c for c in service.candidates(municipality, setting["work"])}
    values = {f"o-{setting['caritas'].pk}", f"o-{setting['club'].pk}"}
    values |= {f"c-{setting[name].pk}" for name in ("vogt", "kaya", "gone", "quiet")}
    assert set(found) == values  # not the contact who chose only "Gesundheit"
    sendable = {value for value, c in found.items() if c.sendable}
    assert sendable == {f"o-{setting['caritas'].pk}", f"c-{setting['vogt'].pk}"}
    assert found[f"c-{setting['kaya'].pk}"].reason == "keine Einwilligung erfasst"
    assert found[f"c-{setting['gone'].pk}"].reason == "Einwilligung widerrufen"
    assert found[f"c-{setting['quiet'].pk}"].reason == "keine E-Mail-Adresse"
    assert found[f"o-{setting['club'].pk}"].reason == "keine allgemeine E-Mail-Adresse"


def test_the_page_proposes_sends_in_the_chosen_language_and_records_it(
    setting, municipality, office_client, office_user, django_assert_max_num_queries
):
    item, vogt = setting["item"], setting["vogt"]
    page_url = url("forward_item", municipality, item.pk)
    with django_assert_max_num_queries(26):
        page = office_client.get(page_url, {"thema": setting["work"].pk, "sprache": "tr"})
    body = page.content.decode()
    assert "Miriam Vogt (Caritas), m.vogt@caritas.example" in body
    for name, reason in (
        ("Ali Kaya", "keine Einwilligung erfasst"),
        ("Olga Petrenko", "Einwilligung widerrufen"),
    ):
        assert name in body and reason in body  # shown, with the reason, and no box to tick
        assert f'value="c-{setting["kaya"].pk}"' not in body
    assert "Mart&#x27;ta iş fuarı" in body or "Mart'ta iş fuarı" in body  # the preview in Turkish

    mail.outbox.clear()
    refused = office_client.post(
        page_url,
        {"thema": setting["work"].pk, "sprache": "tr", "recipients": [f"c-{setting['kaya'].pk}"]},
    )
    assert refused.status_code == 200 and not mail.outbox  # no consent: not sent
    response = office_client.post(
        page_url,
        {
            "thema": setting["work"].pk,
            "sprache": "tr",
            "recipients": [f"c-{vogt.pk}", f"o-{setting['caritas'].pk}"],
        },
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["info@caritas.example", "m.vogt@caritas.example"]
    message = mail.outbox[0]
    assert message.subject == "Mart'ta iş fuarı"
    assert "40'tan fazla işletme tanıtılıyor." in message.body
    assert "„Arbeit“" in message.body  # why they get it
    html = message.alternatives[0][0]
    assert '<html lang="tr" dir="ltr">' in html and "<img" not in html
    headers = message.message()
    assert headers["Message-ID"].endswith("@post.musterstadt.example>")
    assert headers["From"].endswith(f"<{municipality.slug}@post.musterstadt.example>")
    assert "List-Unsubscribe" not in headers  # not a list

    record = ForwardingRecipient.objects.get(contact=vogt)
    assert record.state == ForwardingRecipient.State.SENT
    assert record.forwarding.sent_by == office_user and record.forwarding.item == item
    assert record.forwarding.job.state == Job.State.SUCCEEDED
    assert LogEntry.objects.get_for_object(record.forwarding).exists()  # audited: what, when, by whom

    # Run again (a resumed job): nobody gets it twice.
    mail.outbox.clear()
    service.resend(record.forwarding, office_user)
    assert mail.outbox == []

    contact_page = office_client.get(reverse("directory:contact_detail", args=[municipality.slug, vogt.pk]))
    text = contact_page.content.decode()
    assert "Weitergegeben: „Mart&#x27;ta iş fuarı“" in text or "Weitergegeben: „Mart'ta iş fuarı“" in text
    assert "Arbeit" in text
    organisation_page = office_client.get(setting["caritas"].get_absolute_url())
    assert "Weitergegeben: „Mart" in organisation_page.content.decode()
    again = office_client.get(page_url, {"thema": setting["work"].pk, "sprache": "tr"})
    assert "schon weitergegeben am" in again.content.decode()


def test_an_activity_is_passed_on_with_its_data_and_the_words_in_the_language(
    setting, municipality, office_user
):
    cafe = activity(municipality, title="Sprachcafé")
    mail.outbox.clear()
    service.forward(
        municipality,
        office_user,
        topic=setting["work"],
        language="ar",
        chosen=[f"c-{setting['vogt'].pk}"],
        activity=cafe,
    )
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert '<section lang="de" dir="ltr">' in html and "Sprachcafé" in html  # its own text stays German
    assert "المكان" in html and "Stadtbibliothek" in html  # "Ort" in Arabic, the venue as stored


def test_a_contact_without_consent_is_refused_by_the_service_too(setting, municipality, office_user):
    from django.core.exceptions import ValidationError

    mail.outbox.clear()
    with pytest.raises(ValidationError):
        service.forward(
            municipality,
            office_user,
            topic=setting["work"],
            language="de",
            chosen=[f"c-{setting['vogt'].pk}", f"c-{setting['gone'].pk}"],
            item=setting["item"],
        )
    assert not mail.outbox and not ForwardingRecipient.objects.exists()


def test_erasing_the_contact_erases_its_forwarding_records_and_interests(setting, municipality, office_user):
    vogt = setting["vogt"]
    service.forward(
        municipality,
        office_user,
        topic=setting["work"],
        language="de",
        chosen=[f"c-{vogt.pk}"],
        item=setting["item"],
    )
    assert ForwardingRecipient.objects.filter(contact=vogt).exists()
    privacy.erase_contact(vogt, office_user)
    assert not ForwardingRecipient.objects.filter(contact=vogt).exists()
    assert not ForwardingRecipient.objects.filter(address="m.vogt@caritas.example").exists()
    assert not setting["work"].contacts.filter(pk=vogt.pk).exists()


def test_the_office_sets_a_contacts_topics_on_its_page(setting, municipality, office_client):
    kaya = setting["kaya"]
    response = office_client.post(
        url("contact_topics", municipality, kaya.pk), {"topics": [setting["work"].pk]}
    )
    assert response.status_code == 302
    health = Topic.objects.get(name="Gesundheit")
    office_client.post(url("contact_topics", municipality, kaya.pk), {"topics": [health.pk]})
    assert list(kaya.bulletin_topics.all()) == [health]
    assert "Gesundheit" in " ".join(e.changes_text for e in LogEntry.objects.get_for_object(kaya))


def test_another_municipalitys_item_activity_and_contact_are_404(
    setting, other_municipality, office_client, municipality
):
    foreign_issue = draft(other_municipality, name="Fremd")
    foreign_item = hand_written(foreign_issue)
    foreign_activity = activity(other_municipality, title="Fremdes Café")
    foreign_org = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    foreign_contact = make_contact(foreign_org, "Fremde Person", "fremd@example.org")
    assert office_client.get(url("forward_item", municipality, foreign_item.pk)).status_code == 404
    assert office_client.get(url("forward_activity", municipality, foreign_activity.pk)).status_code == 404
    answer = office_client.post(
        url("contact_topics", municipality, foreign_contact.pk), {"topics": [setting["work"].pk]}
    )
    assert answer.status_code == 404
    # Another municipality's topic cannot be chosen, nor its contacts proposed.
    foreign_topic = Topic.objects.create(municipality=other_municipality, name="Arbeit")
    service.save_interests(foreign_contact, [foreign_topic])
    page = office_client.get(
        url("forward_item", municipality, setting["item"].pk), {"thema": foreign_topic.pk, "sprache": "de"}
    )
    assert "fremd@example.org" not in page.content.decode()
    assert service.candidates(municipality, foreign_topic) == []


def test_the_page_stays_within_its_queries_for_many_contacts(setting, municipality, office_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page_url = url("forward_item", municipality, setting["item"].pk)
    query = {"thema": setting["work"].pk, "sprache": "de"}

    def counted():
        with CaptureQueriesContext(connection) as queries:
            page = office_client.get(page_url, query)
        return len(queries), page.content.decode()

    office_client.get(page_url, query)  # warm-up (session, caches)
    few, _body = counted()
    for number in range(30):
        contact = make_contact(setting["caritas"], f"Person {number}", f"p{number}@caritas.example")
        setting["work"].contacts.add(contact)
    many, body = counted()
    assert body.count('name="recipients"') == 32
    assert many == few <= 26
