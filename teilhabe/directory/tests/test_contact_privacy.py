import json

from auditlog.models import LogEntry

from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.tests.helpers import contact, url


def test_auskunft_downloads_everything_about_the_person_as_json(
    office_client, office_user, municipality, partner
):
    person = contact(partner)
    person.function = "Leitung Migrationsberatung"
    person.save()
    response = office_client.post(url("contact_export", municipality, person.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["ansprechperson"]["e_mail"] == "m.vogt@caritas.example"
    assert data["ansprechperson"]["telefon"] == "0851 123-45"
    assert data["ansprechperson"]["einwilligung"]["zweck"] == "Einladungen zu Netzwerktreffen"
    assert data["ansprechperson"]["einwilligung"]["datum"] == "2024-02-27"
    assert data["organisation"]["name"] == "Caritasverband"
    changes = [c for entry in data["verlauf"] for c in entry["aenderungen"]]
    assert {
        "feld": "Funktion",
        "vorher": "Migrationsberatung",
        "nachher": "Leitung Migrationsberatung",
    } in changes


def test_auskunft_is_recorded_in_the_history(office_client, office_user, municipality, partner):
    person = contact(partner)
    office_client.post(url("contact_export", municipality, person.pk))
    entry = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.ACCESS).get()
    assert entry.actor == office_user
    assert entry.additional_data["event_label"] == "Auskunft (JSON) heruntergeladen"
    assert entry.additional_data["municipality_id"] == municipality.pk


def test_auskunft_needs_a_post(office_client, municipality, partner):
    person = contact(partner)
    response = office_client.get(url("contact_export", municipality, person.pk))
    assert response["Content-Type"].startswith("text/html")
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_erasure_removes_personal_data_but_keeps_the_row(office_client, municipality, partner):
    person = contact(partner)
    response = office_client.post(url("contact_erase", municipality, person.pk))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == f"Gelöschte Person #{person.pk}"
    assert (person.email, person.phone, person.function, person.languages, person.consent_purpose) == (
        "",
        "",
        "",
        [],
        "",
    )
    assert person.erased_at is not None and person.organisation == partner


def test_erasure_scrubs_the_audit_trail(office_client, office_user, municipality, partner):
    person = contact(partner)
    person.email = "neu.vogt@caritas.example"
    person.save()
    office_client.post(url("contact_erase", municipality, person.pk))
    dump = json.dumps(
        list(
            LogEntry.objects.values(
                "changes", "object_repr", "changes_text", "serialized_data", "additional_data"
            )
        ),
        ensure_ascii=False,
    )
    for secret in (
        "m.vogt@caritas.example",
        "neu.vogt@caritas.example",
        "Miriam Vogt",
        "0851 123-45",
        "Einladungen zu Netzwerktreffen",
    ):
        assert secret not in dump
    erasure = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert erasure.actor == office_user
    assert erasure.additional_data["event_label"] == "Personendaten gelöscht (anonymisiert)"
    assert erasure.changes["email"] == ["[gelöscht]", ""]


def test_erasure_scrubs_mentions_in_other_entries_of_the_municipality(office_client, municipality, partner):
    person = contact(partner)
    partner.notes = "Ansprechperson: Miriam Vogt, m.vogt@caritas.example"
    partner.save()
    office_client.post(url("contact_erase", municipality, person.pk))
    entry = LogEntry.objects.get_for_object(partner).latest("timestamp")
    assert "m.vogt@caritas.example" not in json.dumps(entry.changes)
    assert "Miriam Vogt" not in json.dumps(entry.changes, ensure_ascii=False)


def test_erasure_leaves_other_municipalities_alone(office_client, municipality, other_municipality, partner):
    person = contact(partner)
    foreign_org = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    foreign = contact(foreign_org, name="Miriam Vogt", email="m.vogt@caritas.example")
    office_client.post(url("contact_erase", municipality, person.pk))
    assert LogEntry.objects.get_for_object(foreign).get().changes["email"][1] == "m.vogt@caritas.example"
    assert Contact.objects.get(pk=foreign.pk).name == "Miriam Vogt"


def test_erased_people_cannot_be_edited(office_client, municipality, partner):
    person = contact(partner)
    office_client.post(url("contact_erase", municipality, person.pk))
    response = office_client.post(url("contact_edit", municipality, person.pk), {"name": "Zurück"})
    assert response.status_code == 302
    assert Contact.objects.get(pk=person.pk).name.startswith("Gelöschte Person")
