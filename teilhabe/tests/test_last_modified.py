"""Last-Modified beside the ETag on the public pages and the open data API: the data's latest change (the
newest audit entry of the municipality), never older than the first time this content was served (pages
change with the date too); If-Modified-Since (without If-None-Match) answers 304 when the copy is current."""

import datetime as dt
import time

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.urls import reverse
from django.utils.http import http_date, parse_http_date

from teilhabe import headers
from teilhabe.api.tests.helpers import published_world
from teilhabe.municipalities.models import Municipality
from teilhabe.municipalities.services import update_municipality


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """The middleware's clock, set by the test (a little ahead of every audit entry already written)."""
    now = {"t": int(time.time()) + 1000}
    monkeypatch.setattr(headers.time, "time", lambda: now["t"])
    return now


def _later_change(entry_filter, seconds_after):
    """Move the newest matching audit entry `seconds_after` seconds past the clock's start."""
    entry = LogEntry.objects.filter(**entry_filter).order_by("-timestamp").first()
    entry.timestamp = dt.datetime.fromtimestamp(seconds_after, tz=dt.UTC)
    entry.save(update_fields=["timestamp"])
    return seconds_after


def _page(municipality):
    return reverse("public:easy_read", args=[municipality.slug])


def test_a_public_page_says_when_it_last_changed_and_answers_if_modified_since(client, municipality, clock):
    update_municipality(municipality, {"office_phone": "0911 1"})
    first = client.get(_page(municipality))
    modified = first["Last-Modified"]
    assert parse_http_date(modified) == clock["t"] and first["ETag"]
    clock["t"] += 50
    same = client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=modified)
    assert same.status_code == 304 and same["Last-Modified"] == modified
    older = client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=http_date(clock["t"] - 500))
    assert older.status_code == 200


def test_an_audited_change_after_the_copy_makes_the_page_new(client, municipality, clock):
    modified = client.get(_page(municipality))["Last-Modified"]
    update_municipality(municipality, {"office_hours": "Mo 9–12 Uhr"})
    changed_at = _later_change({"object_pk": str(municipality.pk)}, clock["t"] + 60)
    clock["t"] += 120
    response = client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 200 and "Mo 9–12 Uhr" in response.content.decode()
    assert parse_http_date(response["Last-Modified"]) == clock["t"] > changed_at  # first served after it
    clock["t"] += 10
    again = client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_a_change_without_an_audit_entry_still_makes_the_page_new(client, municipality, clock):
    modified = client.get(_page(municipality))["Last-Modified"]
    Municipality.objects.filter(pk=municipality.pk).update(office_phone="0911 999")  # no audit entry
    clock["t"] += 30
    response = client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 200 and "0911 999" in response.content.decode()
    assert parse_http_date(response["Last-Modified"]) == clock["t"]


def test_another_municipalitys_change_leaves_the_page_as_it_was(
    client, municipality, other_municipality, clock
):
    modified = client.get(_page(municipality))["Last-Modified"]
    update_municipality(other_municipality, {"office_phone": "0711 1"})
    _later_change({"object_pk": str(other_municipality.pk)}, clock["t"] + 60)
    clock["t"] += 120
    assert client.get(_page(municipality), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_logged_in_visitors_get_no_last_modified(client, office_user, municipality):
    client.force_login(office_user)
    assert not client.get(_page(municipality)).has_header("Last-Modified")


def test_the_api_says_when_its_data_last_changed(client, municipality, other_municipality, clock):
    world = published_world(municipality, other_municipality)
    url, other_url = "/api/v1/measures?municipality=musterstadt", "/api/v1/measures?municipality=anderstadt"
    first, other = client.get(url), client.get(other_url)
    modified = first["Last-Modified"]
    assert first.status_code == 200 and parse_http_date(modified) == clock["t"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    world["measure"].title = "Sprachcafé neu"
    world["measure"].save()
    changed_at = _later_change({"object_pk": str(world["measure"].pk)}, clock["t"] + 60)
    clock["t"] += 120
    changed = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert changed.status_code == 200 and parse_http_date(changed["Last-Modified"]) >= changed_at
    # another municipality's list is unaffected by that change
    assert client.get(other_url, HTTP_IF_MODIFIED_SINCE=other["Last-Modified"]).status_code == 304
