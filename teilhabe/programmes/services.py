"""Named actions on programmes (save, budget per year, funding rows, report deadlines) and the budget overview
per programme and year: the numbers, the chart (matplotlib SVG, concept's chart helper) and the XLSX export
(teilhabe/sheets, layout.py)."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.charts import cached_svg
from teilhabe.programmes.models import Funding, Programme, ProgrammeBudget, ReportDeadline

PROGRAMME_FIELDS = ("name", "funder", "starts_on", "ends_on", "description")
FUNDING_FIELDS = ("activity", "year", "requested", "granted", "spent", "note")


def _own(municipality, obj, field):
    if obj is not None and obj.municipality_id != municipality.pk:
        raise ValidationError({field: _("Das gehört nicht zu dieser Kommune.")})


@transaction.atomic
def save_programme(municipality, user, values: dict, programme: Programme | None = None):
    values = {name: values[name] for name in PROGRAMME_FIELDS if name in values}
    _own(municipality, values.get("funder"), "funder")
    name = (values.get("name") or (programme.name if programme else "")).strip()
    if not name:
        raise ValidationError({"name": _("Bitte geben Sie einen Namen an.")})
    clash = Programme.objects.filter(municipality=municipality, name__iexact=name)
    if programme is not None:
        clash = clash.exclude(pk=programme.pk)
    if clash.exists():
        raise ValidationError({"name": _("Ein Förderprogramm mit diesem Namen gibt es schon.")})
    start, end = values.get("starts_on"), values.get("ends_on")
    if start and end and end < start:
        raise ValidationError({"ends_on": _("Das Ende der Laufzeit liegt vor ihrem Beginn.")})
    values["name"] = name
    if programme is None:
        programme = Programme(municipality=municipality)
    return save_values(programme, values)


@transaction.atomic
def save_budget(programme, user, year: int, amount):
    """Set the programme's budget for `year` (amount None removes it)."""
    budget = ProgrammeBudget.objects.filter(programme=programme, year=year).first()
    if amount is None:
        if budget is not None:
            budget.delete()
        return None
    if amount < 0:
        raise ValidationError({"amount": _("Ein Budget kann nicht negativ sein.")})
    if budget is None:
        budget = ProgrammeBudget(municipality_id=programme.municipality_id, programme=programme, year=year)
    budget.amount = amount
    budget.save()
    return budget


@transaction.atomic
def save_funding(programme, user, values: dict, funding: Funding | None = None):
    values = {name: values[name] for name in FUNDING_FIELDS if name in values}
    municipality = programme.municipality
    _own(municipality, values.get("activity"), "activity")
    for name in ("requested", "granted", "spent"):
        if values.get(name) is not None and values[name] < 0:
            raise ValidationError({name: _("Ein Betrag kann nicht negativ sein.")})
    activity = values.get("activity", funding.activity if funding else None)
    year = values.get("year", funding.year if funding else None)
    clash = Funding.objects.filter(programme=programme, activity=activity, year=year)
    if funding is not None:
        clash = clash.exclude(pk=funding.pk)
    if clash.exists():
        raise ValidationError(
            {"year": _("Für diese Aktivität gibt es in %(year)s schon eine Förderung.") % {"year": year}}
        )
    if funding is None:
        funding = Funding(municipality_id=programme.municipality_id, programme=programme)
    return save_values(funding, values)


def delete_funding(funding, user):
    funding.delete()


@transaction.atomic
def add_report_deadline(programme, user, *, title, due_on, assignee_user=None, remind=False):
    """A deadline for a funding report: a Task (start page, reminder e-mail) linked to the programme."""
    from teilhabe.networks.services.tasks import save_task

    task = save_task(
        programme.municipality,
        user,
        {"title": title, "due_on": due_on, "assignee_user": assignee_user, "remind": remind},
    )
    ReportDeadline.objects.create(municipality_id=programme.municipality_id, programme=programme, task=task)
    return task


def deadlines_of(programme):
    return [d.task for d in programme.deadlines.select_related("task", "task__assignee_user")]


@dataclass
class YearRow:
    year: int
    budget: Decimal | None
    requested: Decimal
    granted: Decimal
    spent: Decimal

    @property
    def available(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.granted


def overview(programme, fundings=None) -> list[YearRow]:
    """One row per year with a budget or a funding: budget, sums requested, granted and spent, and what is
    still available (budget minus granted). Two queries (one when `fundings` are given)."""
    budgets = {b.year: b.amount for b in programme.budgets.all()}
    fundings = list(programme.fundings.all()) if fundings is None else fundings
    years = sorted(set(budgets) | {f.year for f in fundings})
    rows = []
    zero = Decimal("0")
    for year in years:
        mine = [f for f in fundings if f.year == year]
        rows.append(
            YearRow(
                year,
                budgets.get(year),
                sum((f.requested or zero for f in mine), zero),
                sum((f.granted or zero for f in mine), zero),
                sum((f.spent or zero for f in mine), zero),
            )
        )
    return rows


def chart(programme, rows) -> str:
    """Grouped bars per year: budget, granted, spent (inline SVG; the page shows the same numbers as a table)."""
    if not rows:
        return ""
    data = {
        "years": [str(row.year) for row in rows],
        "series": [
            [_("Budget"), [float(row.budget or 0) for row in rows], "#8a96a3"],
            [_("bewilligt"), [float(row.granted) for row in rows], "#2f7fc1"],
            [_("ausgegeben"), [float(row.spent) for row in rows], "#2e8540"],
        ],
        "ylabel": _("Euro"),
        "language": get_language() or "de",  # the axis numbers follow the language (cache key)
    }
    return cached_svg("programme-budget", data, _draw)


def _draw(figure, data):
    from matplotlib.ticker import FuncFormatter

    from teilhabe.formatting import number

    figure.set_size_inches(6.5, 3.0)
    axes = figure.add_subplot()
    count = len(data["series"])
    group = 0.7
    width = group / count
    x = list(range(len(data["years"])))
    for index, (name, values, colour) in enumerate(data["series"]):
        positions = [xi - group / 2 + width * (index + 0.5) for xi in x]
        axes.bar(positions, values, width=width, color=colour, label=name)
    axes.set_xticks(x, data["years"])
    axes.set_xlim(-0.9, max(len(x) - 0.1, 0.9))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: number(int(value))))
    axes.set_ylabel(data["ylabel"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e4e8ec")
    axes.set_axisbelow(True)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=count, frameon=False, fontsize=9)


def export_xlsx(programme) -> bytes:
    """The overview per year and the funding rows, two sheets, through teilhabe/sheets."""
    from teilhabe import sheets
    from teilhabe.programmes.layout import FUNDINGS, OVERVIEW

    fundings = list(programme.fundings.select_related("activity").order_by("year", "activity__title"))
    rows = overview(programme, fundings)
    money = "#,##0.00"

    def amount(value):
        return None if value is None else sheets.Formatted(float(value), money)

    summary = sheets.Out(
        OVERVIEW.name,
        OVERVIEW.out_columns(),
        [
            OVERVIEW.out_row(
                {
                    "year": row.year,
                    "budget": amount(row.budget),
                    "requested": amount(row.requested),
                    "granted": amount(row.granted),
                    "spent": amount(row.spent),
                    "available": amount(row.available),
                }
            )
            for row in rows
        ],
        title_lines=[programme.name],
    )
    detail = sheets.Out(
        FUNDINGS.name,
        FUNDINGS.out_columns(),
        [
            FUNDINGS.out_row(
                {
                    "year": f.year,
                    "activity": f.activity.title,
                    "requested": amount(f.requested),
                    "granted": amount(f.granted),
                    "spent": amount(f.spent),
                    "note": f.note,
                }
            )
            for f in fundings
        ],
        title_lines=[programme.name],
    )
    return sheets.write_xlsx([summary, detail])
