"""The uploaded files of a directory import -> tables bound to the organisations or the contacts layout."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe import sheets
from teilhabe.directory.layout import CONTACTS, ORGANISATIONS
from teilhabe.directory.transfer.result import ImportResult


def read_files(files, result: ImportResult) -> tuple[list[sheets.Bound], list[sheets.Bound]]:
    """(organisation tables, contact tables) of the files [(name, bytes)]; what is wrong goes to `result`."""
    organisations, contacts = [], []
    for filename, data in files:
        try:
            workbook = sheets.read(data, kind="directory", filename=filename)
        except sheets.SheetError as error:
            result.errors.append(str(error))
            continue
        result.warnings.extend(workbook.notes())
        tables = [table for table in (sheet.table() for sheet in workbook.sheets) if table.headers]
        if not tables:
            result.errors.append(
                "%s: %s" % (sheets.location(filename), _("Die Datei enthält keine Tabelle."))
            )
            continue
        try:
            sheets.require_data_rows(tables, filename)
        except sheets.SheetError as error:
            result.errors.append(str(error))
            continue
        for table in tables:
            bound = bind(table)
            if bound is None:
                result.errors.append(
                    _(
                        "%(source)s: Nicht erkannt. Organisationen brauchen die Spalten „Art“ und „Name“, "
                        "Ansprechpersonen die Spalten „Organisation“ und „Name“."
                    )
                    % {"source": table.source}
                )
                continue
            for header in bound.unknown:
                result.warnings.append(
                    _("%(source)s: Die Spalte „%(column)s“ ist unbekannt und wird nicht übernommen.")
                    % {"source": table.source, "column": header}
                )
            (organisations if bound.layout is ORGANISATIONS else contacts).append(bound)
            result.files.append(describe(bound))
    return organisations, contacts


def bind(table: sheets.Table) -> sheets.Bound | None:
    """The table bound to the layout it is written in, by its columns (else by its sheet's title)."""
    as_contacts = CONTACTS.bind(table)
    as_organisations = ORGANISATIONS.bind(table)
    if not as_contacts.has("name"):
        return None
    if as_contacts.has("organisation"):
        return as_contacts
    if as_organisations.has("kind"):
        return as_organisations
    title = table.title.casefold()
    if "person" in title or "kontakt" in title or "contact" in title:
        return as_contacts
    if "organisation" in title:
        return as_organisations
    return None


def describe(bound: sheets.Bound) -> str:
    """kontakte.csv (Ansprechpersonen, 12 Zeilen, Windows-1252, getrennt mit „;“)"""
    table = bound.table
    label = _("Organisationen") if bound.layout is ORGANISATIONS else _("Ansprechpersonen")
    details = [
        label,
        ngettext("%(count)s Zeile", "%(count)s Zeilen", len(table.rows)) % {"count": len(table.rows)},
    ]
    if table.sheet.encoding:
        details.append(sheets.ENCODING_NAMES.get(table.sheet.encoding, table.sheet.encoding))
        delimiter = table.sheet.delimiter
        details.append(
            _("getrennt mit „%(delimiter)s“") % {"delimiter": "Tab" if delimiter == "\t" else delimiter}
        )
    return "%s (%s)" % (table.source, ", ".join(details))
