"""The headline figures as text: the comparison table's rows and the German number format.

No models: the command line imports this without the app registry (see ``teilhabe/cli.py``), and the
tables of the pages (:mod:`teilhabe.statistics.tables`) use the same functions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from teilhabe.formatting import number, percent

#: The two definitions the office's pages and reports can lead with (the choices are
#: ``statistics.models.Lead``; plain strings here, because ``django.db.models`` alone costs the command
#: line a tenth of a second).
MIGRATION_BACKGROUND = "migration_background"
IMMIGRATION_HISTORY = "immigration_history"


def format_count(value: int) -> str:
    return number(int(value))


def percent_value(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_percent(value: Decimal) -> str:
    return percent(value, 1)


def comparison_rows(lead: str = MIGRATION_BACKGROUND):
    """Rows of the comparison table: with migration background leading, exactly the seed report's rows
    followed by the Einwanderungsgeschichte; with Einwanderungsgeschichte leading, that comes first."""
    head = [(_("Einwohner"), "residents", None), (_("Nationen"), "nationalities", None)]
    background = [
        (_("davon Menschen mit Migrationshintergrund"), "migration_background", None),
        (_("Menschen mit Migrationshintergrund in %"), "migration_background", "residents"),
        (_("davon Ausländer"), "foreigners", None),
        (_("Ausländer in %"), "foreigners", "residents"),
        (_("davon aus EU-Staaten"), "foreigners_eu", "foreigners"),
        (_("davon aus Drittstaaten"), "foreigners_third_country", "foreigners"),
        (_("Personen mit Asylhintergrund"), "asylum_background", None),
    ]
    history = [
        (_("Menschen mit Einwanderungsgeschichte"), "immigration_history", None),
        (_("Menschen mit Einwanderungsgeschichte in %"), "immigration_history", "residents"),
        (
            _("einseitige Einwanderungsgeschichte (nicht mitgezählt)"),
            "immigration_history_one_sided",
            None,
        ),
    ]
    if lead == IMMIGRATION_HISTORY:
        return head + history + background
    return head + background + history
