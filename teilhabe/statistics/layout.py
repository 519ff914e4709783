"""The statistics office's table, declared once: one row per indicator, area and reference date.

    Indikator;Gebiet;Stichtag;Wert
    Einwohner;Gesamtstadt;31.12.2023;72477

The importer (services.read_table) binds a file to TABLE: headers in German or English and the other
spellings listed here, each cell read by its column's parser (a bad cell: "Spalte Stichtag: kein Datum …" with
its rows). The upload form names the columns from it, in the interface language.
"""

import datetime as dt
import functools
import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.sheets import CellError, Col, Layout
from teilhabe.sheets.layout import text
from teilhabe.statistics.models import HEADLINE_FIELDS, FactCheck

#: Indicator names an office table may use (lower case, "davon " removed) -> indicator key.
INDICATOR_NAMES = {
    "einwohner": "residents",
    "einwohnerinnen und einwohner": "residents",
    "bevölkerung": "residents",
    "nationen": "nationalities",
    "nationalitäten": "nationalities",
    "staatsangehörigkeiten": "nationalities",
    "menschen mit migrationshintergrund": "migration_background",
    "einwohner mit migrationshintergrund": "migration_background",
    "migrationshintergrund": "migration_background",
    "ausländer": "foreigners",
    "ausländerinnen und ausländer": "foreigners",
    "aus eu-staaten": "foreigners_eu",
    "ausländer aus eu-staaten": "foreigners_eu",
    "eu-ausländer": "foreigners_eu",
    "eu-staaten": "foreigners_eu",
    "aus drittstaaten": "foreigners_third_country",
    "ausländer aus drittstaaten": "foreigners_third_country",
    "drittstaaten": "foreigners_third_country",
    "drittstaatsangehörige": "foreigners_third_country",
    "deutsche mit migrationshintergrund": "germans_with_migration_background",
    "personen mit asylhintergrund": "asylum_background",
    "asylhintergrund": "asylum_background",
    **{key: key for key in HEADLINE_FIELDS},
}


def norm(value) -> str:
    """Lower case, whitespace collapsed, a leading "davon " dropped: how names in the table are compared."""
    value = re.sub(r"\s+", " ", str(value or "").strip().lower())
    return value[len("davon ") :] if value.startswith("davon ") else value


def indicator_label(key: str) -> str:
    """An indicator's name as the export writes it: the figure's label in the interface language."""
    return str(FactCheck._meta.get_field(key).verbose_name)


@functools.cache
def _labels() -> dict[str, str]:
    """The exported names in German and English (lower case) -> indicator key, so that a file exported in
    either language imports back."""
    names = {}
    for language in ("de", "en"):
        with translation.override(language):
            names.update({norm(indicator_label(key)): key for key in HEADLINE_FIELDS})
    return names


def parse_indicator(value) -> str:
    indicator = INDICATOR_NAMES.get(norm(value)) or _labels().get(norm(value))
    if indicator is None:
        raise CellError(_("unbekannte Kennzahl „%(value)s“") % {"value": text(value)})
    return indicator


def parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(str(value or "").strip(), fmt).date()
        except ValueError:
            continue
    raise CellError(_("kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"))


def parse_count(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    cell = str(value if not isinstance(value, bool) else "").strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", cell):
        return int(cell.replace(".", ""))
    raise CellError(_("keine ganze Zahl ≥ 0"))


TABLE = Layout(
    "Kennzahlen",
    (
        Col("indicator", "Indikator", english="Indicator", field=None, parse=parse_indicator, required=True,
            aliases=("Merkmal", "Kennzahl"), width=44,
            help=gettext_lazy("Name der Kennzahl, z. B. Einwohner, Ausländer, Menschen mit Migrationshintergrund "
                              "(die Namen stehen unten).")),
        Col("area", "Gebiet", english="Area", field=None, aliases=("Stadtteil", "Bezirk", "Raum"), width=24,
            help=gettext_lazy("Stadtteil, wie ihn der Registerauszug schreibt; leer oder „Gesamtstadt“ für die "
                              "ganze Stadt.")),
        Col("date", "Stichtag", english="Reference date", field=None, parse=parse_date, required=True,
            aliases=("Datum", "Date"), width=14,
            help=gettext_lazy("Datum, auf das sich die Zahl bezieht: TT.MM.JJJJ oder JJJJ-MM-TT.")),
        Col("value", "Wert", english="Value", field=None, parse=parse_count, required=True, aliases=("Anzahl",),
            width=12, help=gettext_lazy("Anzahl als ganze Zahl ≥ 0 (72477 oder 72.477).")),
    ),
    english="Indicators",
)  # fmt: skip
