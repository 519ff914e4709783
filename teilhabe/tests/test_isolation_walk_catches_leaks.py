"""The isolation walk can fail: pointed at deliberately leaking views, it reports every one of them."""

import pytest

from teilhabe.testing.bodies import UnreadableBody, body_text
from teilhabe.testing.isolation import markers_of, plant_samples, read_route
from teilhabe.testing.urlwalk import municipality_routes

LEAKING = ["html", "error", "htmx", "form", "csv", "xlsx", "json", "jsonresponse", "pdf", "pptx", "filename"]


def leak_route(name):
    return next(r for r in municipality_routes() if r.name == f"leak:{name}")


@pytest.mark.urls("teilhabe.tests.leaky_urls")
@pytest.mark.parametrize("name", LEAKING)
def test_a_leaking_view_is_caught(client, name, municipality, other_municipality, office_user):
    plant_samples(municipality, other_municipality)
    walk = read_route(client, leak_route(name), municipality, office_user, markers_of(other_municipality))
    assert walk.leaks, f"the walk missed the leak of leak:{name}"
    assert all(leak.startswith(f"leak:{name}: ") for leak in walk.leaks)
    assert "'anderstadt'" in walk.leaks[0]


@pytest.mark.urls("teilhabe.tests.leaky_urls")
def test_a_scoped_view_passes(client, municipality, other_municipality, office_user):
    plant_samples(municipality, other_municipality)
    walk = read_route(client, leak_route("clean"), municipality, office_user, markers_of(other_municipality))
    assert walk.leaks == []
    assert any("partner von musterstadt" in r.text.lower() for r in walk.readings)


@pytest.mark.urls("teilhabe.tests.leaky_urls")
def test_the_walk_finds_the_leaking_views():
    """The leaking views are found by the same route discovery the site-wide walk uses."""
    names = {r.name for r in municipality_routes()}
    assert {f"leak:{n}" for n in LEAKING} <= names
    assert "concept:dashboard" in names


def test_a_body_of_an_unknown_kind_is_an_error_not_a_pass():
    with pytest.raises(UnreadableBody, match="add one"):
        body_text(b"\x00\x01secret", "application/octet-stream")


def test_the_readers_decode_what_a_user_would_see():
    from teilhabe.tests.leaky_urls import simple_pdf, simple_pptx

    assert "Bezirk Nord" in body_text(simple_pdf("Bezirk Nord"), "application/pdf")
    assert "Bezirk Süd" in body_text(simple_pptx(["Bezirk Süd"]), "application/octet-stream")
    assert "Bezirk Ost" in body_text(b'{"a": "Bezirk \\u004fst"}', "application/json")
    assert "Bezirk Ost & West" in body_text(b"<p>Bezirk Ost &amp; West</p>", "text/html")
    assert "Bezirk Mitte" in body_text("Bezirk Mitte".encode("cp1252"), "text/csv")
