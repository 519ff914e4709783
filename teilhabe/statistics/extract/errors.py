"""The one error of a register extract, and how its messages list row numbers."""

from __future__ import annotations

from collections.abc import Iterable

#: How many row numbers an error message lists before "…".
MAX_ROWS_SHOWN = 10


class ExtractError(ValueError):
    """A register extract (or a mapping file) cannot be used.

    ``problems`` holds one German sentence per problem; ``str(error)`` is the
    whole message with the file name.
    """

    def __init__(self, file_name: str, problems: Iterable[str]):
        self.file_name = file_name
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = "Datei „%s“: %s" % (file_name, self.problems[0])
        else:
            message = "Datei „%s“ hat %d Fehler:\n%s" % (
                file_name,
                len(self.problems),
                "\n".join("- " + p for p in self.problems),
            )
        super().__init__(message)


def format_rows(rows: list[int], total: int) -> str:
    """German list of row numbers: "Zeile 5" / "Zeilen 5, 7, … (12 Zeilen)"."""
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    if total == 1:
        return "Zeile %s" % shown
    if total > len(rows[:MAX_ROWS_SHOWN]):
        return "Zeilen %s, … (insgesamt %d Zeilen)" % (shown, total)
    return "Zeilen %s" % shown


_MESSAGES = {
    "unreadable": (
        "Die Datei ist nicht lesbar: erwartet wird CSV in UTF-8 oder Windows-1252, Parquet oder XLSX."
    ),
    "empty": "Die Datei ist leer.",
    "no_rows": "Die Datei enthält keine Datenzeilen (nur die Kopfzeile).",
    "not_found": "Die Datei wurde nicht gefunden.",
}


def _msg(key: str) -> str:
    return _MESSAGES[key]
