"""Server-side SVG charts (matplotlib) of the Faktencheck tables. Each chart stands beside its table,
which carries the same numbers for screen readers; suppressed cells are left out of the chart. A chart with
more than one series has a legend; numbers follow the house style of the interface language
(teilhabe.formatting); the page scales the SVG to the width of its card (`.chart svg` in teilhabe.css)."""

from __future__ import annotations

import io

import matplotlib
from django.utils.html import escape
from django.utils.translation import gettext as _

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from teilhabe.formatting import number  # noqa: E402
from teilhabe.inline_svg import inline_svg  # noqa: E402
from teilhabe.statistics.tables import Table  # noqa: E402

ACCENT = "#1f4e79"
ACCENT_LIGHT = "#8fb3d9"
WARM = "#b5562d"
WARM_LIGHT = "#f0b48f"

# text.parse_math off: district and country names are text, never matplotlib math ("$...$") or markup.
plt.rcParams.update(
    {
        "svg.fonttype": "none",
        "font.size": 10,
        "font.family": "DejaVu Sans",
        "text.parse_math": False,
        "text.usetex": False,
    }
)


def _svg(figure: Figure, title: str, what: str, table: Table) -> str:
    """Inline SVG with a text alternative: what the chart shows and where its numbers are (the table)."""
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight")
    plt.close(figure)
    svg = inline_svg(out.getvalue(), f"chart-{table.key}")
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
    labels = [row[0].text for row in table.rows]
    mb = [_number(row[3]) for row in table.rows]
    foreign = [_number(row[5]) for row in table.rows]
    figure, ax = plt.subplots(figsize=(6.4, 3.2))
    xs = list(range(len(labels)))
    ax.plot(xs, mb, marker="o", color=ACCENT, label=_("Migrationshintergrund in %"))
    ax.plot(xs, foreign, marker="s", color=WARM, label=_("Ausländer in %"))
    ax.set_xticks(xs, labels)
    for series in (mb, foreign):
        for x, y in zip(xs, series, strict=True):
            if y is not None:
                ax.annotate(
                    number(y, 1),
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                )
    ax.set_ylim(0, max([v for v in mb + foreign if v is not None] or [1]) * 1.25)
    ax.set_ylabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="lower right")
    what = _("Liniendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stichtag")
    return _svg(figure, title, what, table)


def district_chart(table: Table, title: str) -> str:
    """Share of residents with migration background per district (horizontal bars)."""
    rows = [row for i, row in enumerate(table.rows) if i not in table.total_rows]
    labels = [row[0].value for row in rows][::-1]
    mb = [_number(row[3]) or 0 for row in rows][::-1]
    foreign = [_number(row[5]) or 0 for row in rows][::-1]
    figure, ax = plt.subplots(figsize=(6.4, 0.35 * len(rows) + 1))
    y = range(len(rows))
    ax.barh([i + 0.2 for i in y], mb, height=0.4, color=ACCENT, label=_("mit Migrationshintergrund in %"))
    ax.barh([i - 0.2 for i in y], foreign, height=0.4, color=WARM, label=_("Ausländer in %"))
    ax.set_yticks(list(y), labels)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.08))
    what = _("Balkendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stadtteil")
    return _svg(figure, title, what, table)


def pyramid_chart(table: Table, title: str) -> str:
    """Age pyramid: men left, women right, each split by migration background."""
    rows = [row for i, row in enumerate(table.rows) if i not in table.total_rows][::-1]
    labels = [row[0].value for row in rows]
    m_no, m_mb, w_no, w_mb = ([(_number(row[c]) or 0) for row in rows] for c in (1, 2, 3, 4))
    figure, ax = plt.subplots(figsize=(6.4, 0.22 * len(rows) + 1.4))
    y = range(len(rows))
    ax.barh(y, [-v for v in m_no], color=ACCENT, label=_("männlich ohne MH"))
    ax.barh(y, [-v for v in m_mb], left=[-v for v in m_no], color=ACCENT_LIGHT, label=_("männlich mit MH"))
    ax.barh(y, w_no, color=WARM, label=_("weiblich ohne MH"))
    ax.barh(y, w_mb, left=w_no, color=WARM_LIGHT, label=_("weiblich mit MH"))
    ax.set_yticks(list(y), labels)
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(abs(v), 0)))
    ax.axvline(0, color="#1c2430", linewidth=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    what = _(
        "Alterspyramide: Männer links, Frauen rechts, je Altersgruppe mit und ohne Migrationshintergrund"
    )
    return _svg(figure, title, what, table)
