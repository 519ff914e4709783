"""The statistics office's table written out: the stored figures export in the layout the import reads (and
import back unchanged), the template is that layout with notes and imports as "keine Datenzeilen"."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.jobs.models import Job
from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.models import HEADLINE_FIELDS, FactCheck, Indicator
from teilhabe.statistics.services import compute_and_store, import_statistics_table

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db


def figures(municipality):
    """What the table holds: the headline figures per date and the figures per district."""
    headline = {
        f.reference_date: {key: getattr(f, key) for key in HEADLINE_FIELDS}
        for f in FactCheck.objects.filter(municipality=municipality)
    }
    districts = sorted(
        Indicator.objects.filter(municipality=municipality, dimension="district").values_list(
            "reference_date", "indicator", "area", "value"
        )
    )
    return headline, districts


@pytest.fixture
def city(tmp_path, municipality):
    """Figures from a register extract (districts, one of them hostile to spreadsheets) and a second date from
    a statistics office table."""
    rows = [person("d%d" % i, district="Altstadt" if i % 2 else "=HYPERLINK(1)") for i in range(30)]
    rows += [person("t%d" % i, citizenship="TR", district="Altstadt") for i in range(7)]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    path = tmp_path / "amt.csv"
    path.write_text(
        "Indikator;Gebiet;Stichtag;Wert\nEinwohner;;31.12.2022;35\nAusländer;Altstadt;31.12.2022;6\n"
    )
    import_statistics_table(municipality, path)
    return municipality


def download(client, name, municipality, language="de"):
    client.cookies["django_language"] = language
    response = client.get(reverse(name, args=[municipality.slug]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.status_code
    return response


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_export_imports_back_unchanged(client, tmp_path, city, office_user, suffix, language):
    office_user.language = language
    office_user.save(update_fields=["language"])
    client.force_login(office_user)
    before = figures(city)
    data = download(client, f"statistics:table_export_{suffix}", city, language).content
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(data)
    FactCheck.objects.filter(municipality=city).delete()
    stored = import_statistics_table(city, path)
    assert len(stored) == 2
    assert figures(city) == before
    assert before[1], "the districts were exported and read back"


def test_the_export_writes_the_interface_language_and_neutralises_formulas(client, city, office_user):
    client.force_login(office_user)
    book = openpyxl.load_workbook(io.BytesIO(download(client, "statistics:table_export_xlsx", city).content))
    sheet = book.worksheets[0]
    assert sheet.title == "Kennzahlen"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Indikator", "Gebiet", "Stichtag", "Wert"]
    assert rows[1][:2] == ["Einwohner", "Gesamtstadt"] and rows[1][2].year == 2022 and rows[1][3] == 35
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert any(row[1] == "=HYPERLINK(1)" for row in rows)  # written as text, not as a formula
    text = download(client, "statistics:table_export_csv", city).content.decode("utf-8-sig")
    cells = [cell for record in csv.reader(io.StringIO(text), delimiter=";") for cell in record]
    assert "'=HYPERLINK(1)" in cells and "=HYPERLINK(1)" not in cells
    office_user.language = "en"
    office_user.save(update_fields=["language"])
    english = openpyxl.load_workbook(
        io.BytesIO(download(client, "statistics:table_export_xlsx", city, "en").content)
    ).worksheets[0]
    assert english.title == "Indicators"
    assert [c.value for c in english[1]] == ["Indicator", "Area", "Reference date", "Value"]
    assert [c.value for c in english[2]][:2] == ["Residents", "whole city"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_template_has_the_import_columns_and_notes_and_no_data_rows(
    client, tmp_path, municipality, office_user, language
):
    office_user.language = language
    office_user.save(update_fields=["language"])
    client.force_login(office_user)
    data = download(client, "statistics:table_template", municipality, language).content
    book = openpyxl.load_workbook(io.BytesIO(data))
    table, notes = book.worksheets
    headers = [c.value for c in table[1]]
    expected = {
        "de": ["Indikator", "Gebiet", "Stichtag", "Wert"],
        "en": ["Indicator", "Area", "Reference date", "Value"],
    }
    assert headers == expected[language] and table.max_row == 1
    assert all(table.cell(1, column).comment for column in range(1, 5))  # each column says what belongs in it
    assert [c.value for c in notes[1]] == (
        ["Spalte", "Pflicht", "Inhalt"] if language == "de" else ["Column", "Required", "Contents"]
    )
    path = tmp_path / "vorlage.xlsx"
    path.write_bytes(data)
    with pytest.raises(ExtractError) as refused:
        import_statistics_table(municipality, path)
    assert "keine Datenzeilen" in str(refused.value) or "no data rows" in str(refused.value)
    # The upload page refuses it as well, saving nothing.
    response = client.post(
        reverse("statistics:upload_table", args=[municipality.slug]),
        {"file": SimpleUploadedFile("vorlage.xlsx", data)},
        follow=True,
    )
    assert Job.objects.get().state == Job.State.FAILED
    assert FactCheck.objects.count() == 0
    assert ("keine Datenzeilen" if language == "de" else "no data rows") in response.content.decode()


def test_the_import_page_links_the_template_and_the_exports(client, municipality, office_user):
    client.force_login(office_user)
    html = client.get(reverse("statistics:upload_table", args=[municipality.slug])).content.decode()
    for name in ("table_template", "table_export_xlsx", "table_export_csv"):
        assert reverse(f"statistics:{name}", args=[municipality.slug]) in html
    extract_page = client.get(reverse("statistics:upload_extract", args=[municipality.slug])).content.decode()
    assert reverse("statistics:table_template", args=[municipality.slug]) not in extract_page


def test_an_empty_municipality_exports_the_header_alone(client, municipality, office_user):
    client.force_login(office_user)
    text = download(client, "statistics:table_export_csv", municipality).content.decode("utf-8-sig")
    assert text.splitlines() == ["Indikator;Gebiet;Stichtag;Wert"]
