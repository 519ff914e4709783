"""Values as the registration software writes them: Destatis keys, sex digits, J/N/X markers."""

import pytest

from teilhabe.statistics import derivation, fast_path
from teilhabe.statistics.derivation import THOROUGH_STEP, compute
from teilhabe.statistics.extract import ExtractError

from .helpers import D, person, write_extract

ISO_ROWS = [
    person("f1", citizenship="TR", birth_country="TR", immigrated_from="TR", sex="m"),
    person("f2", citizenship="AL", birth_country="AL", sex="w", asylum_background="1"),
    person("f3", citizenship="XS", birth_country="", sex="d"),
    person("n1", naturalised="1", birth_country="KZ", sex="w"),
    person("s1", second_citizenship="PL", sex="o"),
    person("g1"),
]

KEY_ROWS = [
    person("f1", citizenship="163", birth_country="163", immigrated_from="163", sex="1"),
    person("f2", citizenship="121", birth_country="121", sex="2", asylum_background="J"),
    person("f3", citizenship="997", birth_country="", sex="3"),
    person("n1", naturalised="X", birth_country="444", sex="2", citizenship="0"),
    person("s1", second_citizenship="152", sex="4", citizenship="000", birth_country="000"),
    person("g1", citizenship="000", birth_country="0", naturalised="N"),
]


def keyed(person_id, **fields):
    """A German born in Germany, written with Destatis keys."""
    return person(person_id, **{"citizenship": "000", "birth_country": "000", **fields})


def figures(result):
    return (
        result.headline(),
        result.by_category,
        result.by_sex,
        result.by_nationality,
        result.by_history,
    )


def steps_of(path):
    steps = []
    result = compute(path, D, progress=lambda step, fraction: steps.append(step))
    return result, steps


def test_destatis_keys_sex_digits_and_j_x_markers_give_the_figures_of_the_iso_file(tmp_path):
    iso = compute(write_extract(tmp_path, ISO_ROWS, name="iso.csv"), D)
    keyed, steps = steps_of(write_extract(tmp_path, KEY_ROWS, name="keys.csv"))
    assert figures(keyed) == figures(iso)
    assert THOROUGH_STEP not in steps  # a clean keyed file takes the fast path
    assert keyed.by_nationality == {"TR": 1, "AL": 1, "XS": 1}


def test_the_thorough_path_reads_keys_the_same_way(tmp_path, monkeypatch):
    iso = compute(write_extract(tmp_path, ISO_ROWS, name="iso.csv"), D)

    def refuse(*args):
        raise fast_path.NotClean

    monkeypatch.setattr(derivation, "_compute_fast", refuse)
    keyed = compute(write_extract(tmp_path, KEY_ROWS, name="keys.csv"), D)
    assert figures(keyed) == figures(iso)


def test_messy_keys_with_blanks_take_the_thorough_path_and_count_the_same(tmp_path):
    messy = [dict(r, citizenship=" %s " % r["citizenship"]) for r in KEY_ROWS]
    iso = compute(write_extract(tmp_path, ISO_ROWS, name="iso.csv"), D)
    keyed, steps = steps_of(write_extract(tmp_path, messy, name="keys.csv"))
    assert THOROUGH_STEP in steps
    assert figures(keyed) == figures(iso)


def test_each_column_has_its_own_code_system(tmp_path):
    rows = [
        person("1", citizenship="TR", birth_country="163"),
        person("2", citizenship="DE", birth_country="0"),
    ]
    result = compute(write_extract(tmp_path, rows), D)
    assert result.foreigners == 1 and result.by_nationality == {"TR": 1}


def test_a_column_mixing_iso_codes_and_keys_is_refused_with_the_rows_of_each(tmp_path):
    rows = [person("1", citizenship="163"), person("2", citizenship="TR"), person("3", citizenship="000")]
    with pytest.raises(ExtractError) as exc:
        compute(write_extract(tmp_path, rows), D)
    message = str(exc.value)
    assert "citizenship mischt zwei Schlüsselsysteme" in message
    assert "(„000“, „163“) in Zeilen 2, 4" in message
    assert "(„TR“) in Zeile 3" in message


def test_a_wrong_key_names_its_row_and_column(tmp_path):
    rows = [keyed("1", citizenship="163"), keyed("2", citizenship="99"), keyed("3", birth_country="910")]
    with pytest.raises(ExtractError) as exc:
        compute(write_extract(tmp_path, rows), D)
    message = str(exc.value)
    assert "citizenship enthält unbekannte Destatis-Schlüssel („99“) in Zeile 3" in message
    assert "birth_country enthält unbekannte Destatis-Schlüssel („910“) in Zeile 4" in message


def test_a_former_state_counts_as_birth_country_but_not_as_current_citizenship(tmp_path):
    born_in_ussr = [keyed("1", birth_country="159"), keyed("2")]
    result = compute(write_extract(tmp_path, born_in_ussr), D)
    assert result.by_category["born_abroad"] == 1
    assert result.immigration_history == 1
    with pytest.raises(ExtractError, match="ehemaliger Staaten \\(159 Sowjetunion\\).*Zeile 2"):
        compute(write_extract(tmp_path, [keyed("1", citizenship="159"), keyed("2")]), D)


def test_other_sex_values_are_still_refused(tmp_path):
    with pytest.raises(ExtractError, match="sex hat einen ungültigen Wert \\(„5“"):
        compute(write_extract(tmp_path, [person("1", sex="5")]), D)
