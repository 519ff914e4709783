"""The fast path's one pass gives exactly the figures of the per-figure engine (issue 14, speed).

The thorough path computes the figures the way the engine did before the one pass: the file into a
full ``persons`` table, the parents' rules as a table of links, the counts by one query per figure.
On generated extracts (today's format, a Bürgeramt export, Parquet) both give the same indicator rows,
and the published tables built from them, with disclosure control, are the same cell for cell.
"""

import datetime as dt

import pytest

from teilhabe.statistics import tables
from teilhabe.statistics.derivation import THOROUGH_STEP, compute
from teilhabe.statistics.disclosure import SUPPRESSED_MARK
from teilhabe.statistics.large_extract import write_large_extract
from teilhabe.statistics.services import store_result

from .test_fast_path import force_thorough

D = dt.date(2023, 12, 31)


def published(municipality) -> list[list[list[str]]]:
    """Every public table of the reference date as its cell texts (``.`` where a cell is hidden)."""
    threshold = municipality.publication_threshold
    built = [
        tables.comparison_table(municipality, [D], public=True, threshold=threshold),
        tables.district_table(municipality, D, public=True, threshold=threshold),
        tables.nationality_table(municipality, D, public=True, threshold=threshold),
        tables.pyramid_table(municipality, D, public=True, threshold=threshold),
        tables.category_table(municipality, D, public=True, threshold=threshold),
    ]
    return [[[cell.text for cell in row] for row in table.rows] for table in built]


@pytest.mark.parametrize(
    "name, style, seed",
    [("today.csv", "iso", 1), ("buergeramt.csv", "register", 2), ("today.parquet", "iso", 3)],
)
def test_the_one_pass_gives_the_figures_of_the_per_figure_engine(
    tmp_path, monkeypatch, municipality, other_municipality, name, style, seed
):
    path = write_large_extract(tmp_path / name, 3000, D, seed=seed, style=style)
    steps = []
    one_pass = compute(path, D, progress=lambda step, fraction: steps.append(step))
    assert THOROUGH_STEP not in steps
    force_thorough(monkeypatch)
    per_figure = compute(path, D)
    assert one_pass.indicator_rows() == per_figure.indicator_rows()
    assert one_pass.by_history["parents"] > 0 and one_pass.by_category["family"] > 0

    store_result(municipality, one_pass)
    store_result(other_municipality, per_figure)
    assert municipality.publication_threshold == other_municipality.publication_threshold
    public = published(municipality)
    assert public == published(other_municipality)
    # The extract is small enough that disclosure control hides cells: the comparison covers it.
    assert any(cell == SUPPRESSED_MARK for table in public for row in table for cell in row)
