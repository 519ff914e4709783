"""The demo's sections as data: the seed's Faktencheck table, the Umsetzungsstand against the round before,
disclosure control for the public, the activities grouped by field of action, bounded queries."""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teilhabe.reports.builders.context import Context
from teilhabe.reports.builders.figures import factcheck
from teilhabe.reports.services import build_data, default_context

SEED_TABLE = [
    ["Einwohner", "70.787", "72.477"],
    ["Nationen", "125", "125"],
    ["davon Menschen mit Migrationshintergrund", "27.027", "30.199"],
    ["Menschen mit Migrationshintergrund in %", "38,2\u202f%", "41,7\u202f%"],
    ["davon Ausländer", "11.689", "14.239"],
    ["Ausländer in %", "16,5\u202f%", "19,6\u202f%"],
    ["davon aus EU-Staaten", "45,2\u202f%", "40,5\u202f%"],
    ["davon aus Drittstaaten", "54,8\u202f%", "59,5\u202f%"],
    ["Personen mit Asylhintergrund", "1.372", "1.549"],
]


def _section(data, key):
    return next(s for s in data["sections"] if s["key"] == key)["data"]


def test_the_faktencheck_is_the_seed_table(demo_data):
    d = _section(demo_data, "factcheck")
    assert d["header"] == ["", "31.12.2020", "31.12.2023"]
    assert d["rows"] == SEED_TABLE
    assert d["source"] == "Quelle: Faktencheck Migration 2020 & 2023 Musterstadt"


def test_the_faktencheck_takes_the_dates_up_to_the_period_end(municipality, settings, tmp_path):
    from teilhabe.statistics.demo import load_demo

    settings.VAR_DIR = tmp_path
    load_demo(municipality)
    day = datetime.date(2022, 12, 31)
    assert factcheck(Context(municipality, datetime.date(2021, 1, 1), day, day))["header"] == [
        "",
        "31.12.2020",
    ]


def test_the_implementation_status_counts_every_measure_against_the_round_before(demo_data):
    d = _section(demo_data, "implementation")
    assert (d["fields"], d["goals"], d["measures"]) == (6, 43, 144)
    assert d["round"] == "Zwischenstand Mai 2024" and d["previous_round"] == "Zwischenstand Oktober 2023"
    overall, *fields = d["rows"]
    assert overall["total"] == 144 == sum(overall["counts"]) == sum(f["total"] for f in fields)
    assert len(fields) == 6
    assert overall["started_before"] is not None and overall["started"] >= overall["started_before"]


def test_activities_are_grouped_by_field_of_action_with_partners_and_credits(demo_data):
    d = _section(demo_data, "activities")
    rows = {a["title"]: (g["field_of_action"], a) for g in d["groups"] for a in g["done"] + g["planned"]}
    field, fair = rows["Jobbörse für Geflüchtete"]
    assert fair["state"] == "done" and fair["partners"]
    assert [p["credit"] for p in fair["pictures"]] == ["© Screenshot: Allgäuer Zeitung am 05.03.2024"]
    assert all(
        p["asset"] in demo_data["assets"] for g in d["groups"] for a in g["done"] for p in a["pictures"]
    )
    assert d["done"] == sum(len(g["done"]) for g in d["groups"]) > 0


def test_the_public_report_shows_only_public_things_in_bounded_queries(db):
    from teilhabe.activities.models import Activity
    from teilhabe.municipalities.models import Municipality

    call_command("demo", quiet_logins=True)
    municipality = Municipality.objects.get(slug="musterstadt")
    period = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    with CaptureQueriesContext(connection) as queries:
        d = build_data(default_context(municipality, *period, audience="public"))
    assert len(queries) <= 45
    assert _section(d, "factcheck")["rows"][0] == ["Einwohner", "70.787", "72.477"]
    titles = {a["title"] for g in _section(d, "activities")["groups"] for a in g["done"] + g["planned"]}
    public = set(Activity.objects.filter(public=True).values_list("title", flat=True))
    assert titles and titles <= public
    internal = build_data(default_context(municipality, *period))
    internal_titles = {
        a["title"] for g in _section(internal, "activities")["groups"] for a in g["done"] + g["planned"]
    }
    assert titles <= internal_titles
