"""A busy day in the month calendar, in the browser: the hidden entries open by keyboard, and the day cell passes
axe-core closed and open (the accessibility walk's demo has no day this busy)."""

import datetime

import pytest

from teilhabe.activities.services.lists import DAY_CAP
from teilhabe.activities.tests.helpers import activity, url
from teilhabe.conftest import browser_login
from teilhabe.testing.a11y import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_more_entries_of_a_busy_day_open_by_keyboard_and_pass_axe(
    page, live_server, municipality, office_user
):
    for hour in range(8, 8 + DAY_CAP + 2):
        activity(
            municipality,
            "Sprechstunde %02d" % hour,
            starts_on=datetime.date(2024, 5, 14),
            start_time=datetime.time(hour),
        )
    browser_login(page, live_server, office_user.email)
    page.goto(live_server.url + url("calendar", municipality) + "?monat=2024-05")

    hidden = page.get_by_role("link", name="13:00 Sprechstunde 13")
    assert page.get_by_role("link", name="11:00 Sprechstunde 11").is_visible() and not hidden.is_visible()
    assert run_axe(page, "calendar closed") == []

    summary = page.locator("summary", has_text="2 weitere Aktivitäten")
    summary.focus()
    page.keyboard.press("Enter")
    assert hidden.is_visible() and page.get_by_role("link", name="12:00 Sprechstunde 12").is_visible()
    assert run_axe(page, "calendar open") == []
