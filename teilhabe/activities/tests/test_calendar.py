"""The month calendar: a short span on each of its days, a long one (a project) once a month with its end."""

import datetime

from teilhabe.activities.services.lists import month_grid
from teilhabe.activities.tests.helpers import activity, url

D = datetime.date


def days_showing(municipality, year, month, title):
    return [
        day.day
        for week in month_grid(municipality, year, month)
        for day, rows in week
        if day and any(row.activity.title == title for row in rows)
    ]


def test_a_short_span_shows_on_each_day_a_long_one_on_its_first_day_in_the_month(municipality):
    activity(municipality, "Projektwoche", starts_on=D(2024, 3, 4), ends_on=D(2024, 3, 8))
    activity(municipality, "Connected Women", starts_on=D(2024, 3, 11), ends_on=D(2025, 5, 31))
    assert days_showing(municipality, 2024, 3, "Projektwoche") == [4, 5, 6, 7, 8]
    assert days_showing(municipality, 2024, 3, "Connected Women") == [11]
    assert days_showing(municipality, 2024, 4, "Connected Women") == [1]  # still running: the month's first


def test_the_calendar_page_names_the_last_day_of_a_long_span(client, municipality, office_user):
    activity(municipality, "Pocketgarden", starts_on=D(2024, 9, 1), ends_on=D(2025, 10, 31))
    client.force_login(office_user)
    page = client.get(url("calendar", municipality), {"monat": "2024-10"}).content.decode()
    assert page.count("Pocketgarden") == 1 and "bis 31.10.2025" in page
