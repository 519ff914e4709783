"""The shipped template is current, explains itself and imports as it is."""

import io

import openpyxl
import pytest

from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import Measure
from teilhabe.concept.sheet_template import EXAMPLE_ORGANISATIONS, TEMPLATE_PATH, build_template
from teilhabe.concept.spreadsheet import read_concept_sheet
from teilhabe.directory.models import Organisation


def cell_values(data: bytes):
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook.worksheets}


def test_the_committed_template_matches_the_generator():
    assert TEMPLATE_PATH.exists(), "run `teilhabe concept_template`"
    assert cell_values(TEMPLATE_PATH.read_bytes()) == cell_values(build_template()), (
        "the template is out of date: run `teilhabe concept_template`"
    )


def test_the_template_has_an_explanatory_header_comments_and_a_notes_sheet():
    workbook = openpyxl.load_workbook(TEMPLATE_PATH)
    sheet = workbook["Maßnahmen"]
    assert sheet["A3"].value.startswith("Vorlage für den Import in Teilhabe: eine Zeile je Maßnahme.")
    assert sheet["E5"].value == "Maßnahme Nr." and "Pflicht" in sheet["E5"].comment.text
    assert sheet.freeze_panes == "A6"
    assert "Hinweise" in workbook.sheetnames
    assert workbook.active.title == "Maßnahmen"


def test_the_template_reads_without_errors():
    sheet = read_concept_sheet(TEMPLATE_PATH)
    assert sheet.ok, sheet.errors
    assert [m.number for m in sheet.measures] == ["1.1.1", "1.1.2", "2.1.1"]


@pytest.mark.django_db
def test_the_template_imports_once_its_organisations_exist(municipality):
    result = import_concept(municipality, TEMPLATE_PATH, None, dry_run=True)
    assert [u.name for u in result.unknown_organisations] == EXAMPLE_ORGANISATIONS
    for name in EXAMPLE_ORGANISATIONS:
        Organisation.objects.create(municipality=municipality, kind="department", name=name)
    result = import_concept(municipality, TEMPLATE_PATH, None)
    assert result.saved, [str(e) for e in result.errors]
    assert result.concept.short_name == "KIK"
    assert Measure.objects.filter(concept=result.concept).count() == 3
