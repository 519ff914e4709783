"""The Destatis key list: shipped as data, every key mapped, EU membership in both code systems."""

import datetime as dt

from teilhabe.statistics import destatis
from teilhabe.statistics.codes import DESTATIS, ISO, MIXED, system_of
from teilhabe.statistics.countries import VALID_CODES, is_eu_member_on


def test_the_key_list_carries_its_version_date_and_source():
    keys = destatis.key_list()
    assert dt.date.fromisoformat(keys.version)
    assert "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staatsangehoerigkeit" in keys.source


def test_every_key_maps_to_one_iso_code_or_one_documented_special_value():
    for key, entry in destatis.keys().items():
        assert len(key) == 3 and key.isdigit(), key
        assert entry.kind in destatis.KINDS, key
        if entry.kind == destatis.STATE:
            assert entry.iso in VALID_CODES and entry.iso not in ("XS", "XU"), key
        elif entry.kind == destatis.SPECIAL:
            assert entry.iso in ("XS", "XU"), key
        else:
            assert entry.iso is None and entry.note, key
            assert entry.eu_successor is None or entry.eu_successor in VALID_CODES, key


def test_no_two_state_keys_name_the_same_iso_code_except_the_documented_one():
    seen = {}
    for key, entry in destatis.keys().items():
        if entry.kind == destatis.STATE:
            seen.setdefault(entry.iso, []).append(key)
    assert {iso: ks for iso, ks in seen.items() if len(ks) > 1} == {"GB": ["168", "185"]}


def test_the_keys_of_the_issue_mean_what_destatis_says():
    assert destatis.to_iso("000") == "DE"
    assert destatis.to_iso("121") == "AL"
    assert destatis.to_iso("163") == "TR"
    assert destatis.to_iso("150") == "XK"
    assert destatis.to_iso("997") == "XS"
    assert destatis.to_iso("998") == "XU"
    assert destatis.to_iso("999") == "XU"
    for key in ("159", "120", "162", "132"):
        assert destatis.is_historic(key) and destatis.to_iso(key) is None


def test_leading_zeros_dropped_by_a_spreadsheet_are_read_where_unambiguous():
    assert destatis.canonical_key("0") == "000"
    assert destatis.canonical_key("00") == "000"
    assert destatis.canonical_key("99") is None
    assert destatis.canonical_key("9") is None
    assert destatis.canonical_key("910") is None  # internal use, not a state


def test_eu_membership_on_the_reference_date_works_for_both_code_systems():
    before, after = dt.date(2019, 12, 31), dt.date(2020, 12, 31)
    assert is_eu_member_on("GB", before) and is_eu_member_on("168", before)
    assert not is_eu_member_on("GB", after) and not is_eu_member_on("168", after)
    assert is_eu_member_on("130", dt.date(2013, 7, 1)) and not is_eu_member_on("130", dt.date(2013, 6, 30))
    assert is_eu_member_on("163", after) is False
    # Former states: the successor decides where all successors agree, otherwise it is not defined.
    assert is_eu_member_on("162", after) is True  # Tschechoslowakei: CZ and SK
    assert is_eu_member_on("162", dt.date(2000, 1, 1)) is False
    assert is_eu_member_on("132", after) is False  # Serbien und Montenegro
    assert is_eu_member_on("159", after) is None  # Sowjetunion: EE, LV, LT but also RU
    assert is_eu_member_on("ZZ", after) is None


def test_a_column_is_in_one_code_system():
    assert system_of(["TR", "DE"]) == ISO
    assert system_of(["163", "0"]) == DESTATIS
    assert system_of(["163", "TR"]) == MIXED
    assert system_of([""]) is None
