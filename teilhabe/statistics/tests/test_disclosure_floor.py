"""The installation's DISCLOSURE_THRESHOLD is the floor: no municipality publishes below it."""

import io

import openpyxl
import pytest
from django.urls import reverse

from teilhabe.municipalities.forms import MunicipalityForm
from teilhabe.municipalities.models import Municipality
from teilhabe.statistics.services import compute_and_store

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db
NOT_PERSONS = "Nationen"  # the number of nationalities, not a count of persons
TABLES = ["comparison", "timeseries", "districts", "nationalities", "pyramid"]


@pytest.fixture
def floor_10(settings):
    settings.DISCLOSURE_THRESHOLD = 10
    return 10


@pytest.fixture
def city(tmp_path, municipality):
    """Foreigners: 8 in Nord (above 2, below 10), 30 in Süd; nationalities 5 (IT), 6 (PL), 27 (TR)."""
    rows = [
        person("d%d" % i, district="Nord" if i % 2 else "Süd", sex="m" if i % 3 else "w") for i in range(80)
    ]
    rows += [person("i%d" % i, citizenship="IT", district="Nord") for i in range(5)]
    rows += [person("n%d" % i, citizenship="PL", district="Nord") for i in range(3)]
    rows += [person("p%d" % i, citizenship="PL", district="Süd") for i in range(3)]
    rows += [person("t%d" % i, citizenship="TR", district="Süd") for i in range(27)]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    assert municipality.disclosure_threshold == 2  # the municipality's own (old) setting
    return municipality


def public_csv(client, municipality, table):
    url = reverse("statistics_public:export", args=[municipality.slug, table, "csv"])
    text = client.get(url).content.decode("utf-8-sig")
    return [line.split(";") for line in text.splitlines() if ";" in line]


def test_public_csvs_follow_the_installation_floor_not_the_municipalitys_lower_value(client, city, floor_10):
    rows = {row[1]: row for row in public_csv(client, city, "nationalities")}
    assert rows["Italien"][2] == "." and rows["Polen"][2] == "."
    assert rows["Türkei"][2] == "27"


def test_secondary_suppression_works_with_the_floor(client, city, floor_10):
    rows = {row[0]: row for row in public_csv(client, city, "districts")}
    header = public_csv(client, city, "districts")[0]
    foreigners = next(i for i, name in enumerate(header) if name.startswith("Ausländer") and "%" not in name)
    # Nord's 8 is hidden by the floor; Süd's 30 would reveal it through the published total, so it goes too.
    assert rows["Nord"][foreigners] == "."
    assert rows["Süd"][foreigners] == "."
    assert rows["Gesamt"][foreigners] == "38"


def test_with_the_lower_floor_the_same_counts_are_published(client, city):
    rows = {row[1]: row for row in public_csv(client, city, "nationalities")}
    assert rows["Italien"][2] == "5"


@pytest.mark.parametrize("table", TABLES)
def test_no_public_export_shows_a_count_from_1_to_the_floor(client, city, floor_10, table):
    url = reverse("statistics_public:export", args=[city.slug, table, "xlsx"])
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url).content)).active
    skip = 1 if table == "nationalities" else 0  # its first column is the rank
    small = [
        (cell.coordinate, cell.value)
        for row in sheet.iter_rows()
        if row[0].value != NOT_PERSONS
        for cell in row[skip:]
        if cell.number_format != "0.0%" and isinstance(cell.value, int) and 1 <= cell.value <= floor_10
    ]
    assert small == []
    csv_small = [
        value
        for row in public_csv(client, city, table)
        if row[0] != NOT_PERSONS
        for value in row[skip:]
        if value.isdigit() and 1 <= int(value) <= floor_10
    ]
    assert csv_small == []


def test_the_public_page_names_the_floor_in_force(client, city, floor_10):
    html = client.get(reverse("statistics_public:nationalities", args=[city.slug])).content.decode()
    assert "Fallzahlen von 1 bis 10" in html


def test_a_municipality_cannot_go_below_the_floor(municipality, settings):
    settings.DISCLOSURE_THRESHOLD = 5
    form = MunicipalityForm(
        data={"name": municipality.name, "office_name": "Amt", "disclosure_threshold": 3},
        instance=municipality,
    )
    assert not form.is_valid()
    assert "nicht unter 5" in form.errors["disclosure_threshold"][0]
    form = MunicipalityForm(
        data={"name": municipality.name, "office_name": "Amt", "disclosure_threshold": 6},
        instance=municipality,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert Municipality.objects.get(pk=municipality.pk).publication_threshold == 6


def test_the_settings_page_refuses_zero(client, municipality, office_user, settings):
    client.force_login(office_user)
    url = reverse("municipalities:settings", args=[municipality.slug])
    response = client.post(url, {"name": "Musterstadt", "office_name": "Amt", "disclosure_threshold": 0})
    assert response.status_code == 200
    assert "nicht unter 2" in response.content.decode()
    municipality.refresh_from_db()
    assert municipality.disclosure_threshold == 2
