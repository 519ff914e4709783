"""Reading municipal concept spreadsheets (XLSX, CSV) into plain rows, without touching the database.

sheet = read_concept_sheet("konzept.xlsx")
if not sheet.ok:
    for error in sheet.errors:
        print(error)   # "konzept.xlsx, Zeile 14, Spalte C (Maßnahme): Nummer fehlt"
"""

from teilhabe.concept.spreadsheet.reader import read_concept_sheet
from teilhabe.concept.spreadsheet.rows import (
    Column,
    ConceptSheet,
    SheetField,
    SheetGoal,
    SheetIssue,
    SheetMeasure,
)
from teilhabe.concept.spreadsheet.values import Timeframe, split_list, split_organisations

__all__ = [
    "Column",
    "ConceptSheet",
    "SheetField",
    "SheetGoal",
    "SheetIssue",
    "SheetMeasure",
    "Timeframe",
    "read_concept_sheet",
    "split_list",
    "split_organisations",
]
