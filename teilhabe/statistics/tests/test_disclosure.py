"""Disclosure control: small counts hidden, and no published total reveals a single hidden cell."""

import random

from teilhabe.statistics.disclosure import is_primary, protect, protect_matrix


def test_counts_of_one_and_two_are_hidden_zero_and_three_are_not():
    hidden = protect({"a": 0, "b": 1, "c": 2, "d": 3})
    assert hidden == {"b", "c"}


def test_the_threshold_is_configurable():
    assert protect({"a": 3, "b": 4}, threshold=3) == {"a"}
    assert not is_primary(1, threshold=0)


def test_a_single_hidden_cell_in_a_line_with_a_total_hides_the_next_smallest():
    values = {"a": 1, "b": 40, "c": 7, "d": 12}
    assert protect(values, [list(values)]) == {"a", "c"}


def test_zero_cells_are_not_chosen_for_secondary_suppression_when_others_exist():
    values = {"a": 2, "b": 0, "c": 9, "d": 30}
    assert protect(values, [list(values)]) == {"a", "c"}


def test_two_hidden_cells_in_a_line_need_no_more():
    values = {"a": 1, "b": 2, "c": 50}
    assert protect(values, [list(values)]) == {"a", "b"}


def test_without_a_published_total_there_is_no_secondary_suppression():
    assert protect({"a": 1, "b": 40, "c": 7}) == {"a"}


def test_a_line_whose_total_is_itself_hidden_needs_nothing_more():
    values = {"a": 1, "b": 0, "c": 0}
    assert protect(values, [list(values)]) == {"a"}


def test_suppression_propagates_across_rows_and_columns():
    cells = [
        [1, 10, 20],
        [5, 30, 40],
        [6, 50, 60],
    ]
    mask = protect_matrix(cells)
    # (0,0) primary; row 0 -> (0,1)=10; column 0 -> (1,0)=5; column 1 now has (0,1) and...
    assert mask[0][0] and mask[0][1] and mask[1][0]
    assert_no_line_reveals(cells, mask)


def assert_no_line_reveals(cells, mask, threshold=2):
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            if 1 <= value <= threshold:
                assert mask[r][c], "primary cell shown"
    lines = [[(r, c) for c in range(len(cells[0]))] for r in range(len(cells))]
    lines += [[(r, c) for r in range(len(cells))] for c in range(len(cells[0]))]
    for line in lines:
        total = sum(cells[r][c] for r, c in line)
        hidden = [1 for r, c in line if mask[r][c]]
        if not (1 <= total <= threshold) and len(line) > 1:  # a one-cell "total" is the cell itself
            assert len(hidden) != 1, "a published total reveals a hidden cell: %s" % line


def test_random_tables_never_reveal_a_hidden_cell_through_a_total():
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        cells = [[rng.choice([0, 1, 2, 3, 5, 8, 20, 100]) for _c in range(cols)] for _r in range(rows)]
        assert_no_line_reveals(cells, protect_matrix(cells))
