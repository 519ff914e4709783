"""The one error of the spreadsheet layer, and where in a file something is wrong.

Every reader raises :class:`SheetError`; its text is German (English when the interface is English) and names
the file and, where it applies, the sheet, row and column:

    kontakte.csv, Zeile 14, Spalte „E-Mail“: …
"""

from django.utils.translation import gettext as _


def location(file: str, sheet: str = "", row: int | None = None, column: str = "") -> str:
    """adressbuch.xlsx, Blatt „Kontakte“, Zeile 4, Spalte „E-Mail“ (the parts that are known)."""
    parts = [file] if file else []
    if sheet:
        parts.append(_("Blatt „%(sheet)s“") % {"sheet": sheet})
    if row:
        parts.append(_("Zeile %(row)s") % {"row": row})
    if column:
        parts.append(_("Spalte „%(column)s“") % {"column": column})
    return ", ".join(parts)


class SheetError(ValueError):
    """A file that cannot be read as a table. str() is the whole message, starting with where."""

    def __init__(
        self, message: str, file: str = "", sheet: str = "", row: int | None = None, column: str = ""
    ):
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        where = location(file, sheet, row, column)
        super().__init__(f"{where}: {message}" if where else message)


def human_size(size: int) -> str:
    """1.5 MB, 200 kB: the size of a file as a person reads it (German decimal comma)."""
    from django.utils.formats import number_format

    if size >= 1_000_000_000:
        return _("%(size)s GB") % {"size": number_format(size / 1_000_000_000, 1)}
    if size >= 1_000_000:
        return _("%(size)s MB") % {"size": number_format(size / 1_000_000, 1)}
    return _("%(size)s kB") % {"size": number_format(max(1, round(size / 1000)), 0)}
