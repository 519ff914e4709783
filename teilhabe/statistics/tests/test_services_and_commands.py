"""Storing fact checks, importing statistics office tables, and the two management commands."""

import datetime as dt
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.forms import StatisticsTableForm
from teilhabe.statistics.models import FactCheck, Indicator
from teilhabe.statistics.services import compute_and_store, import_statistics_table
from teilhabe.statistics.tables import format_count, format_percent, percent_value

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db


def small_extract(tmp_path, n_foreign=1):
    rows = [person(str(i)) for i in range(5)] + [
        person("f%d" % i, citizenship="TR", district="Altstadt") for i in range(n_foreign)
    ]
    return write_extract(tmp_path, rows)


def test_german_number_format_and_rounding_half_up():
    assert format_count(70787) == "70.787"
    assert format_count(125) == "125"
    assert format_percent(percent_value(27027, 70787)) == "38,2\u202f%"
    assert format_percent(percent_value(1, 8)) == "12,5\u202f%"
    assert format_percent(percent_value(9050, 20000)) == "45,3\u202f%"  # 45.25 rounds up


def test_storing_replaces_the_figures_of_that_date(tmp_path, municipality):
    compute_and_store(municipality, small_extract(tmp_path, 1), D)
    compute_and_store(municipality, small_extract(tmp_path, 3), D)
    fact_check = FactCheck.objects.get(municipality=municipality)
    assert (fact_check.residents, fact_check.foreigners) == (8, 3)
    assert (
        Indicator.objects.filter(indicator="foreigners", dimension="", fact_check=fact_check).get().value == 3
    )
    assert Indicator.objects.exclude(fact_check=fact_check).count() == 0


def test_a_bad_extract_stores_nothing_and_keeps_the_old_figures(tmp_path, municipality):
    compute_and_store(municipality, small_extract(tmp_path), D)
    bad = write_extract(tmp_path, [person("1", citizenship="ZZ")], name="bad.csv")
    with pytest.raises(ExtractError):
        compute_and_store(municipality, bad, D)
    assert FactCheck.objects.get().residents == 6


def write_table_xlsx(path, rows, header=("Indikator", "Gebiet", "Stichtag", "Wert")):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_an_office_table_with_german_headers_and_labels_is_imported(tmp_path, municipality):
    path = write_table_xlsx(
        tmp_path / "tabelle.xlsx",
        [
            ("Einwohner", "Gesamt", dt.datetime(2023, 12, 31), 72477),
            ("davon Ausländer", "", "31.12.2023", "14.239"),
            ("Ausländer", "Altstadt", "31.12.2023", 1200),
            ("Einwohner", "Musterstadt", "2022-12-31", 71000),
        ],
    )
    stored = import_statistics_table(municipality, path)
    assert [f.reference_date for f in stored] == [dt.date(2022, 12, 31), dt.date(2023, 12, 31)]
    latest = stored[-1]
    assert (latest.residents, latest.foreigners, latest.source) == (72477, 14239, "statistics_office")
    assert Indicator.objects.get(dimension="district", area="Altstadt").value == 1200


def test_a_bad_office_table_names_rows_and_columns_and_stores_nothing(tmp_path, municipality):
    path = tmp_path / "tabelle.csv"
    path.write_text(
        "Merkmal;Stadtteil;Datum;Anzahl\nEinwohner;;31.12.2023;100\nEinwohnerzahl;;31.12.2023;5\n"
        "Ausländer;;32.12.2023;5\nAusländer;;31.12.2023;viele\n",
        encoding="utf-8",
    )
    with pytest.raises(ExtractError) as exc:
        import_statistics_table(municipality, path)
    message = str(exc.value)
    # The columns as the file heads them (statistics/layout.py knows Merkmal, Datum, Anzahl as other spellings).
    assert "Spalte Merkmal: unbekannte Kennzahl „Einwohnerzahl“: Zeile 3" in message
    assert "Spalte Datum: kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT): Zeile 4" in message
    assert "Spalte Anzahl: keine ganze Zahl ≥ 0: Zeile 5" in message
    assert FactCheck.objects.count() == 0


@pytest.mark.parametrize(
    "header",
    ["Indikator;Gebiet;Stichtag;Wert", "Indicator;Area;Reference date;Value", "indicator;area;date;value"],
)
def test_the_office_table_layout_reads_german_and_english_headers(tmp_path, municipality, header):
    from teilhabe.statistics.layout import TABLE

    path = tmp_path / "tabelle.csv"
    path.write_text(header + "\nEinwohner;Gesamtstadt;31.12.2023;72.477\nAusländer;Altstadt;31.12.2023;812\n")
    (stored,) = import_statistics_table(municipality, path)
    assert stored.reference_date.isoformat() == "2023-12-31"
    with translation.override("en"):
        assert TABLE.headers() == ["Indicator", "Area", "Reference date", "Value"]
        assert "Indicator, Area, Reference date, Value" in str(StatisticsTableForm()["file"].help_text)
    with translation.override("de"):
        assert "Indikator, Gebiet, Stichtag, Wert" in str(StatisticsTableForm()["file"].help_text)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_office_table_with_only_a_header_row_has_no_data_rows(tmp_path, municipality, suffix):
    path = tmp_path / f"kopf{suffix}"
    if suffix == ".csv":
        path.write_text("Indikator;Gebiet;Stichtag;Wert\n")
    else:
        book = openpyxl.Workbook()
        book.active.append(["Indikator", "Gebiet", "Stichtag", "Wert"])
        book.save(path)
    with pytest.raises(ExtractError) as exc:
        import_statistics_table(municipality, path)
    assert str(exc.value) == f"Datei „kopf{suffix}“: Die Datei enthält keine Datenzeilen."


def test_an_office_table_without_required_columns_is_refused(tmp_path, municipality):
    path = tmp_path / "t.csv"
    path.write_text("Gebiet;Wert\nA;1\n")
    with pytest.raises(ExtractError, match="Pflichtspalte"):
        import_statistics_table(municipality, path)


def test_factcheck_json_prints_the_keys_of_the_issue(tmp_path):
    out = StringIO()
    call_command("factcheck", str(small_extract(tmp_path)), "--date", "2023-12-31", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["reference_date"] == "2023-12-31"
    assert data["residents"] == 6 and data["foreigners"] == 1 and data["foreigners_third_country"] == 1
    assert data["germans_with_migration_background_by_category"] == {
        "naturalised": 0,
        "ius_soli": 0,
        "born_abroad": 0,
        "second_citizenship": 0,
        "family": 0,
    }


def test_factcheck_prints_the_seed_table_in_german_format(tmp_path):
    rows = [person(str(i)) for i in range(1200)] + [person("t", citizenship="TR")]
    out = StringIO()
    call_command("factcheck", str(write_extract(tmp_path, rows)), "--date", "2023-12-31", stdout=out)
    text = out.getvalue()
    assert "31.12.2023" in text
    assert "Einwohner" in text and "1.201" in text
    assert "Ausländer in %" in text and "0,1\u202f%" in text
    assert "davon aus Drittstaaten" in text and "100,0\u202f%" in text


def test_factcheck_stores_for_a_municipality(tmp_path, municipality):
    call_command(
        "factcheck",
        str(small_extract(tmp_path)),
        "--date",
        "2023-12-31",
        "--store",
        "--municipality",
        "musterstadt",
        stdout=StringIO(),
    )
    assert FactCheck.objects.get(municipality=municipality).residents == 6


def test_factcheck_store_needs_a_municipality(tmp_path):
    with pytest.raises(CommandError, match="--municipality"):
        call_command("factcheck", str(small_extract(tmp_path)), "--date", "2023-12-31", "--store")


def test_factcheck_refuses_a_bad_file_with_a_german_message(tmp_path, municipality):
    bad = write_extract(tmp_path, [person("1"), person("1")])
    with pytest.raises(CommandError, match="nicht eindeutig"):
        call_command(
            "factcheck", str(bad), "--date", "2023-12-31", "--store", "--municipality", "musterstadt"
        )
    assert FactCheck.objects.count() == 0


def test_factcheck_exits_non_zero_with_the_message_on_stderr(tmp_path):
    bad = write_extract(tmp_path, [person("1", birth_date="2030-01-01")])
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="teilhabe.settings_test")
    done = subprocess.run(
        [sys.executable, "-m", "teilhabe", "factcheck", str(bad), "--date", "2023-12-31", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode != 0
    assert "nach dem Stichtag 31.12.2023" in done.stderr
    assert "Zeile 2" in done.stderr
    assert done.stdout == ""


def test_import_statistics_command(tmp_path, municipality):
    path = write_table_xlsx(tmp_path / "t.xlsx", [("Einwohner", "", "31.12.2023", 500)])
    out = StringIO()
    call_command("import_statistics", "--municipality", "musterstadt", str(path), stdout=out)
    assert "31.12.2023" in out.getvalue()
    assert FactCheck.objects.get().residents == 500


def _run(*args):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="teilhabe.settings_test")
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
    )


def test_factcheck_on_the_command_line_writes_its_whole_result_before_it_ends(tmp_path):
    """The command ends the process without the interpreter's teardown: what it wrote must be out first."""
    extract = write_extract(tmp_path, [person("1"), person("2", citizenship="TR", birth_country="TR")])
    done = _run("-m", "teilhabe", "factcheck", str(extract), "--date", "2023-12-31", "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert (figures["residents"], figures["foreigners"]) == (2, 1)


def test_a_process_start_loads_no_spreadsheet_or_sign_on_library():
    """Issue 14 counts process start in the fact check's time: Django's start-up (every app's ready(), admin
    and job modules) must not import openpyxl (0.15 s) or requests (0.07 s); they load where they are used."""
    code = (
        "import sys, django; django.setup(); "
        "from teilhabe.statistics.management.commands import factcheck; "
        "print(sorted(m for m in ('openpyxl', 'requests', 'teilhabe.accounts.views') if m in sys.modules))"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_fact_check_of_a_file_imports_neither_the_model_nor_the_url_nor_the_template_layer(tmp_path):
    """Issue 14 counts process start: a whole `teilhabe factcheck FILE --json` run, up to its last line,
    needs none of Django's model, URL or template modules (together about 0.1 s of every run)."""
    extract = write_extract(tmp_path, [person("1"), person("2", citizenship="TR", birth_country="TR")])
    code = (
        "import os, sys; from teilhabe import cli; exit_now = os._exit; "
        "os._exit = lambda status: (print(sorted(m for m in ('django.db.models', 'django.urls', "
        "'django.template') if m in sys.modules)), sys.stdout.flush(), exit_now(status)); "
        "cli._run_without_apps(['teilhabe', 'factcheck', %r, '--date', '2023-12-31', '--json'])"
        % str(extract)
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    result, loaded = done.stdout.strip().splitlines()
    assert json.loads(result)["residents"] == 2
    assert loaded == "[]"


def test_factcheck_runs_without_the_system_checks():
    from teilhabe.statistics.management.commands.factcheck import Command

    assert Command.requires_system_checks == []


def test_the_fact_check_on_the_command_line_loads_no_app_unless_it_stores():
    """Issue 14 counts process start: `teilhabe factcheck FILE` runs with the settings but no installed app (no
    models, no app's ready()); with --store it needs the database and so the whole project."""
    from teilhabe import cli

    code = (
        "import sys; from django.core.management.base import BaseCommand; from teilhabe import cli; "
        "BaseCommand.run_from_argv = lambda self, argv: print(sorted(m for m in sys.modules "
        "if m.startswith('teilhabe.') and m.endswith('.models'))); "
        "cli._run_without_apps(['teilhabe', 'factcheck'])"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert cli._runs_on_a_file_alone(["teilhabe", "factcheck", "x.csv", "--date", "2023-12-31", "--json"])
    for option in ("--store", "--municipality=musterstadt", "--settings=teilhabe.settings_test"):
        assert not cli._runs_on_a_file_alone(["teilhabe", "factcheck", "x.csv", option])
    assert not cli._runs_on_a_file_alone(["teilhabe", "migrate"])
