"""The Umsetzungsstand chart of a report: the concept's status chart (concept/services/charts.py), drawn as PNG
from the frozen numbers, so the PDF, the slides and the document show the same picture as the dashboard."""

from teilhabe.concept.services.charts import status_png


def implementation_png(d) -> bytes:
    return status_png(
        [row["label"] for row in d["rows"]],
        [row["total"] for row in d["rows"]],
        [(c["label"], c["colour"]) for c in d["columns"]],
        [row["counts"] for row in d["rows"]],
    )
