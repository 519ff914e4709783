"""The Umsetzungsstand chart of a report, drawn from the frozen numbers through teilhabe/charts.py (PNG for
the PDF, the slides and the document alike, so all three show the same picture)."""

import textwrap

from django.utils.translation import gettext as _

from teilhabe.charts import cached_png


def implementation_png(d) -> bytes:
    data = {
        "labels": ["\n".join(textwrap.wrap(row["label"], 34)[:2]) for row in d["rows"]],
        "totals": [row["total"] for row in d["rows"]],
        "columns": [[c["label"], c["colour"]] for c in d["columns"]],
        "counts": [row["counts"] for row in d["rows"]],
        "xlabel": _("Anteil der Maßnahmen in %"),
    }
    return cached_png("report-implementation", data, _draw)


def _text_colour(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    try:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#000000"
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#ffffff"


def _draw(figure, data):
    n = len(data["labels"])
    figure.set_size_inches(10, 0.6 * n + 1.5)
    axes = figure.add_subplot()
    positions = list(range(n))[::-1]
    lefts = [0.0] * n
    handles = []
    for index, (_label, colour) in enumerate(data["columns"]):
        widths = []
        for row in range(n):
            total = data["totals"][row]
            widths.append(100.0 * data["counts"][row][index] / total if total else 0.0)
        handles.append(axes.barh(positions, widths, left=lefts, color=colour, height=0.6, edgecolor="white"))
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
        positions, ["%s (%s)" % pair for pair in zip(data["labels"], data["totals"], strict=True)]
    )
    axes.set_xlim(0, 100)
    axes.set_xlabel(data["xlabel"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(
        handles,
        [label for label, _c in data["columns"]],
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncol=4,
        frameon=False,
        fontsize=9,
    )
