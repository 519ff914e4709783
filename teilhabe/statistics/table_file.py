"""The statistics office's table written out: the stored figures as that table, and the empty template.

Both follow statistics/layout.py (TABLE), the layout the import reads, so an export imports back unchanged:
one row per indicator, area and reference date, the headline figures under the whole city and the figures
per district under their district. What a register extract adds beyond that (nationalities, age groups,
the age pyramid) has no place in this table and is not written. Headers, indicator names and "whole city"
follow the interface language; the import reads both languages.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.statistics.layout import TABLE, indicator_label
from teilhabe.statistics.models import HEADLINE_FIELDS, FactCheck, Indicator


def whole_city() -> str:
    """The area of the headline figures, as the export writes it (the import reads it as the whole city)."""
    return _("Gesamtstadt")


def rows(municipality):
    """The export's rows in TABLE's column order: per reference date the headline figures, then the
    districts' figures (two queries)."""
    fact_checks = FactCheck.objects.for_municipality(municipality).order_by("reference_date")
    by_date: dict = {}
    for indicator in (
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="district", group="", category="", indicator__in=HEADLINE_FIELDS)
        .exclude(area="")
        .order_by("reference_date", "area", "pk")
        .values_list("reference_date", "indicator", "area", "value")
    ):
        by_date.setdefault(indicator[0], []).append(indicator)
    order = {key: index for index, key in enumerate(HEADLINE_FIELDS)}
    city = whole_city()
    for fact_check in fact_checks:
        date = fact_check.reference_date
        for key in HEADLINE_FIELDS:
            value = getattr(fact_check, key)
            if value is not None:
                yield [indicator_label(key), city, date, value]
        for _date, key, area, value in sorted(by_date.get(date, []), key=lambda r: (r[2], order[r[1]])):
            yield [indicator_label(key), area, date, value]


def export_xlsx(municipality) -> bytes:
    return sheets.write_xlsx([sheets.Out(TABLE.title(), TABLE.out_columns(), rows(municipality))])


def export_csv(municipality) -> bytes:
    return sheets.write_csv(TABLE.headers(), rows(municipality))


def template_xlsx() -> bytes:
    """The header row alone (an upload of it is refused: "keine Datenzeilen") and a sheet of notes naming
    each column, whether it is required and what belongs in it."""
    from openpyxl.comments import Comment

    yes = _("ja")
    notes = [[col.title(), yes if col.required else "", str(col.help)] for col in TABLE]
    names = ", ".join(indicator_label(key) for key in HEADLINE_FIELDS)
    outs = [
        sheets.Out(TABLE.title(), TABLE.out_columns(), []),
        sheets.Out(
            _("Hinweise"),
            [
                sheets.Column(_("Spalte"), width=20),
                sheets.Column(_("Pflicht"), width=8),
                sheets.Column(_("Inhalt"), width=80),
            ],
            notes,
            notes=[
                _("Eine Zeile je Kennzahl, Gebiet und Stichtag, ab der zweiten Zeile des ersten Blatts."),
                _("Kennzahlen: %(names)s.") % {"names": names},
                _(
                    "Der Import ist „alles oder nichts“: Bei einem Fehler wird nichts gespeichert und jeder "
                    "Fehler mit Zeile und Spalte genannt. Vorhandene Zahlen zu den Stichtagen der Datei "
                    "werden ersetzt."
                ),
            ],
        ),
    ]
    workbook = sheets.build(outs)
    header = workbook[outs[0].title]
    for index, col in enumerate(TABLE, 1):
        if col.help:
            header.cell(1, index).comment = Comment(str(col.help), "Teilhabe")
    return sheets.workbook_bytes(workbook)
