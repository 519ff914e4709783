"""The month calendar: a short span on each of its days, a long one (a project) once a month with its end; a
busy day lists a few entries and keeps the rest behind "n weitere"."""

import datetime

from teilhabe.activities.services.lists import DAY_CAP, month_grid
from teilhabe.activities.tests.helpers import activity, url

D = datetime.date


def days_showing(municipality, year, month, title):
    return [
        day.day
        for week in month_grid(municipality, year, month)
        for day, rows, more in week
        if day and any(row.activity.title == title for row in rows + more)
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


def test_a_busy_day_lists_a_few_and_keeps_the_rest_behind_more(
    client, municipality, office_user, django_assert_max_num_queries
):
    for hour in range(8, 8 + DAY_CAP + 2):
        activity(
            municipality, "Sprechstunde %02d" % hour, starts_on=D(2024, 5, 14), start_time=datetime.time(hour)
        )
    activity(municipality, "Lesenachmittag", starts_on=D(2024, 5, 15))
    cells = {
        day: (rows, more) for week in month_grid(municipality, 2024, 5) for day, rows, more in week if day
    }
    shown, more = cells[D(2024, 5, 14)]
    assert [row.activity.title for row in shown] == ["Sprechstunde %02d" % h for h in range(8, 8 + DAY_CAP)]
    assert [row.activity.title for row in more] == ["Sprechstunde 12", "Sprechstunde 13"]
    assert [len(part) for part in cells[D(2024, 5, 15)]] == [1, 0]

    client.force_login(office_user)
    with django_assert_max_num_queries(12):
        page = client.get(url("calendar", municipality), {"monat": "2024-05"}).content.decode()
    # Every entry is on the page (the hidden ones open with the summary, no script), the count says how many.
    assert all("Sprechstunde %02d" % h in page for h in range(8, 8 + DAY_CAP + 2))
    assert page.count('<details class="calendar__more">') == 1 and "2 weitere Aktivitäten</summary>" in page
