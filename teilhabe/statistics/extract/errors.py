"""The one error of a register extract, and how its messages list row numbers."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

#: How many row numbers an error message lists before "…".
MAX_ROWS_SHOWN = 10


class ExtractError(ValueError):
    """A register extract (or a mapping file) cannot be used.

    ``problems`` holds one German sentence per problem; ``str(error)`` is the
    whole message with the file name. ``columns`` is, once the header line was
    read, every header with the canonical column it was read as (or None), so a
    refusal can show how the file was read.
    """

    def __init__(self, file_name: str, problems: Iterable[str]):
        self.file_name = file_name
        self.columns: list[tuple[str, str | None]] = []
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = _("Datei „%(file)s“: %(problem)s") % {"file": file_name, "problem": self.problems[0]}
        else:
            message = _("Datei „%(file)s“ hat %(count)d Fehler:\n%(problems)s") % {
                "file": file_name,
                "count": len(self.problems),
                "problems": "\n".join("- " + p for p in self.problems),
            }
        super().__init__(message)


def format_rows(rows: list[int], total: int) -> str:
    """German list of row numbers: "Zeile 5" / "Zeilen 5, 7, … (12 Zeilen)"."""
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    if total == 1:
        return _("Zeile %(row)s") % {"row": shown}
    if total > len(rows[:MAX_ROWS_SHOWN]):
        return _("Zeilen %(rows)s, … (insgesamt %(total)d Zeilen)") % {"rows": shown, "total": total}
    return _("Zeilen %(rows)s") % {"rows": shown}


_MESSAGES = {
    "unreadable": gettext_noop(
        "Die Datei ist nicht lesbar: erwartet wird CSV in UTF-8 oder Windows-1252, Parquet oder XLSX."
    ),
    "empty": gettext_noop("Die Datei ist leer."),
    "no_rows": gettext_noop("Die Datei enthält keine Datenzeilen."),  # the same words as teilhabe.sheets
    "not_found": gettext_noop("Die Datei wurde nicht gefunden."),
}


def _msg(key: str) -> str:
    return _(_MESSAGES[key])
