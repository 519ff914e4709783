"""The public API: what it shows, what it never shows, pagination, filtering, CSV, ETags."""

import csv
import io
import json

import pytest

from teilhabe.api.data import FACTCHECK_TABLES
from teilhabe.api.tests.helpers import SECRETS, published_world

PUBLIC_LISTS = (
    "municipalities",
    "concepts",
    "fields-of-action",
    "goals",
    "measures",
    "statuses",
    "progress",
    "trend",
    "activities",
    "factcheck/dates",
)


@pytest.fixture
def world(municipality, other_municipality):
    return published_world(municipality, other_municipality)


def get_json(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def public_urls():
    urls = []
    for name in PUBLIC_LISTS:
        urls += [f"/api/v1/{name}", f"/api/v1/{name}?municipality=musterstadt", f"/api/v1/{name}.csv"]
    for table in FACTCHECK_TABLES:
        urls += [f"/api/v1/factcheck/{table}?municipality=musterstadt"]
        urls += [f"/api/v1/factcheck/{table}.csv?municipality=musterstadt"]
    return urls


def test_measures_show_only_the_published_ones_with_their_accepted_status(client, world):
    body = get_json(client, "/api/v1/measures?municipality=musterstadt")
    assert body["count"] == 1
    (measure,) = body["items"]
    assert measure["number"] == "1.1.1"
    assert measure["status"] == "umgesetzt"  # the accepted status, not the report still in the round
    assert measure["progress"] == 100
    assert measure["implemented"] is True
    assert measure["lead"] == "Kulturamt"


def test_progress_counts_the_published_measures(client, world):
    (row,) = get_json(client, "/api/v1/progress?municipality=musterstadt")["items"]
    assert (row["measures"], row["implemented"], row["share_implemented"]) == (1, 1, 100.0)
    (field,) = get_json(client, "/api/v1/fields-of-action?municipality=musterstadt")["items"]
    assert field["measures"] == 1
    assert {s["status"]: s["count"] for s in field["statuses"]}["umgesetzt"] == 1


def test_an_unpublished_concept_is_not_offered(client, world):
    world["concept"].public = False
    world["concept"].save()
    assert get_json(client, "/api/v1/concepts?municipality=musterstadt")["count"] == 0
    assert get_json(client, "/api/v1/measures?municipality=musterstadt")["count"] == 0
    assert get_json(client, "/api/v1/statuses?municipality=musterstadt")["count"] == 0


def test_filtering_by_municipality_keeps_the_other_municipality_out(client, world):
    for name in PUBLIC_LISTS:
        text = client.get(f"/api/v1/{name}?municipality=musterstadt").content.decode()
        assert "Anderstadt" not in text and "anderstadt" not in text, name
    both = get_json(client, "/api/v1/concepts")
    assert {c["municipality"] for c in both["items"]} == {"musterstadt", "anderstadt"}
    assert get_json(client, "/api/v1/measures?municipality=unbekannt")["count"] == 0


def test_no_public_answer_holds_internal_or_personal_data(client, world):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8-sig")
        for secret in SECRETS:
            assert secret not in text, (url, secret)


def test_small_counts_are_suppressed_not_published(client, world):
    table = get_json(client, "/api/v1/factcheck/comparison?municipality=musterstadt")
    by_label = {row[0]["text"]: row[1] for row in table["rows"]}
    eu = by_label["davon aus EU-Staaten"]
    assert eu == {"text": ".", "value": None, "suppressed": True}
    third = by_label["davon aus Drittstaaten"]  # secondary suppression: else 100 - 99 gives the 1 away
    assert third["suppressed"] and third["value"] is None
    assert by_label["Einwohner"]["value"] == 1000
    raw = client.get("/api/v1/factcheck/comparison.csv?municipality=musterstadt").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    eu_row = next(r for r in rows if r and r[0].startswith("davon aus EU"))
    assert eu_row[1] == "."


def test_factcheck_of_a_municipality_without_figures_is_404(client, world):
    assert client.get("/api/v1/factcheck/comparison?municipality=anderstadt").status_code == 404
    assert client.get("/api/v1/factcheck/unbekannt?municipality=musterstadt").status_code == 422


def test_the_table_names_are_an_enum_in_the_schema_so_dates_is_no_table(client, world):
    """`/factcheck/dates` is the list of reference dates, a route of its own: the schema must not let `{table}`
    be "dates" (schemathesis once generated it and got the dates list where it expected a table)."""
    schema = get_json(client, "/api/v1/openapi.json")
    for path in ("/api/v1/factcheck/{table}", "/api/v1/factcheck/{table}.csv"):
        (table,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "table"]
        assert set(table["schema"]["enum"]) == {
            "comparison", "timeseries", "categories", "districts", "nationalities", "pyramid"
        }  # fmt: skip
    assert "items" in get_json(client, "/api/v1/factcheck/dates?municipality=musterstadt")


def test_activities_are_the_public_upcoming_ones(client, world):
    body = get_json(client, "/api/v1/activities?municipality=musterstadt")
    assert [a["title"] for a in body["items"]] == ["Sprachcafé im Mai"]
    (activity,) = body["items"]
    assert activity["partners"] == [{"organisation": "Kulturamt", "role": "partner"}]
    assert activity["url"] == f"/musterstadt/oeffentlich/aktivitaeten/{world['activity'].pk}/"
    assert "participants_actual" not in activity


def test_lists_are_paginated(client, world):
    first = get_json(client, "/api/v1/municipalities?limit=1")
    second = get_json(client, "/api/v1/municipalities?limit=1&offset=1")
    assert first["count"] == second["count"] == 2
    assert first["items"][0]["slug"] != second["items"][0]["slug"]
    assert client.get("/api/v1/municipalities?limit=100000").status_code == 422


def test_csv_downloads_each_public_table_and_neutralises_formulas(client, world):
    world["measure"].title = "=HYPERLINK(1)"
    world["measure"].save()
    response = client.get("/api/v1/measures.csv?municipality=musterstadt")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["municipality", "field_of_action", "goal", "number"]
    assert rows[1][4] == "'=HYPERLINK(1)"


def test_a_conditional_get_answers_304(client, world):
    first = client.get("/api/v1/measures?municipality=musterstadt")
    etag = first["ETag"]
    assert etag and "public" in first["Cache-Control"]
    again = client.get("/api/v1/measures?municipality=musterstadt", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    world["measure"].title = "Sprachcafé neu"
    world["measure"].save()
    changed = client.get("/api/v1/measures?municipality=musterstadt", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_openapi_description_is_served_and_no_docs_page(client, db):
    schema = get_json(client, "/api/v1/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/measures" in schema["paths"] and "/api/v1/internal/measures" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 404
    assert "securitySchemes" in json.dumps(schema["components"])


def test_public_lists_need_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for name in PUBLIC_LISTS:
        with django_assert_max_num_queries(12):
            client.get(f"/api/v1/{name}")
