import datetime

import pytest
from django.core.exceptions import ValidationError

from teilhabe.activities.models import ActivityDate
from teilhabe.activities.services.activities import save_activity
from teilhabe.activities.services.dates import occurrences, sync_dates
from teilhabe.activities.tests.helpers import activity

D = datetime.date


def test_a_single_day_is_one_date(municipality):
    job_fair = activity(municipality, starts_on=D(2024, 3, 4))
    assert [(row.date, row.end_date) for row in job_fair.dates.all()] == [(D(2024, 3, 4), None)]
    assert (job_fair.first_on, job_fair.last_on) == (D(2024, 3, 4), D(2024, 3, 4))


def test_a_span_of_days_is_one_date_with_an_end(municipality):
    days = activity(municipality, starts_on=D(2024, 10, 8), ends_on=D(2024, 10, 10))
    assert [(row.date, row.end_date) for row in days.dates.all()] == [(D(2024, 10, 8), D(2024, 10, 10))]
    assert days.last_on == D(2024, 10, 10)


def test_weekly_on_tuesdays_until_june_with_an_exception(municipality):
    cafe = activity(
        municipality,
        title="Sprachcafé",
        starts_on=D(2024, 4, 2),
        recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20240630",
        exdates=[D(2024, 5, 21)],
    )
    rows = list(cafe.dates.all())
    assert [row.date for row in rows][:3] == [D(2024, 4, 2), D(2024, 4, 9), D(2024, 4, 16)]
    assert rows[-1].date == D(2024, 6, 25)
    assert len(rows) == 13
    assert [row.date for row in rows if row.cancelled] == [D(2024, 5, 21)]
    assert all(row.date.weekday() == 1 for row in rows)
    assert (cafe.first_on, cafe.last_on) == (D(2024, 4, 2), D(2024, 6, 25))


def test_an_until_on_the_last_evening_includes_it(municipality):
    cafe = activity(
        municipality,
        starts_on=D(2024, 6, 4),
        start_time=datetime.time(18, 0),
        recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20240625",
    )
    assert [row.date for row in cafe.dates.all()] == [
        D(2024, 6, 4),
        D(2024, 6, 11),
        D(2024, 6, 18),
        D(2024, 6, 25),
    ]


def test_changing_the_rule_keeps_rows_of_dates_that_remain(municipality):
    cafe = activity(municipality, starts_on=D(2024, 4, 2), recurrence="FREQ=WEEKLY;COUNT=4")
    kept = cafe.dates.get(date=D(2024, 4, 9)).pk
    save_activity(municipality, None, {"recurrence": "FREQ=WEEKLY;COUNT=2"}, activity=cafe)
    assert list(cafe.dates.values_list("date", flat=True)) == [D(2024, 4, 2), D(2024, 4, 9)]
    assert cafe.dates.get(date=D(2024, 4, 9)).pk == kept


def test_a_rule_without_end_is_expanded_to_a_horizon_and_has_no_last_day(municipality):
    network = activity(municipality, starts_on=D(2024, 1, 1), recurrence="FREQ=MONTHLY")
    sync_dates(network, today=D(2024, 1, 1))
    assert network.last_on is None
    assert (
        ActivityDate.objects.filter(activity=network).count() == 24
    )  # 730 days ahead: 1.1.2024 to 1.12.2025


def test_an_invalid_rule_is_refused_in_german(municipality):
    with pytest.raises(ValidationError) as error:
        activity(municipality, recurrence="FREQ=SOMETIMES")
    assert "Wiederholungsregel" in str(error.value)


def test_no_dates_without_a_start(municipality):
    idea = activity(municipality, starts_on=None, state="idea")
    assert occurrences(idea) == []
    assert idea.first_on is None and not idea.dates.exists()
