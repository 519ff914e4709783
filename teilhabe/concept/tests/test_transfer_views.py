"""Download and upload pages: any member downloads, only the office imports, in two steps."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import Concept, Measure, Status
from teilhabe.concept.services import reporting
from teilhabe.concept.tests.sheets import STANDARD_HEADER, tidy_rows, xlsx_bytes
from teilhabe.concept.tests.test_importing import directory  # noqa: F401 (fixture)
from teilhabe.jobs.models import Job, PrivateUpload

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(municipality, directory):  # noqa: F811
    result = import_concept(
        municipality, xlsx_bytes(tidy_rows()), None, title="Integrationskonzept", short_name="KIK"
    )
    assert result.saved
    return result.concept


def url(name, municipality, *args):
    return reverse(f"concept:{name}", args=[municipality.slug, *args])


def upload(rows, name="konzept.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(rows))


def test_every_member_may_download_the_concept_as_xlsx_and_csv(client, municipality, concept, role_users):
    for user in role_users.values():
        client.force_login(user)
        response = client.get(url("export_xlsx", municipality, concept.pk))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert response["Content-Disposition"].startswith('attachment; filename="Umsetzungsstand-kik-')
        response = client.get(url("export_csv", municipality, concept.pk))
        assert response.content.decode("utf-8-sig").startswith("Handlungsfeld Nr.;Handlungsfeld;")


def test_only_closed_rounds_can_be_downloaded(client, municipality, concept, office_user):
    client.force_login(office_user)
    a_round = reporting.open_round(
        concept, "Zwischenstand Oktober 2023", dt.date(2023, 10, 31), allow_past=True
    )
    measure = Measure.objects.get(concept=concept, number="1.1.1")
    status = Status.objects.get(municipality=municipality, name="umgesetzt")
    reporting.save_report(
        a_round,
        measure,
        office_user,
        reporting.ReportInput(status, done="Fertig."),
        is_office=True,
        accept=True,
    )
    assert client.get(url("round_export_xlsx", municipality, a_round.pk)).status_code == 404
    reporting.close_round(a_round, office_user)
    response = client.get(url("round_export_csv", municipality, a_round.pk))
    assert response.status_code == 200
    assert "Fertig." in response.content.decode("utf-8-sig")
    assert client.get(url("round_export_xlsx", municipality, a_round.pk)).status_code == 200


def test_the_upload_page_is_for_the_office_only(client, municipality, concept, role_users):
    for role, user in role_users.items():
        client.force_login(user)
        response = client.get(url("import_upload", municipality))
        assert response.status_code == (200 if role == "office" else 403), role
        response = client.post(
            url("import_upload", municipality), {"concept": "neu", "file": upload(tidy_rows())}
        )
        assert response.status_code in ((302,) if role == "office" else (403,)), role
        response = client.post(url("import_confirm", municipality), {"job": "999999"})
        assert response.status_code in ((302,) if role == "office" else (403,)), role
    assert Concept.objects.count() == 1


def test_upload_preview_then_confirm_saves_the_changes(client, municipality, concept, office_user):
    client.force_login(office_user)
    page = client.get(url("import_upload", municipality) + f"?concept={concept.pk}")
    assert "Vorlage herunterladen" in page.content.decode()
    rows = tidy_rows()
    rows[1][5] = "Vorlesenachmittage für alle"
    rows.append(
        [
            "2",
            "Arbeit und Ausbildung",
            "2.1",
            "Zugang zum Arbeitsmarkt erleichtern",
            "2.1.2",
            "Bewerbungswerkstatt",
            "Jobcenter",
            "",
            "",
            "",
            "",
        ]
    )
    response = client.post(url("import_upload", municipality), {"concept": concept.pk, "file": upload(rows)})
    preview = Job.objects.get(kind="concept.import_preview")
    assert response.status_code == 302 and response["Location"] == preview.get_absolute_url()
    assert not client.session.get("concept_import")  # the file is a private upload, not in the session
    content = client.get(response["Location"]).content.decode()
    assert "Konzept-Import: Vorschau" in content and "Fertig" in content
    assert "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek → Vorlesenachmittage für alle" in content
    assert "Bewerbungswerkstatt" in content
    assert f'name="job" value="{preview.pk}"' in content
    assert Measure.objects.filter(concept=concept).count() == 4  # nothing saved yet
    response = client.post(url("import_confirm", municipality), {"job": preview.pk})
    imported = Job.objects.get(kind="concept.import")
    assert response.status_code == 302 and response["Location"] == imported.get_absolute_url()
    assert imported.state == Job.State.SUCCEEDED and imported.follows == preview
    assert Measure.objects.filter(concept=concept).count() == 5
    assert Measure.objects.get(concept=concept, number="1.1.1").title == "Vorlesenachmittage für alle"
    content = client.get(response["Location"]).content.decode()
    assert "Die Tabelle „konzept.xlsx“ wurde importiert." in content and "Zum Konzept" in content
    assert not PrivateUpload.objects.exists()  # the file is deleted once the import has ended
    # A second confirmation (a double click) starts nothing new: it shows the import that ran.
    response = client.post(url("import_confirm", municipality), {"job": preview.pk})
    assert response["Location"] == imported.get_absolute_url()
    assert Job.objects.filter(kind="concept.import").count() == 1


def test_errors_and_unknown_organisations_are_shown_as_a_german_error_summary(
    client, municipality, concept, office_user
):
    client.force_login(office_user)
    rows = tidy_rows()
    rows[2][4] = None
    rows[3][6] = "Volkshochschule"
    response = client.post(
        url("import_upload", municipality), {"concept": concept.pk, "file": upload(rows)}, follow=True
    )
    content = response.content.decode()
    assert Job.objects.get().state == Job.State.FAILED
    assert "Die Tabelle „konzept.xlsx“ enthält Fehler; es wurde nichts gespeichert." in content
    assert 'class="error-summary"' in content
    assert "Zeile 3, Spalte E (Maßnahme Nr.):</strong> Nummer fehlt" in content
    assert "<td>Volkshochschule</td><td>4</td>" in content
    assert "import/bestaetigen" not in content  # no confirm button
    assert not PrivateUpload.objects.exists()  # a corrected file must be uploaded anyway


def test_a_csv_with_only_a_header_row_says_so_and_offers_no_confirmation(
    client, municipality, concept, office_user
):
    client.force_login(office_user)
    header_only = SimpleUploadedFile("nur-kopfzeile.csv", ";".join(STANDARD_HEADER).encode() + b"\n")
    response = client.post(
        url("import_upload", municipality), {"concept": concept.pk, "file": header_only}, follow=True
    )
    content = response.content.decode()
    assert Job.objects.get().state == Job.State.FAILED
    assert "Die Tabelle „nur-kopfzeile.csv“ enthält Fehler; es wurde nichts gespeichert." in content
    assert "<li>Die Datei enthält keine Datenzeilen.</li>" in content
    assert "import/bestaetigen" not in content


def test_a_new_concept_can_be_created_from_the_upload(client, municipality, directory, office_user):  # noqa: F811
    client.force_login(office_user)
    response = client.post(
        url("import_upload", municipality),
        {"concept": "neu", "title": "Neues Konzept", "short_name": "NK", "file": upload(tidy_rows())},
        follow=True,
    )
    assert "als neues Konzept „Neues Konzept“ (NK)" in response.content.decode()
    client.post(url("import_confirm", municipality), {"job": Job.objects.get().pk})
    assert Concept.objects.get(short_name="NK").measures.count() == 4


def test_the_form_rejects_other_file_types(client, municipality, concept, office_user):
    client.force_login(office_user)
    response = client.post(
        url("import_upload", municipality),
        {"concept": concept.pk, "file": SimpleUploadedFile("konzept.pdf", b"%PDF-1.4")},
    )
    assert "Bitte eine Excel-Arbeitsmappe (.xlsx) oder eine CSV-Datei hochladen." in response.content.decode()


def test_the_preview_and_the_export_use_a_bounded_number_of_queries(
    client, municipality, concept, office_user, django_assert_max_num_queries
):
    client.force_login(office_user)
    big = [STANDARD_HEADER] + [
        [
            "1",
            "Sprache und Bildung",
            "1.1",
            "Frühe Sprachförderung stärken",
            f"1.1.{i}",
            f"Maßnahme {i}",
            "Kulturamt",
            "Caritas; Jobcenter",
            "2024",
            "2025",
            "in Umsetzung",
        ]
        for i in range(1, 81)
    ]
    # The upload request runs the preview job too (immediate backend): both together stay bounded.
    with django_assert_max_num_queries(40):
        response = client.post(
            url("import_upload", municipality), {"concept": concept.pk, "file": upload(big)}
        )
    with django_assert_max_num_queries(20):
        client.get(response["Location"])
    client.post(
        url("import_confirm", municipality), {"job": Job.objects.get(kind="concept.import_preview").pk}
    )
    assert Measure.objects.filter(concept=concept).count() == 82  # 1.1.1 and 1.1.2 existed
    with django_assert_max_num_queries(40):
        client.post(url("import_upload", municipality), {"concept": concept.pk, "file": upload(big)})
    with django_assert_max_num_queries(12):
        assert client.get(url("export_xlsx", municipality, concept.pk)).status_code == 200
