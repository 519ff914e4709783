"""The dashboard's charts as inline SVG, drawn by matplotlib on the server; the status chart also as PNG
from plain numbers (the activity report's frozen ones: PDF, slides and document show the same picture).

A chart depends only on the numbers it shows, so the cache key is a hash of those numbers: a changed status
changes the numbers and so the key; nothing has to be invalidated. matplotlib is imported on the first cache
miss only (its import alone takes a few hundred milliseconds). Templates always show the same numbers as a
table next to the chart; the SVG itself is marked as an image with a text alternative by the template.
"""

import textwrap

from django.utils.translation import gettext as _

from teilhabe.charts import cached_png as _cached_png
from teilhabe.charts import cached_svg as _cached_svg


def _wrap(label, width=38):
    return "\n".join(textwrap.wrap(label, width)[:2])


def status_chart(overview):
    """Horizontal stacked bars: share of measures per status, all fields first, then each field of action."""
    rows = [overview.overall, *overview.per_field]
    data = {
        "labels": [_wrap(row.label) for row in rows],
        "totals": [row.total for row in rows],
        "columns": [[label, colour] for _key, label, colour in overview.columns],
        "shares": [[cell.share for cell in row.cells] for row in rows],
        "counts": [[cell.count for cell in row.cells] for row in rows],
        "xlabel": _("Anteil der Maßnahmen in %"),
    }
    return _cached_svg("status", data, _draw_status)


def status_png(labels, totals, columns, counts) -> bytes:
    """The status chart as PNG from plain numbers: row labels, each row's total, the columns as
    (label, colour) and each row's count per column; the shares are taken from the counts."""
    shares = [
        [100.0 * count / total if total else 0.0 for count in row]
        for row, total in zip(counts, totals, strict=True)
    ]
    data = {
        "labels": [_wrap(label) for label in labels],
        "totals": list(totals),
        "columns": [list(column) for column in columns],
        "shares": shares,
        "counts": [list(row) for row in counts],
        "xlabel": _("Anteil der Maßnahmen in %"),
    }
    return _cached_png("status", data, _draw_status)


def _text_colour(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    try:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#000000"
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#ffffff"


def _draw_status(figure, data):
    n = len(data["labels"])
    figure.set_size_inches(9, 0.62 * n + 1.4)
    axes = figure.add_subplot()
    positions = list(range(n))[::-1]
    lefts = [0.0] * n
    handles = []
    for index, (_label, colour) in enumerate(data["columns"]):
        widths = [shares[index] for shares in data["shares"]]
        handles.append(axes.barh(positions, widths, left=lefts, color=colour, height=0.62, edgecolor="white"))
        for row, width in enumerate(widths):
            if width >= 7:
                axes.text(
                    lefts[row] + width / 2,
                    positions[row],
                    str(data["counts"][row][index]),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color=_text_colour(colour),
                )
        lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
    axes.set_yticks(
        positions, [f"{label} ({total})" for label, total in zip(data["labels"], data["totals"], strict=True)]
    )
    axes.set_xlim(0, 100)
    axes.set_xlabel(data["xlabel"])
    axes.spines[["top", "right"]].set_visible(False)
    # Labels passed explicitly: matplotlib drops implicit labels that start with "_" (a status name).
    labels = [label for label, _colour in data["columns"]]
    axes.legend(
        handles, labels, loc="lower left", bbox_to_anchor=(0, 1.01), ncol=4, frameon=False, fontsize=9
    )


def trend_chart(points):
    """Lines: share of measures started and implemented per closed round."""
    data = {
        "labels": [_wrap(point.round.title, 18) for point in points],
        "started": [point.share_started for point in points],
        "implemented": [point.share_implemented for point in points],
        "names": [_("begonnen (inkl. umgesetzt)"), _("umgesetzt")],
        "ylabel": _("Anteil der Maßnahmen in %"),
    }
    return _cached_svg("trend", data, _draw_trend)


def _draw_trend(figure, data):
    figure.set_size_inches(6.5, 3.4)
    axes = figure.add_subplot()
    x = list(range(len(data["labels"])))
    for values, colour, name, marker in (
        (data["started"], "#2f7fc1", data["names"][0], "o"),
        (data["implemented"], "#2e8540", data["names"][1], "s"),
    ):
        axes.plot(x, values, color=colour, marker=marker, linewidth=2, label=name)
        for xi, value in zip(x, values, strict=True):
            axes.annotate(
                f"{value:.0f} %",
                (xi, value),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=9,
            )
    axes.set_xticks(x, data["labels"])
    axes.set_ylim(0, 105)
    axes.set_xlim(-0.4, max(len(x) - 0.6, 0.4))
    axes.set_ylabel(data["ylabel"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e4e8ec")
    axes.legend(loc="upper left", frameon=False, fontsize=9)
