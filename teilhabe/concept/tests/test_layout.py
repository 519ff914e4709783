"""The concept layout is declared once (concept/layout.py): export, template, reader and forms follow it."""

import io

from openpyxl import load_workbook

from teilhabe.concept.forms import ConceptForm, MeasureForm
from teilhabe.concept.layout import CONCEPT_EXPORT, MEASURES, ROUND_EXPORT
from teilhabe.concept.models import Measure
from teilhabe.concept.services.structure import CONCEPT_FIELDS, MEASURE_FIELDS
from teilhabe.concept.sheet_template import build_template
from teilhabe.concept.spreadsheet.headers import match_header


def test_every_spelling_of_the_layout_is_recognised_as_its_column():
    for col in MEASURES:
        for spelling in col.spellings():
            assert match_header(spelling) == col.key, spelling


def test_the_template_writes_the_layout_with_its_required_columns():
    book = load_workbook(io.BytesIO(build_template()))
    sheet = book.worksheets[0]
    header_row = next(
        r for r in sheet.iter_rows(values_only=True) if r and r[0] == MEASURES["field_number"].header
    )
    assert list(header_row) == [MEASURES[key].header for key in CONCEPT_EXPORT]
    notes = {row[0]: row[1] for row in book["Hinweise"].iter_rows(values_only=True) if row and row[0]}
    assert [h for h in notes if notes[h] == "ja"] == [c.header for c in MEASURES if c.required]


def test_the_columns_fill_model_attributes_that_exist_and_the_forms_use_the_services_fields():
    model_fields = {f.name for f in Measure._meta.get_fields()}
    for col in MEASURES:
        assert col.attribute is None or col.attribute in model_fields, col.key
    assert set(ROUND_EXPORT) > set(CONCEPT_EXPORT)
    assert ConceptForm._meta.fields == list(CONCEPT_FIELDS)
    assert [f for f in MeasureForm._meta.fields if f != "involved"] == list(MEASURE_FIELDS)
