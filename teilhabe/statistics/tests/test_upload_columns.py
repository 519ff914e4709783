"""The upload page shows how the office's export was read, and a Bürgeramt export uploaded there gives
exactly the figures of the same people in today's format (issue 14, "Done when")."""

import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.jobs.models import Job
from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError, open_extract
from teilhabe.statistics.extract.columns import describe_headers
from teilhabe.statistics.models import FactCheck, Indicator
from teilhabe.statistics.register_export import write_register_export
from teilhabe.statistics.synthetic import DEMO_SPECS, write_demo_extract

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db


def upload(client, municipality, path, name):
    return client.post(
        reverse("statistics:upload_extract", args=[municipality.slug]),
        {"file": SimpleUploadedFile(name, path.read_bytes()), "reference_date": D.isoformat()},
        follow=True,
    )


def stored_figures(municipality):
    return sorted(
        Indicator.objects.for_municipality(municipality).values_list(
            "indicator", "dimension", "area", "group", "category", "value"
        )
    )


def with_extra_column(path, header="Vorname", value="Erika"):
    """The export with a column Teilhabe does not read (names are never asked for, but files have them)."""
    with open(path, encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    rows[0].insert(1, header)
    for row in rows[1:]:
        row.insert(1, value)
    with open(path, "w", encoding="cp1252", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path


def test_every_header_is_listed_in_file_order_with_what_it_was_read_as():
    report = describe_headers(
        ["Ordnungsmerkmal", "Vorname", "Geburtsdatum", "Staatsangehörigkeit 1", "Kennung", "Spalte X"],
        {"spalte x": "district"},
    )
    assert report == [
        ("Ordnungsmerkmal", "person_id"),
        ("Vorname", None),
        ("Geburtsdatum", "birth_date"),
        ("Staatsangehörigkeit 1", "citizenship"),
        ("Kennung", None),  # a second header for person_id is not used (the file is refused for it)
        ("Spalte X", "district"),  # the mapping file's choice
    ]


def test_the_opened_file_and_its_refusal_both_carry_the_report(tmp_path):
    path = with_extra_column(write_register_export([person("1")], tmp_path / "a.csv"))
    with open_extract(path) as ext:
        assert ext.header_report[:3] == [
            ("Ordnungsmerkmal", "person_id"),
            ("Vorname", None),
            ("Geburtsdatum", "birth_date"),
        ]
    missing = write_extract(tmp_path, [person("1")], header=("Ordnungsmerkmal", "Vorname", "birth_date"))
    with pytest.raises(ExtractError) as refused:
        compute(missing, D)
    assert refused.value.columns == [
        ("Ordnungsmerkmal", "person_id"),
        ("Vorname", None),
        ("birth_date", "birth_date"),
    ]


def test_the_result_page_shows_each_column_of_the_file_and_what_it_was_read_as(
    client, tmp_path, municipality, office_user
):
    client.force_login(office_user)
    path = with_extra_column(
        write_register_export([person("1"), person("2", citizenship="PL")], tmp_path / "e.csv")
    )
    html = upload(client, municipality, path, "export.csv").content.decode()
    assert "wurde berechnet und gespeichert" in html
    assert "Spalte in der Datei → erkannt als" in html
    assert '<th scope="row">Ordnungsmerkmal</th><td>Personen-ID <code>person_id</code></td>' in html
    assert (
        '<th scope="row">Staatsangehörigkeit 1</th><td>Staatsangehörigkeit <code>citizenship</code></td>'
        in html
    )
    assert '<th scope="row">Vorname</th><td><em>nicht erkannt, nicht gelesen</em></td>' in html
    headers = [entry["header"] for entry in Job.objects.get().result["columns"]]
    assert headers[:3] == ["Ordnungsmerkmal", "Vorname", "Geburtsdatum"] and len(headers) == 15


def test_a_buergeramt_export_uploaded_on_the_page_gives_exactly_the_figures_of_todays_format(
    client, tmp_path, municipality, office_user
):
    client.force_login(office_user)
    canonical = write_demo_extract(2023, tmp_path / "kanonisch.csv")
    assert DEMO_SPECS[2023].reference_date == D
    upload(client, municipality, canonical, "kanonisch.csv")
    expected = stored_figures(municipality)
    with open(canonical, encoding="utf-8", newline="") as f:
        export = write_register_export(csv.DictReader(f, delimiter=";"), tmp_path / "buergeramt.csv")
    upload(client, municipality, export, "buergeramt.csv")
    assert FactCheck.objects.get(municipality=municipality).file_name == "buergeramt.csv"
    assert stored_figures(municipality) == expected and len(expected) > 100
    assert [job.state for job in Job.objects.order_by("pk")] == [Job.State.SUCCEEDED] * 2


def test_a_wrong_key_in_an_export_names_row_and_column_as_the_file_heads_it(
    client, tmp_path, municipality, office_user
):
    client.force_login(office_user)
    rows = [person("1", citizenship="TR"), person("2", citizenship="TR"), person("3", citizenship="TR")]
    path = write_register_export(rows, tmp_path / "e.csv")
    text = path.read_text("cp1252").splitlines()
    fields = text[2].split(";")
    fields[4] = "99"  # no Destatis key
    text[2] = ";".join(fields)
    path.write_text("\r\n".join(text) + "\r\n", encoding="cp1252")
    html = upload(client, municipality, path, "export.csv").content.decode()
    assert Job.objects.get().state == Job.State.FAILED
    assert (
        "„Staatsangehörigkeit 1“ (citizenship) enthält unbekannte Destatis-Schlüssel („99“) in Zeile 3."
        in html
    )
    assert "Spalte in der Datei → erkannt als" in html  # the refusal shows how the file was read, too
    assert FactCheck.objects.count() == 0
