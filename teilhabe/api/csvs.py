"""CSV downloads of the public tables, through the one spreadsheet writer (teilhabe.sheets: UTF-8 with BOM,
semicolons, formula neutralisation: a title starting with "=" stays text)."""

from django.http import HttpResponse

from teilhabe import sheets
from teilhabe.downloads import attachment

CONTENT_TYPE = "text/csv; charset=utf-8"


def _flat(value):
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return " ".join(str(_flat(v)) for v in value.values())
    if value is None:
        return ""
    return value


def rows_csv(rows: list[dict], columns: list[str]) -> bytes:
    return sheets.write_csv(columns, ([_flat(row.get(c)) for c in columns] for row in rows))


def response(data: bytes, name: str) -> HttpResponse:
    return attachment(HttpResponse(data, content_type=CONTENT_TYPE), f"{name}.csv")
