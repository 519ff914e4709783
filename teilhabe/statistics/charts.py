"""Server-side SVG charts (matplotlib) of the Faktencheck tables. Each chart stands beside its table,
which carries the same numbers for screen readers; suppressed cells are left out of the chart. A chart with
more than one series has a legend; numbers follow the house style of the interface language
(teilhabe.formatting); the page scales the SVG to the width of its card (`.chart svg` in teilhabe.css)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from teilhabe.charts import cached_svg
from teilhabe.formatting import number
from teilhabe.statistics.tables import Table

ACCENT = "#1f4e79"
ACCENT_LIGHT = "#8fb3d9"
WARM = "#b5562d"
WARM_LIGHT = "#f0b48f"


def _svg(kind: str, data: dict, draw, title: str, what: str, table: Table) -> str:
    """Inline SVG (teilhabe/charts.py: one renderer, cached by the numbers) with a text alternative: what
    the chart shows and where its numbers are (the table)."""
    data = {**data, "language": get_language() or "de"}  # labels and numbers follow the language
    svg = cached_svg(f"statistics-{kind}", data, draw)
    alternative = _("%(title)s: %(what)s. Die Zahlen stehen in der Tabelle „%(table)s“.") % {
        "title": title,
        "what": what,
        "table": table.title,
    }
    return svg.replace("<svg ", '<svg role="img" aria-label="%s" ' % escape(alternative), 1)


def _number(cell):
    if cell.hidden or cell.value is None:
        return None
    return float(cell.value)


def timeseries_chart(table: Table, title: str) -> str:
    """Shares of residents with migration background and of foreigners over the reference dates."""
    series = []
    for column, label in ((3, _("Migrationshintergrund in %")), (5, _("Ausländer in %"))):
        values = [_number(row[column]) for row in table.rows]
        series.append([label, values, [number(v, 1) if v is not None else "" for v in values]])
    data = {"labels": [row[0].text for row in table.rows], "series": series}
    what = _("Liniendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stichtag")
    return _svg(table.key, data, _draw_timeseries, title, what, table)


def _draw_timeseries(figure, data):
    figure.set_size_inches(6.4, 3.2)
    ax = figure.add_subplot()
    xs = list(range(len(data["labels"])))
    for (label, values, texts), colour, marker in zip(data["series"], (ACCENT, WARM), "os", strict=True):
        ax.plot(xs, values, marker=marker, color=colour, label=label)
        for x, y, text in zip(xs, values, texts, strict=True):
            if y is not None:
                ax.annotate(text, (x, y), textcoords="offset points", xytext=(0, 6), ha="center")
    ax.set_xticks(xs, data["labels"])
    shown = [v for _label, values, _texts in data["series"] for v in values if v is not None]
    ax.set_ylim(0, max(shown or [1]) * 1.25)
    ax.set_ylabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="lower right")


def district_chart(table: Table, title: str) -> str:
    """Share of residents with migration background per district (horizontal bars)."""
    rows = [row for i, row in enumerate(table.rows) if i not in table.total_rows]
    data = {
        "labels": [str(row[0].value) for row in rows][::-1],
        "mb": [_number(row[3]) or 0 for row in rows][::-1],
        "foreign": [_number(row[5]) or 0 for row in rows][::-1],
        "names": [_("mit Migrationshintergrund in %"), _("Ausländer in %")],
    }
    what = _("Balkendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stadtteil")
    return _svg(table.key, data, _draw_districts, title, what, table)


def _draw_districts(figure, data):
    count = len(data["labels"])
    figure.set_size_inches(6.4, 0.35 * count + 1)
    ax = figure.add_subplot()
    y = range(count)
    ax.barh([i + 0.2 for i in y], data["mb"], height=0.4, color=ACCENT, label=data["names"][0])
    ax.barh([i - 0.2 for i in y], data["foreign"], height=0.4, color=WARM, label=data["names"][1])
    ax.set_yticks(list(y), data["labels"])
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.08))


def pyramid_chart(table: Table, title: str) -> str:
    """Age pyramid: men left, women right, each split by migration background."""
    rows = [row for i, row in enumerate(table.rows) if i not in table.total_rows][::-1]
    data = {
        "labels": [str(row[0].value) for row in rows],
        "values": [[(_number(row[c]) or 0) for row in rows] for c in (1, 2, 3, 4)],
        "names": [_("männlich ohne MH"), _("männlich mit MH"), _("weiblich ohne MH"), _("weiblich mit MH")],
    }
    what = _(
        "Alterspyramide: Männer links, Frauen rechts, je Altersgruppe mit und ohne Migrationshintergrund"
    )
    return _svg(table.key, data, _draw_pyramid, title, what, table)


def _draw_pyramid(figure, data):
    from matplotlib.ticker import FuncFormatter

    m_no, m_mb, w_no, w_mb = data["values"]
    names = data["names"]
    figure.set_size_inches(6.4, 0.22 * len(data["labels"]) + 1.4)
    ax = figure.add_subplot()
    y = range(len(data["labels"]))
    ax.barh(y, [-v for v in m_no], color=ACCENT, label=names[0])
    ax.barh(y, [-v for v in m_mb], left=[-v for v in m_no], color=ACCENT_LIGHT, label=names[1])
    ax.barh(y, w_no, color=WARM, label=names[2])
    ax.barh(y, w_mb, left=w_no, color=WARM_LIGHT, label=names[3])
    ax.set_yticks(list(y), data["labels"])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(abs(v), 0)))
    ax.axvline(0, color="#1c2430", linewidth=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.1))
