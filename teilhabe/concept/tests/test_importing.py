"""Importing a concept sheet: organisations matched, all or nothing, by number, safe to repeat."""

import datetime as dt

import pytest

from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import Concept, FieldOfAction, Focus, Goal, Measure, Status, Tag
from teilhabe.concept.tests.sheets import STANDARD_HEADER, tidy_rows, xlsx_bytes
from teilhabe.directory.models import Organisation

pytestmark = pytest.mark.django_db

DEPARTMENTS = [
    ("Amt für Integration", "AfI"),
    ("Amt für Schulen, Kindertagesstätten und Sport", "ASKS"),
    ("Integrationsbeirat", ""),
]
PARTNERS = [
    ("Ukrainischer Verein Musterstadt e.V.", "Ukr. Verein"),
    ("Stadtjugendring Musterstadt", "Stadtjugendring"),
    ("Jobcenter Musterstadt", "Jobcenter"),
]


@pytest.fixture
def directory(municipality, department, partner):
    """The conftest's Kulturamt (KA) and Caritasverband (Caritas), plus a few more organisations."""
    organisations = {department.name: department, partner.name: partner}
    for kind, entries in ((Organisation.Kind.DEPARTMENT, DEPARTMENTS), (Organisation.Kind.PARTNER, PARTNERS)):
        for name, short in entries:
            organisations[name] = Organisation.objects.create(
                municipality=municipality, kind=kind, name=name, short_name=short
            )
    return organisations


def sheet(rows=None, **kwargs):
    return xlsx_bytes(rows if rows is not None else tidy_rows(), **kwargs)


def run(municipality, rows=None, concept=None, dry_run=False, **kwargs):
    return import_concept(municipality, sheet(rows), concept, dry_run, filename="konzept.xlsx", **kwargs)


def test_it_creates_a_new_concept_with_fields_goals_and_measures(municipality, directory):
    result = run(municipality, title="Integrationskonzept Musterstadt", short_name="KIK")
    assert result.ok, [str(e) for e in result.errors]
    assert result.saved
    concept = result.concept
    assert (concept.title, concept.short_name) == ("Integrationskonzept Musterstadt", "KIK")
    assert list(FieldOfAction.objects.filter(concept=concept).values_list("number", "title")) == [
        (1, "Sprache und Bildung"),
        (2, "Arbeit und Ausbildung"),
    ]
    assert Goal.objects.filter(field_of_action__concept=concept).count() == 3
    measure = Measure.objects.get(concept=concept, number="1.1.2")
    assert measure.title == "Sprachcafés im Altstadthaus"
    assert measure.lead == directory["Amt für Integration"]
    assert set(measure.involved.all()) == {
        directory["Ukrainischer Verein Musterstadt e.V."],
        directory["Caritasverband"],
    }
    assert (measure.start, measure.end, measure.ongoing) == (
        dt.date(2023, 1, 1),
        dt.date(2024, 12, 31),
        False,
    )
    assert measure.current_status.name == "umgesetzt"
    first = Measure.objects.get(concept=concept, number="1.1.1")
    assert (first.start, first.end, first.ongoing) == (dt.date(2024, 3, 1), None, True)
    assert result.count("measure", "create") == 4


def test_organisations_match_by_name_or_short_name_ignoring_case_spaces_and_commas_in_names(
    municipality, directory
):
    rows = tidy_rows()
    rows[1][6] = "  kulturamt "
    rows[1][7] = "CARITAS;  Amt für Schulen, Kindertagesstätten und Sport / ukr. verein"
    result = run(municipality, rows)
    assert result.ok, [str(e) for e in result.errors]
    measure = Measure.objects.get(concept=result.concept, number="1.1.1")
    assert measure.lead == directory["Kulturamt"]
    assert {o.name for o in measure.involved.all()} == {
        "Caritasverband",
        "Amt für Schulen, Kindertagesstätten und Sport",
        "Ukrainischer Verein Musterstadt e.V.",
    }


def test_all_unknown_organisations_are_listed_and_nothing_is_saved(municipality, directory):
    rows = tidy_rows()
    rows[1][7] = "Integrationsbeirat; Volkshochschule"
    rows[2][6] = "Bürgerstiftung"
    rows[4][7] = "volkshochschule, Agentur für Arbeit"
    result = run(municipality, rows, title="K", short_name="K")
    assert not result.ok and not result.saved
    assert [(u.name, u.rows) for u in result.unknown_organisations] == [
        ("Volkshochschule", [2, 5]),
        ("Bürgerstiftung", [3]),
        ("Agentur für Arbeit", [5]),
    ]
    assert "Unbekannte Organisationen: „Volkshochschule“ (Zeile 2, 5)" in str(result.errors[-1])
    assert not Concept.objects.exists()
    assert not Measure.objects.exists()


def test_importing_the_same_file_twice_changes_nothing(municipality, directory):
    first = run(municipality, title="K", short_name="K")
    concept = first.concept
    before = list(Measure.objects.filter(concept=concept).values())
    again = run(municipality, concept=concept)
    assert again.ok and again.saved
    assert again.changes == []
    assert again.unchanged == {"field": 2, "goal": 3, "measure": 4}
    assert list(Measure.objects.filter(concept=concept).values()) == before
    assert Concept.objects.count() == 1


def test_a_changed_sheet_updates_by_number_and_the_dry_run_shows_it_without_saving(municipality, directory):
    concept = run(municipality, title="K", short_name="K").concept
    rows = tidy_rows()
    rows[1][5] = "Mehrsprachige Vorlesenachmittage (neu)"
    rows[2][6] = "Kulturamt"
    rows.append(
        [
            "2",
            "Arbeit und Ausbildung",
            "2.2",
            "Ausbildung",
            "2.2.1",
            "Ausbildungsmesse",
            "Jobcenter",
            "",
            "2025",
            "",
            "nicht begonnen",
        ]
    )
    preview = run(municipality, rows, concept=concept, dry_run=True)
    assert preview.ok and not preview.saved
    assert [(c.kind, c.action, c.number) for c in preview.changes] == [
        ("goal", "create", "2.2"),
        ("measure", "update", "1.1.1"),
        ("measure", "update", "1.1.2"),
        ("measure", "create", "2.2.1"),
    ]
    update = preview.changes[1]
    assert update.details == [
        (
            "Titel",
            "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek",
            "Mehrsprachige Vorlesenachmittage (neu)",
        )
    ]
    assert preview.changes[2].details == [("Federführung", "Amt für Integration", "Kulturamt")]
    assert Measure.objects.filter(concept=concept).count() == 4

    result = run(municipality, rows, concept=concept)
    assert result.saved
    assert (
        Measure.objects.get(concept=concept, number="1.1.1").title == "Mehrsprachige Vorlesenachmittage (neu)"
    )
    assert Measure.objects.get(concept=concept, number="1.1.2").lead.name == "Kulturamt"
    assert Measure.objects.filter(concept=concept).count() == 5


def test_measures_missing_from_the_sheet_are_kept_with_a_warning(municipality, directory):
    concept = run(municipality, title="K", short_name="K").concept
    result = run(municipality, tidy_rows()[:3], concept=concept)
    assert result.saved
    assert Measure.objects.filter(concept=concept).count() == 4
    assert any(
        "fehlen in der Tabelle und bleiben unverändert: 1.2.1, 2.1.1" in str(w) for w in result.warnings
    )


def test_columns_the_sheet_lacks_leave_data_alone(municipality, directory):
    concept = run(municipality, title="K", short_name="K").concept
    rows = [
        ["Handlungsfeld", "Ziel", "Maßnahme"],
        [
            "1 Sprache und Bildung",
            "1.1 Frühe Sprachförderung stärken",
            "1.1.1 Mehrsprachige Vorlesenachmittage in der Stadtbibliothek",
        ],
    ]
    result = run(municipality, rows, concept=concept)
    assert result.changes == []
    measure = Measure.objects.get(concept=concept, number="1.1.1")
    assert measure.lead.name == "Kulturamt" and measure.start == dt.date(2024, 3, 1)


def test_status_labels_map_to_the_vocabulary_and_unknown_ones_are_errors(municipality, directory):
    rows = tidy_rows()
    rows[1][10] = "Laufend"  # alias of "dauerhaft umgesetzt (laufend)"
    rows[2][10] = "ABGESCHLOSSEN"
    rows[3][10] = "halb fertig"
    failed = run(municipality, rows, title="K2", short_name="K2")
    assert [str(e) for e in failed.errors] == [
        "konzept.xlsx, Zeile 4, Spalte K (Status): Den Status „halb fertig“ gibt es nicht. Möglich sind: "
        "nicht begonnen, in Vorbereitung, in Umsetzung, umgesetzt, dauerhaft umgesetzt (laufend), "
        "zurückgestellt, entfallen."
    ]
    rows[3][10] = "geplant"
    result = run(municipality, rows, title="K3", short_name="K3")
    statuses = dict(
        Measure.objects.filter(concept=result.concept).values_list("number", "current_status__name")
    )
    assert statuses["1.1.1"] == "dauerhaft umgesetzt (laufend)"
    assert statuses["1.1.2"] == "umgesetzt"
    assert statuses["1.2.1"] == "in Vorbereitung"
    assert Status.objects.filter(municipality=municipality).count() == 7


def test_errors_from_the_sheet_and_from_the_database_checks_are_reported_together(municipality, directory):
    rows = tidy_rows()
    rows[1][4] = None  # no number
    rows[2][10] = "unbekannt"
    rows[3][6] = "Niemandsamt"
    result = run(municipality, rows, title="K", short_name="K")
    assert not result.saved
    assert [str(e) for e in result.errors] == [
        "konzept.xlsx, Zeile 2, Spalte E (Maßnahme Nr.): Nummer fehlt",
        "konzept.xlsx, Zeile 3, Spalte K (Status): Den Status „unbekannt“ gibt es nicht. Möglich sind: "
        "nicht begonnen, in Vorbereitung, in Umsetzung, umgesetzt, dauerhaft umgesetzt (laufend), "
        "zurückgestellt, entfallen.",
        "konzept.xlsx: Unbekannte Organisationen: „Niemandsamt“ (Zeile 4). Bitte zuerst im Adressbuch anlegen "
        "(Name oder Kurzname) oder den Namen in der Tabelle korrigieren.",
    ]
    assert not Concept.objects.exists()


def test_priorities_tags_and_focus_years_are_imported(municipality, directory):
    rows = [STANDARD_HEADER + ["Priorität", "Schlagworte", "Schwerpunkt"]]
    rows += [row + ["hoch", "Frauen, Digitales", "2024"] for row in tidy_rows()[1:2]]
    rows += [row + ["", "", ""] for row in tidy_rows()[2:]]
    result = run(municipality, rows, title="K", short_name="K")
    assert result.ok, [str(e) for e in result.errors]
    measure = Measure.objects.get(concept=result.concept, number="1.1.1")
    assert measure.priority == Measure.Priority.HIGH
    assert sorted(t.name for t in measure.tags.all()) == ["Digitales", "Frauen"]
    assert [f.year for f in measure.foci.all()] == [2024]
    assert Focus.objects.get(concept=result.concept).title == "Schwerpunkt 2024"
    assert Tag.objects.filter(municipality=municipality).count() == 2
    again = run(municipality, rows, concept=result.concept)
    assert again.changes == []


def test_a_new_concept_takes_title_and_short_name_from_the_lines_above_the_header(municipality, directory):
    rows = [["Integrationskonzept der Stadt Musterstadt"], ["Kurzname: KIK"], []] + tidy_rows()
    result = run(municipality, rows)
    assert (result.concept.title, result.concept.short_name) == (
        "Integrationskonzept der Stadt Musterstadt",
        "KIK",
    )


def test_organisations_of_another_municipality_are_unknown(municipality, other_municipality, directory):
    Organisation.objects.create(municipality=other_municipality, kind="department", name="Stadtarchiv")
    rows = tidy_rows()
    rows[1][6] = "Stadtarchiv"
    result = run(municipality, rows, title="K", short_name="K")
    assert [u.name for u in result.unknown_organisations] == ["Stadtarchiv"]


def test_a_concept_of_another_municipality_is_refused(municipality, other_municipality, directory):
    foreign = Concept.objects.create(municipality=other_municipality, title="X", short_name="X")
    with pytest.raises(ValueError):
        run(municipality, concept=foreign)


def test_the_start_of_exactly_one_name_is_recognised_with_a_warning(municipality, directory):
    result = run(municipality, title="K", short_name="K")
    assert result.saved
    assert Measure.objects.get(concept=result.concept, number="1.2.1").lead.name == (
        "Amt für Schulen, Kindertagesstätten und Sport"
    )
    assert (
        "konzept.xlsx, Zeile 4, Spalte G (Federführung): „Amt für Schulen“ wird als „Amt für Schulen, "
        "Kindertagesstätten und Sport“ erkannt." in [str(w) for w in result.warnings]
    )


def test_a_remark_in_brackets_after_an_organisation_is_ignored_when_the_name_is_known(
    municipality, directory
):
    rows = tidy_rows()
    rows[1][6] = "Kulturamt (Stadtbibliothek)"
    rows[1][7] = "Caritas (Migrationsberatung); Volkshochschule (VHS)"
    result = run(municipality, rows, title="K", short_name="K")
    assert [u.name for u in result.unknown_organisations] == ["Volkshochschule (VHS)"]
    rows[1][7] = "Caritas (Migrationsberatung)"
    result = run(municipality, rows, title="K", short_name="K")
    assert result.saved
    measure = Measure.objects.get(concept=result.concept, number="1.1.1")
    assert measure.lead.name == "Kulturamt"
    assert [o.name for o in measure.involved.all()] == ["Caritasverband"]


def test_an_unknown_priority_a_focus_that_is_no_year_and_an_ambiguous_short_name_are_errors(
    municipality, directory
):
    Organisation.objects.create(
        municipality=municipality, kind="partner", name="Kulturverein", short_name="KA"
    )
    rows = [STANDARD_HEADER + ["Priorität", "Schwerpunkt"]] + [row + ["", ""] for row in tidy_rows()[1:]]
    rows[1][11] = "dringend"
    rows[2][12] = "ja"
    rows[3][6] = "KA"
    result = run(municipality, rows, title="K", short_name="K")
    assert [str(e) for e in result.errors] == [
        "konzept.xlsx, Zeile 2, Spalte L (Priorität): Die Priorität „dringend“ ist unbekannt. Möglich sind: hoch, "
        "mittel, niedrig.",
        "konzept.xlsx, Zeile 3, Spalte M (Schwerpunkt): „ja“ ist kein Schwerpunktjahr (erwartet z. B. 2024).",
        "konzept.xlsx, Zeile 4, Spalte G (Federführung): Der Kurzname „KA“ passt zu mehreren Organisationen: "
        "Kulturamt, Kulturverein. Bitte den vollen Namen verwenden.",
    ]
    assert not Concept.objects.exists()


def test_a_failure_while_saving_leaves_nothing_behind(municipality, directory, monkeypatch):
    original = Measure.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self.number)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Measure, "save", failing_save)
    with pytest.raises(RuntimeError):
        run(municipality, title="K", short_name="K")
    assert len(calls) == 3
    assert not Concept.objects.exists()
    assert not FieldOfAction.objects.exists()
    assert not Measure.objects.exists()


def test_a_new_concept_with_the_short_name_of_an_existing_one_is_flagged(municipality, directory):
    run(municipality, title="Integrationskonzept", short_name="KIK")
    result = run(municipality, dry_run=True, title="Integrationskonzept", short_name="kik")
    assert any("Es gibt schon ein Konzept mit dem Kurznamen „KIK“" in str(w) for w in result.warnings)
