"""Tables from the spreadsheets people send, and tables written back the same way.

Reads XLSX and CSV as German office software produces them: UTF-8, UTF-8 with BOM, Windows-1252 (and
UTF-16 "Unicode-Text" from Excel), separated by semicolon, comma or tab. Knows nothing about models, so any
app can use it:

    tables = read_tables(data, "kontakte.csv")     # list[Table]; XLSX gives one Table per worksheet
    for row in tables[0].rows:                      # row.number is the row as the spreadsheet shows it
        row.values["E-Mail"]                        # str ("" when empty) or datetime.date from XLSX

    write_csv(headers, rows)                        # bytes, UTF-8 with BOM and ";" (opens in German Excel)
    write_xlsx([("Organisationen", headers, rows)]) # bytes
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 mit BOM",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
}
DELIMITERS = (";", ",", "\t")


class TableError(ValueError):
    """The file cannot be read as a table at all (the message is German and names the file)."""


@dataclass
class Row:
    number: int
    values: dict


@dataclass
class Table:
    source: str  # what error messages call it: "kontakte.csv" or "adressbuch.xlsx, Blatt „Organisationen“"
    title: str  # the sheet title, or the file name for CSV
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def read_tables(data: bytes, filename: str) -> list[Table]:
    """All tables in the file: one per non-empty worksheet of an XLSX, one for a CSV."""
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, filename)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(
            _(
                "%(file)s: Das alte Excel-Format (.xls) wird nicht unterstützt. Bitte als .xlsx oder CSV speichern."
            )
            % {"file": filename}
        )
    return [_read_csv(data, filename)]


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def detect_delimiter(text: str) -> str:
    """The separator used in the header line: the one of ; , TAB that occurs most often outside quotes."""
    header = _first_record(text)
    counts = {d: 0 for d in DELIMITERS}
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _first_record(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _read_csv(data: bytes, filename: str) -> Table:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TableError(_("%(file)s: Die Datei ist keine Tabelle (CSV oder .xlsx).") % {"file": filename})
    text, encoding = decode(data)
    delimiter = detect_delimiter(text)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        numbered = [
            (number, [cell.strip() for cell in record]) for number, record in enumerate(records, start=1)
        ]
    except csv.Error as error:
        raise TableError(
            _("%(file)s: Die CSV-Datei ist nicht lesbar (%(error)s).") % {"file": filename, "error": error}
        ) from None
    table = _table(numbered, source=filename, title=filename)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _read_xlsx(data: bytes, filename: str) -> list[Table]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise TableError(
            _("%(file)s: Die Excel-Datei ist beschädigt oder keine .xlsx-Datei.") % {"file": filename}
        ) from None
    tables = []
    try:
        for sheet in workbook.worksheets:
            numbered = [
                (number, [_cell(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            source = _("%(file)s, Blatt „%(sheet)s“") % {"file": filename, "sheet": sheet.title}
            table = _table(numbered, source=source, title=sheet.title)
            if table.headers:
                tables.append(table)
    finally:
        workbook.close()
    return tables


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time.min else value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(numbered, *, source, title) -> Table:
    """The first non-empty row holds the headers; empty rows are skipped but keep their numbers."""
    headers, rows = [], []
    for number, cells in numbered:
        if not any(cell not in ("", None) for cell in cells):
            continue
        if not headers:
            headers = [str(cell).strip() for cell in cells]
            while headers and not headers[-1]:
                headers.pop()
            continue
        values = {
            header: (cells[index] if index < len(cells) else "")
            for index, header in enumerate(headers)
            if header
        }
        rows.append(Row(number=number, values=values))
    return Table(source=source, title=title, headers=headers, rows=rows)


def write_csv(headers, rows, *, encoding="utf-8-sig", delimiter=";") -> bytes:
    """A CSV file as German Excel opens it by double-click: UTF-8 with BOM, semicolons."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    unencodable = []
    for row in rows:
        cells = ["" if value is None else _text(value) for value in row]
        writer.writerow(cells)
        for cell in cells:
            try:
                cell.encode(encoding)
            except UnicodeEncodeError:
                unencodable.append(cell)
    if unencodable:
        # Never replace letters by "?" silently: a re-import would create "Mehmet Ayd?n" next to "Mehmet Aydın".
        shown = ", ".join("„%s“" % value for value in unencodable[:5])
        raise TableError(
            _("%(encoding)s kann diese Angaben nicht darstellen: %(values)s. Bitte wählen Sie UTF-8.")
            % {"encoding": ENCODING_NAMES.get(encoding, encoding), "values": shown}
        )
    return buffer.getvalue().encode(encoding)


def _text(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def write_xlsx(sheets) -> bytes:
    """sheets: [(title, headers, rows)]. Bold header row, frozen, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(str(h)) for h in headers]
        for row in rows:
            values = ["" if value is None else value for value in row]
            sheet.append(values)
            for index, value in enumerate(values):
                widths[index] = max(widths[index], min(60, len(_text(value))))
        for index, width in enumerate(widths):
            sheet.column_dimensions[_column_letter(index)].width = width + 2
        sheet.freeze_panes = "A2"
        for cell in sheet.iter_rows(min_row=2):
            for c in cell:
                if isinstance(c.value, datetime.date):
                    c.number_format = "DD.MM.YYYY"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column_letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
