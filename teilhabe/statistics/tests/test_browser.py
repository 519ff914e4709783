"""The Faktencheck in Debian's chromium: the office uploads an extract, a visitor reads the public table."""

import pytest

from teilhabe.conftest import browser_login

from .helpers import person, write_extract

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_uploads_a_register_extract_and_reads_the_table(
    page, live_server, office_user, municipality, tmp_path
):
    rows = [person(str(i)) for i in range(8)] + [
        person("t1", citizenship="TR"),
        person("t2", citizenship="RO"),
    ]
    path = write_extract(tmp_path, rows, encoding="cp1252")
    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{live_server.url}/{municipality.slug}/faktencheck/")
    page.get_by_role("link", name="Registerauszug hochladen").first.click()  # the empty state links there too
    page.get_by_label("Registerauszug").set_input_files(str(path))
    page.get_by_label("Stichtag").fill("2023-12-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Berechnen und speichern").click()
    # The job page (the job ran at once: unit tests use the immediate backend), then the overview.
    assert page.get_by_role("heading", level=1).inner_text() == "Registerauszug auswerten"
    assert (
        "wurde berechnet und gespeichert" in page.get_by_text("Der Faktencheck zum 31.12.2023").inner_text()
    )
    with page.expect_navigation():
        page.get_by_role("link", name="Zum Faktencheck").click()
    table = page.locator("#table-comparison")
    assert "31.12.2023" in table.inner_text()
    foreigners_share = table.locator("tbody tr").nth(5).inner_text()
    assert foreigners_share.split("\t") == ["Ausländer in %", "20,0\u202f%"]


def test_a_visitor_reads_the_public_table_without_login(page, live_server, demo_municipality):
    page.goto(f"{live_server.url}/{demo_municipality.slug}/oeffentlich/faktencheck/")
    first_row = page.locator("#table-comparison tbody tr").first.inner_text()
    assert first_row.split("\t") == ["Einwohner", "70.787", "72.477"]
    page.get_by_role("link", name="Altersaufbau").click()
    page.wait_for_load_state()
    assert page.locator("figure.chart svg").count() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="Als CSV herunterladen").click()
    assert download.value.suggested_filename == "Faktencheck-Altersaufbau-musterstadt.csv"
