"""The calendar feeds, parsed back with icalendar and expanded with recurring-ical-events."""

import datetime

import icalendar
import pytest
import recurring_ical_events
from django.urls import reverse

from teilhabe.activities.models import CalendarToken
from teilhabe.activities.services.activities import change_state
from teilhabe.activities.services.calendar_tokens import renew_token
from teilhabe.activities.tests.helpers import activity

pytestmark = pytest.mark.django_db

TUESDAYS = datetime.date(2030, 3, 5)  # a Tuesday, well ahead


def _feed(client, municipality, **query):
    response = client.get(reverse("feeds:public", args=[municipality.slug]), query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _series(municipality, **values):
    return activity(
        municipality,
        "Sprachcafé mit dem Ukrainischen Verein",
        starts_on=TUESDAYS,
        start_time=datetime.time(17, 0),
        end_time=datetime.time(19, 0),
        **{
            "recurrence": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20300403",
            "exdates": [datetime.date(2030, 3, 19)],
            "languages": ["uk", "de"],
            "public": True,
            **values,
        },
    )


def test_a_weekly_series_expands_to_its_tuesdays_with_the_excepted_one_cancelled(client, municipality):
    series = _series(municipality)
    calendar = _feed(client, municipality)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    occurrences = recurring_ical_events.of(calendar).between(
        datetime.date(2030, 3, 1), datetime.date(2030, 5, 1)
    )
    held = sorted(e.decoded("DTSTART") for e in occurrences if str(e.get("STATUS")) != "CANCELLED")
    cancelled = [e.decoded("DTSTART") for e in occurrences if str(e.get("STATUS")) == "CANCELLED"]
    assert [d.date() for d in held] == [
        datetime.date(2030, 3, 5), datetime.date(2030, 3, 12), datetime.date(2030, 3, 26), datetime.date(2030, 4, 2)
    ]  # fmt: skip
    assert [d.date() for d in cancelled] == [datetime.date(2030, 3, 19)]
    assert held[0].hour == 17 and str(held[0].tzinfo) == "Europe/Berlin"
    assert held[0].utcoffset() == datetime.timedelta(hours=1)  # CET in March
    assert held[-1].utcoffset() == datetime.timedelta(hours=2)  # CEST in April
    master = calendar.walk("VEVENT")[0]
    assert str(master["UID"]) == f"activity-{series.pk}.{municipality.slug}@teilhabe"
    assert "RRULE" in master
    # the same UID the next time: subscribers update rather than duplicate
    again = _feed(client, municipality).walk("VEVENT")[0]
    assert str(again["UID"]) == str(master["UID"])


def test_the_dates_agree_with_the_activitys_own_expansion(client, municipality):
    series = _series(municipality)
    calendar = _feed(client, municipality)
    expanded = recurring_ical_events.of(calendar).between(
        datetime.date(2030, 1, 1), datetime.date(2031, 1, 1)
    )
    from_feed = sorted(e.decoded("DTSTART").date() for e in expanded if str(e.get("STATUS")) != "CANCELLED")
    own = sorted(d.date for d in series.dates.filter(cancelled=False))
    assert from_feed == own


def test_an_until_on_an_evening_date_includes_it_in_the_feed_as_on_the_pages(client, municipality):
    series = _series(municipality, recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20300402")
    expanded = recurring_ical_events.of(_feed(client, municipality)).between(
        datetime.date(2030, 1, 1), datetime.date(2031, 1, 1)
    )
    from_feed = sorted(e.decoded("DTSTART").date() for e in expanded if str(e.get("STATUS")) != "CANCELLED")
    assert from_feed[-1] == datetime.date(2030, 4, 2)
    assert from_feed == sorted(d.date for d in series.dates.filter(cancelled=False))


def test_a_cancelled_activity_is_status_cancelled_and_non_public_ones_are_left_out(client, municipality):
    fair = activity(municipality, starts_on=datetime.date(2030, 3, 4), public=True)
    activity(municipality, "Interne Runde", starts_on=datetime.date(2030, 3, 6))
    change_state(fair, "cancelled", None)
    events = _feed(client, municipality).walk("VEVENT")
    assert [(str(e["SUMMARY"]), str(e["STATUS"])) for e in events] == [
        ("Jobbörse für Geflüchtete", "CANCELLED")
    ]
    assert events[0].decoded("DTSTART") == datetime.date(2030, 3, 4)  # all day: a DATE


def test_the_feed_filters_like_the_public_list(client, municipality):
    _series(municipality)
    activity(
        municipality, "Vortrag Pflege", starts_on=datetime.date(2030, 3, 6), languages=["tr"], public=True
    )
    titles = {str(e["SUMMARY"]) for e in _feed(client, municipality, sprache="tr").walk("VEVENT")}
    assert titles == {"Vortrag Pflege"}
    titles = {str(e["SUMMARY"]) for e in _feed(client, municipality, sprache="uk").walk("VEVENT")}
    assert titles == {"Sprachcafé mit dem Ukrainischen Verein"}


def test_the_personal_feed_needs_the_token_and_renewing_retires_the_old_one(
    client, municipality, other_municipality, office_user
):
    activity(municipality, "Interne Runde", starts_on=datetime.date(2030, 3, 6))
    token = renew_token(municipality, office_user)
    url = reverse("activities:personal_feed", args=[municipality.slug, token.token])
    response = client.get(url)
    assert response.status_code == 200
    assert "Interne Runde" in response.content.decode()
    assert (
        client.get(
            reverse("activities:personal_feed", args=[other_municipality.slug, token.token])
        ).status_code
        == 404
    )
    renew_token(municipality, office_user)
    assert CalendarToken.objects.count() == 1
    assert client.get(url).status_code == 404


def test_the_subscription_page_makes_a_token_by_post(client, municipality, office_user):
    client.force_login(office_user)
    page = client.get(reverse("activities:subscription", args=[municipality.slug]))
    assert page.status_code == 200 and not CalendarToken.objects.exists()
    client.post(reverse("activities:subscription_renew", args=[municipality.slug]))
    token = CalendarToken.objects.get()
    assert (
        token.token
        in client.get(reverse("activities:subscription", args=[municipality.slug])).content.decode()
    )


def test_the_public_feed_stays_within_a_fixed_number_of_queries(
    client, municipality, django_assert_max_num_queries
):
    for number in range(3):
        activity(municipality, f"Termin {number}", starts_on=datetime.date(2030, 3, 6), public=True)
    with django_assert_max_num_queries(8):
        _feed(client, municipality)
    for number in range(3, 60):
        activity(municipality, f"Termin {number}", starts_on=datetime.date(2030, 3, 6), public=True)
    with django_assert_max_num_queries(8):
        _feed(client, municipality)
