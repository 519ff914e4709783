"""Faktencheck pages: who may open what, bounded queries, exports and disclosure control in public."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.jobs.models import Job, PrivateUpload
from teilhabe.statistics.models import FactCheck
from teilhabe.statistics.services import compute_and_store

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db

PAGES = ["overview", "districts", "nationalities", "pyramid"]
PUBLIC_PAGES = ["index", "districts", "nationalities", "pyramid"]


def url(name, municipality, *args, query=""):
    return reverse(name, args=[municipality.slug, *args]) + query


@pytest.fixture
def small_city(tmp_path, municipality):
    """A city with small counts: one Syrian (1), two Italians (2) in Bühl, many Germans."""
    rows = [
        person("d%d" % i, district="Altstadt" if i % 2 else "Bühl", sex="m" if i % 3 else "w")
        for i in range(60)
    ]
    rows += [person("s1", citizenship="SY", district="Altstadt")]
    rows += [person("i%d" % i, citizenship="IT", district="Bühl") for i in range(2)]
    rows += [person("t%d" % i, citizenship="TR", district="Altstadt") for i in range(9)]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    return municipality


@pytest.mark.parametrize("page", PAGES)
def test_every_role_reads_the_internal_pages_with_bounded_queries(
    client, page, demo_municipality, role_users, django_assert_max_num_queries
):
    for user in role_users.values():
        client.force_login(user)
        # 12 for the overview, plus up to 4 when the session's two-factor step is rechecked (every 5 minutes)
        with django_assert_max_num_queries(16):
            response = client.get(url("statistics:" + page, demo_municipality))
        assert response.status_code == 200


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_anonymous_visitors_read_the_public_pages(
    client, page, demo_municipality, django_assert_max_num_queries
):
    with django_assert_max_num_queries(11):
        response = client.get(url("statistics_public:" + page, demo_municipality))
    assert response.status_code == 200
    assert b"<svg" in response.content or page == "nationalities"


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_login_from_internal_pages(client, page, municipality):
    response = client.get(url("statistics:" + page, municipality))
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["statistics:upload_extract", "statistics:upload_table"])
def test_only_the_office_opens_the_upload_pages(client, name, municipality, role_users):
    for role, user in role_users.items():
        client.force_login(user)
        assert client.get(url(name, municipality)).status_code == (200 if role == "office" else 403)


def test_pages_without_data_say_so(client, municipality, office_user):
    client.force_login(office_user)
    assert (
        "Noch kein Faktencheck gespeichert"
        in client.get(url("statistics:overview", municipality)).content.decode()
    )


def test_public_pages_hide_small_counts_and_the_cells_that_would_reveal_them(client, small_city):
    html = client.get(url("statistics_public:nationalities", small_city)).content.decode()
    assert "Syrien" in html and "Italien" in html
    assert "Türkei" in html and ">9<" in html
    assert html.count('title="geheim gehalten"') >= 2
    internal_csv = client.get(
        url("statistics_public:export", small_city, "nationalities", "csv")
    ).content.decode("utf-8-sig")
    lines = dict(
        (line.split(";")[1], line.split(";")[2])
        for line in internal_csv.splitlines()[1:]
        if line.count(";") >= 3
    )
    assert lines["Syrien"] == "." and lines["Italien"] == "."
    assert lines["Türkei"] == "9"


def test_public_district_table_suppresses_secondarily_in_columns(client, small_city):
    data = client.get(url("statistics_public:export", small_city, "districts", "csv")).content.decode(
        "utf-8-sig"
    )
    rows = {line.split(";")[0]: line.split(";") for line in data.splitlines()[1:] if ";" in line}
    # Bühl has 2 foreigners (hidden); Altstadt's 10 would reveal them through the total, so it is hidden too.
    assert rows["Bühl"][4] == "."
    assert rows["Altstadt"][4] == "."
    assert rows["Gesamt"][4] == "12"


def test_the_office_sees_unsuppressed_figures_with_a_note(client, small_city, office_user):
    client.force_login(office_user)
    html = client.get(url("statistics:nationalities", small_city)).content.decode()
    assert 'title="geheim gehalten"' not in html
    assert "Interne Zahlen ohne Geheimhaltung" in html


def test_csv_export_is_utf8_with_bom_and_semicolons(client, demo_municipality, office_user):
    client.force_login(office_user)
    response = client.get(url("statistics:export", demo_municipality, "comparison", "csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ";31.12.2020;31.12.2023"
    assert "Einwohner;70787;72477" in text
    assert "Menschen mit Migrationshintergrund in %;38,2;41,7" in text


@pytest.mark.parametrize("table", ["comparison", "timeseries", "districts", "nationalities", "pyramid"])
def test_every_table_exports_as_xlsx(client, table, demo_municipality, office_user):
    client.force_login(office_user)
    response = client.get(url("statistics:export", demo_municipality, table, "xlsx"))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row > 2


def test_the_xlsx_comparison_keeps_numbers_as_numbers(client, demo_municipality, office_user):
    client.force_login(office_user)
    response = client.get(url("statistics:export", demo_municipality, "comparison", "xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["B3"].value == "31.12.2020"  # the header row, below the title and a blank row
    assert sheet["B4"].value == 70787
    assert sheet["B4"].number_format == "#,##0"
    assert abs(sheet["B7"].value - 0.382) < 1e-9
    assert sheet["B7"].number_format == "0.0%"


def test_the_xlsx_development_writes_reference_dates_as_real_dates(client, demo_municipality, office_user):
    import datetime as dt

    client.force_login(office_user)
    response = client.get(url("statistics:export", demo_municipality, "timeseries", "xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    dates = [row[0].value for row in sheet.iter_rows(min_row=4) if row[0].value and row[1].value is not None]
    assert dates and all(isinstance(value, dt.datetime) for value in dates)
    assert dates[0].date() == dt.date(2020, 12, 31)
    assert sheet["A4"].number_format == "DD.MM.YYYY"
    csv_text = client.get(url("statistics:export", demo_municipality, "timeseries", "csv")).content.decode(
        "utf-8-sig"
    )
    assert "\r\n31.12.2020;" in csv_text


def test_an_unknown_export_is_not_found(client, demo_municipality, office_user):
    client.force_login(office_user)
    assert client.get(url("statistics:export", demo_municipality, "secret", "csv")).status_code == 404
    assert client.get(url("statistics:export", demo_municipality, "comparison", "pdf")).status_code == 404


def test_the_user_picks_the_two_dates_to_compare(client, demo_municipality, office_user):
    client.force_login(office_user)
    html = client.get(
        url("statistics:overview", demo_municipality, query="?stichtag1=2023-12-31&stichtag2=2020-12-31")
    ).content.decode()
    assert html.index("31.12.2023</th>") < html.index("31.12.2020</th>")


def test_the_office_uploads_a_register_extract_and_sees_its_table(
    client, tmp_path, municipality, office_user
):
    client.force_login(office_user)
    path = write_extract(tmp_path, [person("1"), person("2", citizenship="PL")])
    response = client.post(
        url("statistics:upload_extract", municipality),
        {"file": SimpleUploadedFile("auszug.csv", path.read_bytes()), "reference_date": "2023-12-31"},
        follow=True,
    )
    html = response.content.decode()
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == job.get_absolute_url()
    assert "Registerauszug auswerten" in html and "wurde berechnet und gespeichert" in html
    assert job.result["residents"] == 2
    assert not PrivateUpload.objects.exists()  # the extract is deleted once evaluated
    html = client.get(job.result["overview_url"]).content.decode()
    assert "50,0\u202f%" in html  # Ausländer in %
    fact_check = FactCheck.objects.get(municipality=municipality)
    assert (fact_check.file_name, fact_check.created_by) == ("auszug.csv", office_user)


def test_the_office_may_keep_the_register_extract(client, tmp_path, municipality, office_user):
    client.force_login(office_user)
    path = write_extract(tmp_path, [person("1"), person("2", citizenship="PL")])
    client.post(
        url("statistics:upload_extract", municipality),
        {
            "file": SimpleUploadedFile("auszug.csv", path.read_bytes()),
            "reference_date": "2023-12-31",
            "keep_file": "on",
        },
    )
    kept = PrivateUpload.objects.get()
    assert kept.name == "auszug.csv" and kept.path.read_bytes() == path.read_bytes()
    assert Job.objects.get().keep_upload


def test_a_bad_upload_shows_the_rows_and_stores_nothing(client, tmp_path, municipality, office_user):
    client.force_login(office_user)
    path = write_extract(tmp_path, [person("1"), person("2", citizenship="ZZ")])
    response = client.post(
        url("statistics:upload_extract", municipality),
        {"file": SimpleUploadedFile("auszug.csv", path.read_bytes()), "reference_date": "2023-12-31"},
        follow=True,
    )
    html = response.content.decode()
    assert Job.objects.get().state == Job.State.FAILED
    assert "Die Datei „auszug.csv“ wurde nicht übernommen, nichts wurde gespeichert." in html
    assert "nichts wurde gespeichert" in html
    assert "Zeile 3" in html and "„ZZ“" in html
    assert FactCheck.objects.count() == 0


def test_the_office_imports_a_statistics_table_on_the_page(client, tmp_path, municipality, office_user):
    client.force_login(office_user)
    content = "Indikator;Gebiet;Stichtag;Wert\nEinwohner;;31.12.2023;1000\nAusländer;;31.12.2023;150\n"
    response = client.post(
        url("statistics:upload_table", municipality),
        {"file": SimpleUploadedFile("tabelle.csv", content.encode("utf-8"))},
        follow=True,
    )
    assert "Die Tabelle wurde übernommen" in response.content.decode()
    assert FactCheck.objects.get().foreigners == 150


def test_another_municipalitys_figures_never_show(client, small_city, other_municipality, tmp_path):
    # The other municipality has no data: its public page is empty although Musterstadt has figures.
    html = client.get(url("statistics_public:index", other_municipality)).content.decode()
    assert "noch keine Zahlen veröffentlicht" in html


def test_the_overview_shows_germans_with_background_by_category(client, demo_municipality, office_user):
    client.force_login(office_user)
    html = client.get(url("statistics:overview", demo_municipality)).content.decode()
    assert "eingebürgert" in html
    assert "Kinder mit Migrationshintergrund eines Elternteils" in html
    assert "2.337" in html  # family category 2023 in the demo
    assert "15.960" in html  # Germans with migration background 2023


def test_public_categories_hide_small_counts_with_a_second_cell(client, tmp_path, municipality):
    rows = [person(str(i)) for i in range(20)]
    rows += [person("n%d" % i, naturalised="1") for i in range(30)]
    rows += [person("b%d" % i, birth_country="KZ") for i in range(7)]
    rows += [person("s1", second_citizenship="US")]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    data = client.get(url("statistics_public:export", municipality, "categories", "csv")).content.decode(
        "utf-8-sig"
    )
    values = {line.split(";")[0]: line.split(";")[1] for line in data.splitlines()[1:] if ";" in line}
    assert values["mit zweiter Staatsangehörigkeit"] == "."
    assert values["Kinder mit Migrationshintergrund eines Elternteils"] == "0"
    assert values["im Ausland geboren (z. B. Spätaussiedler)"] == "."
    assert values["eingebürgert"] == "30"
    assert values["Deutsche mit Migrationshintergrund"] == "38"
