"""Importing an existing distribution list (XLSX/CSV): only with a legal basis, duplicates merged by address,
all or nothing with located errors, through the shared import flow (preview job, then the confirmed import),
office only and within the municipality."""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from teilhabe import sheets
from teilhabe.bulletins.list_layout import LIST, template_xlsx
from teilhabe.bulletins.models import ConsentRecord, Subscriber, Subscription, Topic
from teilhabe.bulletins.services import subscribing
from teilhabe.bulletins.services.list_import import import_list
from teilhabe.bulletins.tests import helpers
from teilhabe.jobs.models import Job

pytestmark = pytest.mark.django_db
HEADERS = ["E-Mail", "Name", "Sprachen", "Themen", "Rechtsgrundlage", "Einwilligung am", "Nachweis"]


@pytest.fixture
def lists(municipality):
    bulletin = helpers.bulletin(municipality, languages=("de", "tr"))
    return helpers.dlist(municipality, bulletin, "de"), helpers.dlist(municipality, bulletin, "tr")


def xlsx(rows, headers=HEADERS) -> bytes:
    return sheets.write_xlsx([sheets.Out("Verteiler", headers, rows)])


def cp1252_csv(rows, headers=HEADERS) -> bytes:
    lines = [";".join(headers)] + [";".join(str(v) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def upload(client, municipality, dlist, data, name, **form):
    target = reverse("distribution:import", args=[municipality.slug, dlist.pk])
    return client.post(target, {"file": SimpleUploadedFile(name, data), **form})


def job_page(client, municipality, job) -> str:
    return client.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()


def test_an_xlsx_list_is_previewed_then_imported_with_a_consent_record_per_person(
    office_client, office_user, municipality, lists
):
    german, turkish = lists
    rows = [
        [
            "ayse@example.org",
            "Ayşe Demir",
            "Türkisch",
            "Arbeit",
            "Einwilligung",
            dt.date(2024, 3, 12),
            "Liste A",
        ],
        ["Olga@Example.org ", "Olga", "", "Sprache; Arbeit", "öffentliche Aufgabe", "", ""],
    ]
    response = upload(office_client, municipality, german, xlsx(rows), "alt.xlsx")
    preview = Job.objects.get(kind="bulletins.list_import_preview")
    assert response.status_code == 302 and preview.state == Job.State.SUCCEEDED, preview.result
    page = job_page(office_client, municipality, preview)
    assert "Import bestätigen und speichern" in page and "Neue Themen:" in page
    assert not Subscriber.objects.exists() and not Topic.objects.exists() and not mail.outbox

    office_client.post(
        reverse("distribution:import_confirm", args=[municipality.slug, german.pk]), {"job": preview.pk}
    )
    done = Job.objects.get(kind="bulletins.list_import")
    assert done.state == Job.State.SUCCEEDED, done.result
    ayse = Subscription.objects.get(subscriber__email="ayse@example.org")
    assert ayse.distribution_list == turkish and ayse.state == Subscription.State.ACTIVE
    assert ayse.source == Subscription.Source.IMPORT
    olga = Subscription.objects.get(subscriber__email="olga@example.org")
    assert olga.distribution_list == german and olga.state == Subscription.State.PENDING
    assert {t.name for t in olga.subscriber.topics.all()} == {"Sprache", "Arbeit"}

    record = ConsentRecord.objects.get(subscriber=ayse.subscriber)
    assert record.event == ConsentRecord.Event.IMPORTED and record.method == ConsentRecord.Method.IMPORT
    assert record.legal_basis == "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), erteilt am 12.03.2024"
    assert "alt.xlsx" in record.form and "Zeile 2" in record.form and record.text == "Nachweis: Liste A"
    assert record.recorded_by == office_user and record.at
    assert "lit. e" in ConsentRecord.objects.get(subscriber=olga.subscriber).legal_basis

    (message,) = mail.outbox  # the double opt-in only for the one without consent
    assert message.to == ["olga@example.org"]
    link = re.search(r"https?://\S+/bestaetigen/\S+/", message.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    office_client.logout()
    assert office_client.post(path).status_code == 200
    olga.refresh_from_db()
    assert olga.state == Subscription.State.ACTIVE


def test_a_windows_1252_csv_with_semicolons_and_one_basis_for_the_file(municipality, lists):
    german, _turkish = lists
    data = cp1252_csv([["juergen@example.org", "Jürgen Müller", "", "", "", "01.02.2023", ""]])
    result = import_list(german, data, filename="liste.csv", basis="consent", proof="Akte 12-4")
    assert result.ok, result.errors
    subscription = Subscription.objects.get()
    assert subscription.subscriber.name == "Jürgen Müller" and subscription.active
    record = ConsentRecord.objects.get()
    assert record.text == "Nachweis: Akte 12-4" and "01.02.2023" in record.legal_basis


def test_without_a_legal_basis_nothing_is_imported(office_client, municipality, lists):
    german, _turkish = lists
    headers = ["E-Mail", "Name"]
    upload(office_client, municipality, german, xlsx([["a@example.org", "A"]], headers), "ohne.xlsx")
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    page = job_page(office_client, municipality, job)
    assert "Es fehlt die Rechtsgrundlage" in page and "Ohne Rechtsgrundlage wird niemand übernommen" in page
    assert "Import bestätigen" not in page and not Subscriber.objects.exists()

    result = import_list(german, cp1252_csv([["b@example.org", "B", "", "", "", "", ""]]), filename="x.csv")
    assert result.errors == [
        "x.csv, Zeile 2, Spalte „Rechtsgrundlage“: " + result.errors[0].split(": ", 1)[1]
    ]
    assert "Rechtsgrundlage fehlt" in result.errors[0] and not Subscriber.objects.exists()


def test_consent_without_its_date_or_proof_is_refused(municipality, lists):
    german, _turkish = lists
    result = import_list(
        german, xlsx([["a@example.org", "", "", "", "Einwilligung", "", ""]]), filename="e.xlsx"
    )
    assert any("Spalte „Einwilligung am“" in e and "Zeile 2" in e for e in result.errors), result.errors
    assert any("Spalte „Nachweis“" in e for e in result.errors), result.errors
    assert not Subscriber.objects.exists()


def test_duplicates_in_the_file_and_against_known_addresses_are_merged(office_client, municipality, lists):
    german, turkish = lists
    helpers.active(german, "known@example.org", name="Bekannt")
    gone = helpers.active(german, "gone@example.org")
    subscribing.unsubscribe(gone)
    rows = [
        ["new@example.org", "Neu", "", "Arbeit", "öffentliche Aufgabe", "", ""],
        ["NEW@example.org", "", "Türkisch", "Sprache", "Einwilligung", dt.date(2024, 1, 5), "Liste"],
        ["known@example.org", "", "Deutsch, Türkisch", "", "Einwilligung", dt.date(2024, 1, 5), "Liste"],
        ["gone@example.org", "", "", "", "Einwilligung", dt.date(2024, 1, 5), "Liste"],
    ]
    upload(office_client, municipality, german, xlsx(rows), "doppelt.xlsx")
    preview = Job.objects.get(kind="bulletins.list_import_preview")
    assert preview.result["merged_in_file"] == 1 and preview.result["known"] == 2, preview.result
    page = job_page(office_client, municipality, preview)
    assert "1 Zeile wiederholt eine Adresse und ist zusammengeführt." in page
    assert "2 Adressen waren schon bekannt" in page and "bleibt abgemeldet" in page

    result = import_list(german, xlsx(rows), filename="doppelt.xlsx")
    assert result.ok and Subscriber.objects.filter(email="new@example.org").count() == 1
    new = Subscriber.objects.get(email="new@example.org")
    states = {s.distribution_list.language: s.state for s in new.subscriptions.all()}
    assert states == {"de": "active", "tr": "active"}  # the consent of row 3 holds for the merged person
    assert {t.name for t in new.topics.all()} == {"Arbeit", "Sprache"}
    assert "Zeilen 2, 3" in new.consents.first().form
    assert Subscription.objects.get(subscriber__email="known@example.org", distribution_list=turkish).active
    assert Subscription.objects.get(subscriber__email="gone@example.org").state == "unsubscribed"
    assert result.already == 1 and result.stay_unsubscribed == 1


def test_a_bad_address_names_file_row_and_column_and_nothing_is_saved(office_client, municipality, lists):
    german, _turkish = lists
    rows = [
        ["gut@example.org", "Gut", "", "Neu", "öffentliche Aufgabe", "", ""],
        ["kaputt@", "Kaputt", "", "", "öffentliche Aufgabe", "", ""],
        ["auch@example.org", "", "Polnisch", "", "Vertrag", "", ""],
    ]
    upload(office_client, municipality, german, xlsx(rows), "fehler.xlsx")
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    errors = job.result["errors"]
    assert (
        "fehler.xlsx, Blatt „Verteiler“, Zeile 3, Spalte „E-Mail“: „kaputt@“ ist keine gültige E-Mail-Adresse."
        in errors
    )
    assert any("Zeile 4, Spalte „Sprachen“" in e for e in errors), errors
    assert any("Zeile 4, Spalte „Rechtsgrundlage“" in e for e in errors), errors
    assert "Es wurde nichts gespeichert" in job_page(office_client, municipality, job)
    assert (
        not Subscriber.objects.exists() and not Topic.objects.exists() and not ConsentRecord.objects.exists()
    )
    assert not mail.outbox


def test_the_template_has_the_layout_and_imports_its_example(office_client, municipality, lists):
    german, _turkish = lists
    response = office_client.get(reverse("distribution:import_template", args=[municipality.slug]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook.worksheets[0][1]] == LIST.headers()
    assert workbook.worksheets[0]["A1"].comment is not None
    result = import_list(german, template_xlsx(), filename="vorlage.xlsx")
    assert result.ok and result.activated == 1, result.errors


def test_other_roles_and_municipalities_cannot_import(
    client, office_client, municipality, other_municipality, department_user, lists
):
    german, _turkish = lists
    other = helpers.dlist(other_municipality)
    assert (
        office_client.get(reverse("distribution:import", args=[municipality.slug, other.pk])).status_code
        == 404
    )
    data = xlsx([["a@example.org", "", "", "", "öffentliche Aufgabe", "", ""]])
    upload(office_client, municipality, german, data, "a.xlsx")
    preview = Job.objects.get()
    # a preview of one list cannot be confirmed on another list's address
    office_client.post(
        reverse("distribution:import_confirm", args=[municipality.slug, other.pk]), {"job": preview.pk}
    )
    assert not Job.objects.filter(kind="bulletins.list_import").exists()
    client.force_login(department_user)
    assert client.get(reverse("distribution:import", args=[municipality.slug, german.pk])).status_code == 403


def test_the_preview_and_the_list_page_need_a_bounded_number_of_queries(
    office_client, municipality, lists, django_assert_max_num_queries
):
    german, _turkish = lists
    rows = [
        [f"p{n}@example.org", f"P {n}", "", "Arbeit", "Einwilligung", "01.01.2024", "Liste"]
        for n in range(60)
    ]
    upload(office_client, municipality, german, xlsx(rows), "viele.xlsx")
    preview = Job.objects.get()
    with django_assert_max_num_queries(20):
        page = job_page(office_client, municipality, preview)
    assert "60 Adressen aus 60 Zeilen" in page
    office_client.post(
        reverse("distribution:import_confirm", args=[municipality.slug, german.pk]), {"job": preview.pk}
    )
    assert Subscription.objects.filter(state="active").count() == 60
    with django_assert_max_num_queries(14):
        detail = office_client.get(reverse("distribution:detail", args=[municipality.slug, german.pk]))
    assert "60 aktiv" in detail.content.decode()
