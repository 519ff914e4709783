"""`teilhabe import_concept`: the same import from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from teilhabe.concept.models import Concept, Measure
from teilhabe.concept.tests.sheets import tidy_rows, write_xlsx
from teilhabe.concept.tests.test_importing import directory  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def call(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_concept", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_a_new_concept_and_then_updates_it_by_short_name(tmp_path, municipality, directory):  # noqa: F811
    path = write_xlsx(tmp_path / "kik.xlsx", tidy_rows())
    out, _ = call(
        "--municipality", "musterstadt", str(path), "--title", "Integrationskonzept", "--short-name", "KIK"
    )
    assert "Maßnahmen: 4 neu, 0 geändert, 0 unverändert." in out
    concept = Concept.objects.get(short_name="KIK")
    assert Measure.objects.filter(concept=concept).count() == 4
    out, _ = call("--municipality", "musterstadt", "--concept", "kik", str(path))
    assert "Maßnahmen: 0 neu, 0 geändert, 4 unverändert." in out
    assert Concept.objects.count() == 1


def test_a_dry_run_shows_the_changes_and_saves_nothing(tmp_path, municipality, directory):  # noqa: F811
    path = write_xlsx(tmp_path / "kik.xlsx", tidy_rows())
    call("--municipality", "musterstadt", str(path), "--short-name", "KIK")
    concept = Concept.objects.get()
    rows = tidy_rows()
    rows[1][5] = "Vorlesen"
    write_xlsx(path, rows)
    out, _ = call("--municipality", "musterstadt", "--concept", str(concept.pk), "--dry-run", str(path))
    assert "Maßnahme 1.1.1 Vorlesen: geändert" in out
    assert "Titel: Mehrsprachige Vorlesenachmittage in der Stadtbibliothek → Vorlesen" in out
    assert "Probelauf: nichts gespeichert." in out
    assert (
        Measure.objects.get(number="1.1.1").title == "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek"
    )


def test_errors_are_printed_in_german_and_nothing_is_saved(tmp_path, municipality, directory):  # noqa: F811
    rows = tidy_rows()
    rows[2][4] = None
    rows[3][6] = "Unbekanntes Amt"
    path = write_xlsx(tmp_path / "kik.xlsx", rows)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 Fehler, nichts gespeichert."):
        call_command("import_concept", "--municipality", "musterstadt", str(path), stdout=out, stderr=err)
    assert "Fehler: kik.xlsx, Zeile 3, Spalte E (Maßnahme Nr.): Nummer fehlt" in err.getvalue()
    assert "„Unbekanntes Amt“ (Zeile 4)" in err.getvalue()
    assert not Concept.objects.exists()


def test_unknown_municipality_concept_and_file_are_command_errors(tmp_path, municipality, directory):  # noqa: F811
    path = write_xlsx(tmp_path / "kik.xlsx", tidy_rows())
    with pytest.raises(CommandError, match="Kommune „nirgendwo“ gibt es nicht."):
        call("--municipality", "nirgendwo", str(path))
    with pytest.raises(CommandError, match="Konzept „XYZ“ gibt es in Musterstadt nicht."):
        call("--municipality", "musterstadt", "--concept", "XYZ", str(path))
    with pytest.raises(CommandError, match="kann nicht gelesen werden"):
        call("--municipality", "musterstadt", str(tmp_path / "fehlt.xlsx"))
