"""Builders for concept spreadsheets in tests: messy municipal sheets made with openpyxl."""

import csv
import io

import openpyxl

STANDARD_HEADER = [
    "Handlungsfeld Nr.",
    "Handlungsfeld",
    "Ziel Nr.",
    "Ziel",
    "Maßnahme Nr.",
    "Maßnahme",
    "Federführung",
    "Beteiligte",
    "Beginn",
    "Ende",
    "Status",
]


def xlsx_bytes(rows, merges=(), title="Maßnahmen", extra_sheets=()) -> bytes:
    """An XLSX file whose first sheet holds `rows` (lists of cell values, None for empty) and merged ranges
    such as "A3:A9"."""
    workbook = openpyxl.Workbook()
    for name, sheet_rows in extra_sheets:
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(path, rows, merges=(), **kwargs):
    path.write_bytes(xlsx_bytes(rows, merges, **kwargs))
    return path


def csv_bytes(rows, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue().encode(encoding)


def tidy_rows():
    """A small, clean concept in the standard layout: 2 fields, 3 goals, 4 measures."""
    return [
        STANDARD_HEADER,
        [
            "1",
            "Sprache und Bildung",
            "1.1",
            "Frühe Sprachförderung stärken",
            "1.1.1",
            "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek",
            "Kulturamt",
            "Integrationsbeirat",
            "01.03.2024",
            "laufend",
            "in Umsetzung",
        ],
        [
            "1",
            "Sprache und Bildung",
            "1.1",
            "Frühe Sprachförderung stärken",
            "1.1.2",
            "Sprachcafés im Altstadthaus",
            "Amt für Integration",
            "Ukrainischer Verein; Caritas",
            "2023",
            "2024",
            "umgesetzt",
        ],
        [
            "1",
            "Sprache und Bildung",
            "1.2",
            "Eltern einbeziehen",
            "1.2.1",
            "Video-Tutorials zur Mittagsbetreuung",
            "Amt für Schulen",
            "Stadtjugendring",
            "ab 2024",
            None,
            "in Vorbereitung",
        ],
        [
            "2",
            "Arbeit und Ausbildung",
            "2.1",
            "Zugang zum Arbeitsmarkt erleichtern",
            "2.1.1",
            "Jobbörse für Geflüchtete",
            "Jobcenter",
            "Amt für Integration",
            "04.03.2024",
            "04.03.2024",
            "umgesetzt",
        ],
    ]
