"""The directory search in Debian's chromium: with htmx the list narrows while typing, without a page load."""

import pytest

from teilhabe.conftest import browser_login
from teilhabe.directory.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_list_narrows_while_the_clerk_types(page, live_server, office_user, municipality):
    for name in ["Caritasverband Musterstadt", "Diakonie Musterstadt", "Jobcenter Musterstadt"]:
        Organisation.objects.create(municipality=municipality, kind="partner", name=name)
    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{live_server.url}/{municipality.slug}/adressbuch/")
    page.evaluate("window.notReloaded = true")
    assert page.get_by_role("link", name="Diakonie Musterstadt").count() == 1
    page.get_by_role("searchbox").fill("Carit")
    page.get_by_role("link", name="Diakonie Musterstadt").wait_for(state="detached")
    assert page.get_by_role("link", name="Caritasverband Musterstadt").count() == 1
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no full page load
    assert "q=Carit" in page.url  # the filtered list can be bookmarked and shared
