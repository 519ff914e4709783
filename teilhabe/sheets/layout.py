"""Declaring a spreadsheet layout once: the columns of one kind of file, for import, export, template and forms.

A layout is a tuple of :class:`Col` (German header, English header where the layout has one, model field,
parser, required, help text, export width, other accepted spellings). The exporter writes ``headers()``,
the template writes ``help`` as header comments and marks ``required``, the importer binds a read table
to the layout (:meth:`Layout.bind`: headers matched in any spelling, unknown and missing columns found)
and converts each row with the columns' parsers (:meth:`Bound.values`), every bad cell becoming one German
message "datei.csv, Zeile 7, Spalte „Status“: …". Forms take their field lists from ``fields()``.

    STATUS = Col("status", "Status", field="state", parse=choice({"offen": "open"}), required=True)
    LAYOUT = Layout("Aktivitäten", (Col("title", "Titel", required=True), STATUS))

    bound = LAYOUT.bind(sheets.read(upload, kind="activities").sheets[0].table())
    for record in bound.rows:
        values = bound.values(record, problems)   # {"title": …, "state": …}; bad cells -> problems

A parser takes the cell (str, number, date; "" when blank) and returns the value, or raises
:class:`CellError` with the German reason.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from teilhabe.sheets.errors import SheetError, location
from teilhabe.sheets.reader import Record, Table


def _in_english() -> bool:
    return (translation.get_language() or "").startswith("en")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def fold(text) -> str:
    """Lower case with umlauts spelled out and whitespace collapsed: for comparing names and labels."""
    text = unicodedata.normalize("NFC", str(text)).lower().translate(_UMLAUTS)
    return " ".join(text.split())


def compact(text) -> str:
    """The form in which headers are compared: folded, text in parentheses and "*" dropped, letters and
    digits only. "Maßnahmen-Nr.", "Massnahmen Nr" and "MASSNAHMENNR" all become "massnahmennr"."""
    text = re.sub(r"\([^)]*\)", " ", str(text).replace("\ufeff", ""))
    text = fold(text).replace("*", "")
    return re.sub(r"[^0-9a-z#]", "", text)


class CellError(ValueError):
    """Raised by a column's parser: the German reason a cell cannot be read ("… ist kein Datum"); several
    reasons for one cell (two unknown languages) give one message each."""

    def __init__(self, message: str, *more: str):
        self.message = message
        self.messages = [message, *more]
        super().__init__(message)


def text(value) -> str:
    """The cell as stripped text (dates as TT.MM.JJJJ): the default parser."""
    if isinstance(value, dt.datetime) and value.time() == dt.time.min:
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value if value is not None else "").strip()


@dataclass(frozen=True)
class Col:
    """One column of a layout."""

    key: str  # the name code uses for the column (a role); also the model field unless `field` is given
    header: str  # German header: written by German exports, always recognised on import
    english: str = ""  # English header: written by English exports, always recognised on import
    field: str | None = ""  # model attribute the column fills ("" = key; None = no attribute of its own)
    parse: Callable | None = None  # cell -> value, raises CellError; None: text()
    required: bool = False
    help: str = ""  # what belongs in the column (template comments, the template's notes sheet)
    width: int | None = None  # export width in characters (None: from the content)
    aliases: tuple[str, ...] = ()  # other spellings people use for the header

    @property
    def attribute(self) -> str | None:
        return None if self.field is None else (self.field or self.key)

    def title(self) -> str:
        """The header an export writes: English in an English session (where the column has one), else German."""
        return self.english if self.english and _in_english() else self.header

    def spellings(self) -> tuple[str, ...]:
        return (self.header, *((self.english,) if self.english else ()), *self.aliases)

    def read(self, value):
        """The cell converted by the column's parser; raises CellError."""
        return (self.parse or text)(value if value is not None else "")


@dataclass(frozen=True)
class Layout:
    """The columns of one kind of file, in the order exports write them."""

    name: str  # what the sheet is called (a German export's sheet title)
    columns: tuple[Col, ...]
    normalise: Callable[[str], str] = compact  # how headers are compared
    english: str = ""  # the sheet's title in an English export

    def __post_init__(self):
        seen: dict[str, str] = {}
        for col in self.columns:
            for spelling in col.spellings():
                key = self.normalise(spelling)
                if seen.setdefault(key, col.key) != col.key:
                    raise ValueError(f"{self.name}: „{spelling}“ would name both {seen[key]} and {col.key}")

    def __iter__(self):
        return iter(self.columns)

    def __getitem__(self, key: str) -> Col:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def keys(self) -> list[str]:
        return [col.key for col in self.columns]

    def title(self) -> str:
        """The sheet's title in the interface language (as Col.title())."""
        return self.english if self.english and _in_english() else self.name

    def headers(self) -> list[str]:
        """The headers an export writes, in the interface language (Col.title())."""
        return [col.title() for col in self.columns]

    def fields(self, *, exclude: Iterable[str] = ()) -> list[str]:
        """The model attributes in file order (a form's Meta.fields, the attributes an import writes)."""
        skip = set(exclude)
        return [
            col.attribute
            for col in self.columns
            if col.attribute is not None and col.attribute not in skip and col.key not in skip
        ]

    def out_columns(self, keys: Iterable[str] | None = None) -> list:
        """The writer's columns (header and width) for an export of this layout, optionally only `keys`."""
        from teilhabe.sheets.writer import Column

        wanted = list(keys) if keys is not None else self.keys()
        return [Column(self[key].title(), width=self[key].width) for key in wanted]

    def out_row(self, values: dict, keys: Iterable[str] | None = None) -> list:
        """One export row in column order from {key: value}."""
        return [values.get(key) for key in (keys if keys is not None else self.keys())]

    def template(
        self, rows=(), notes=(), *, labels=("Hinweise", "Spalte", "Pflicht", "Inhalt"), yes="ja"
    ) -> bytes:
        """The downloadable template: this layout's header (each column's help as a comment) with example
        `rows` ({key: value}), and a sheet `labels[0]` naming each column, whether it is required, its help,
        and the `notes` below."""
        from openpyxl.comments import Comment

        from teilhabe.sheets import writer

        sheet, column, required, content = (str(label) for label in labels)
        explained = [[col.title(), str(yes) if col.required else "", str(col.help)] for col in self.columns]
        outs = [
            writer.Out(self.title(), self.out_columns(), [self.out_row(row) for row in rows]),
            writer.Out(
                sheet,
                [
                    writer.Column(column, width=22),
                    writer.Column(required, width=8),
                    writer.Column(content, width=80),
                ],
                explained,
                notes=[str(note) for note in notes],
            ),
        ]
        workbook = writer.build(outs)
        header = workbook[outs[0].title]
        for index, col in enumerate(self.columns, 1):
            if col.help:
                header.cell(1, index).comment = Comment(str(col.help), "Teilhabe")
        return writer.workbook_bytes(workbook)

    def required(self) -> list[Col]:
        return [col for col in self.columns if col.required]

    def match(self, header) -> Col | None:
        """The column a header cell names (German, English or another known spelling), or None."""
        if header is None:
            return None
        key = self.normalise(str(header))
        if not key:
            return None
        return self._lookup().get(key)

    def _lookup(self) -> dict[str, Col]:
        lookup = self.__dict__.get("_lookup_cache")
        if lookup is None:
            lookup = {self.normalise(s): col for col in self.columns for s in col.spellings()}
            object.__setattr__(self, "_lookup_cache", lookup)
        return lookup

    def bind(self, table: Table) -> "Bound":
        """The table's headers matched to this layout's columns."""
        by_key: dict[str, str] = {}
        unknown: list[str] = []
        for header in table.headers:
            if not header:
                continue
            col = self.match(header)
            if col is None:
                unknown.append(header)
            elif col.key not in by_key:
                by_key[col.key] = header
        return Bound(self, table, by_key, unknown)


@dataclass
class Bound:
    """A read table seen through a layout: which of its headers holds which column."""

    layout: Layout
    table: Table
    headers: dict[str, str]  # column key -> the header as written in the file
    unknown: list[str] = field(default_factory=list)  # headers no column of the layout has

    @property
    def rows(self) -> list[Record]:
        return self.table.rows

    def has(self, key: str) -> bool:
        return key in self.headers

    def missing(self) -> list[Col]:
        """Required columns the file lacks."""
        return [col for col in self.layout.required() if col.key not in self.headers]

    def label(self, key: str) -> str:
        """The header of a column as the file writes it (the layout's header if the file lacks it)."""
        return self.headers.get(key) or self.layout[key].title()

    def raw(self, record: Record, key: str):
        header = self.headers.get(key)
        return record.values.get(header, "") if header else ""

    def where(self, row: int | None = None, key: str = "") -> str:
        """datei.csv, Zeile 7, Spalte „Status“ (the sheet too for a workbook)."""
        return self.table.sheet.where(row, self.label(key) if key else "")

    def error(self, message: str, row: int | None = None, key: str = "") -> str:
        """A located German message: "datei.csv, Zeile 7, Spalte „Status“: …"."""
        return f"{self.where(row, key)}: {message}"

    def values(self, record: Record, problems: list[str] | None = None) -> dict:
        """{model attribute: value} for the columns the file has; each bad cell adds a located message to
        `problems` (and its attribute is left out). Without `problems` the first bad cell raises SheetError."""
        values = {}
        for col in self.layout.columns:
            if col.key not in self.headers:
                continue
            try:
                values[col.attribute or col.key] = col.read(self.raw(record, col.key))
            except CellError as error:
                if problems is None:
                    sheet = self.table.sheet
                    raise SheetError(
                        error.message,
                        sheet.file,
                        "" if sheet.is_csv else sheet.name,
                        record.number,
                        self.label(col.key),
                    ) from None
                problems.extend(self.error(message, record.number, col.key) for message in error.messages)
        return values


def read_bound(data, layout: "Layout", key: str, result, *, kind: str, filename: str, missing: str):
    """The first table of an upload that has the column `key`, bound to `layout`, or None. What is wrong goes
    to ``result.errors`` (unreadable file; no such table: `missing`, after "datei.csv: "; no data rows), the
    workbook's notes and the unknown columns to ``result.warnings``; ``result.source`` names the table."""
    from teilhabe.sheets.reader import read

    try:
        workbook = read(data, kind=kind, filename=filename)
    except SheetError as error:
        result.errors.append(str(error))
        return None
    result.warnings.extend(workbook.notes())
    tables = [t for t in (sheet.table() for sheet in workbook.sheets) if t.headers]
    bound = next((b for b in (layout.bind(t) for t in tables) if b.has(key)), None)
    if bound is None:
        result.errors.append(f"{location(filename)}: {missing}")
        return None
    if not bound.rows:
        result.errors.append(
            str(no_data_rows(filename, "" if bound.table.sheet.is_csv else bound.table.title))
        )
        return None
    result.source = bound.table.source
    for header in bound.unknown:
        result.warnings.append(
            _("%(source)s: Die Spalte „%(column)s“ ist unbekannt und wird nicht übernommen.")
            % {"source": bound.table.source, "column": header}
        )
    return bound


def no_data_rows(file: str, sheet: str = "") -> SheetError:
    """The one message for a file that has a header row and nothing below it."""
    return SheetError(_("Die Datei enthält keine Datenzeilen."), file, sheet)


def require_data_rows(tables: Iterable[Table], file: str) -> None:
    """Raise SheetError "Die Datei enthält keine Datenzeilen." when none of a file's tables has a row."""
    if not any(table.rows for table in tables):
        raise no_data_rows(file)


def choice(words: dict[str, object], reason: Callable[[str], str] | None = None) -> Callable:
    """A parser for a closed list: folded cell text -> value; "" -> ""; anything else raises CellError."""
    folded = {fold(word): value for word, value in words.items()}

    def parse(value):
        cell = text(value)
        if not cell:
            return ""
        if fold(cell) in folded:
            return folded[fold(cell)]
        raise CellError(
            reason(cell) if reason else _("„%(value)s“ ist kein erlaubter Wert.") % {"value": cell}
        )

    return parse


__all__ = [
    "Bound",
    "CellError",
    "Col",
    "Layout",
    "choice",
    "compact",
    "fold",
    "location",
    "no_data_rows",
    "read_bound",
    "require_data_rows",
    "text",
]
