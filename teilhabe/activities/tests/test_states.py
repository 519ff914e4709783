import datetime

import pytest
from django.core.exceptions import ValidationError

from teilhabe.activities.services.activities import change_state, state_reached
from teilhabe.activities.tests.helpers import activity

D = datetime.date


def test_each_state_is_recorded_with_the_date_it_was_reached(municipality, office_user):
    fair = activity(municipality, state="idea", state_reached_on=D(2023, 11, 2))
    change_state(fair, "planned", office_user, reached_on=D(2024, 1, 10))
    change_state(fair, "done", office_user, reached_on=D(2024, 3, 4))
    fair.refresh_from_db()
    assert fair.state == "done"
    assert [(c.state, c.reached_on) for c in fair.state_changes.all()] == [
        ("idea", D(2023, 11, 2)),
        ("planned", D(2024, 1, 10)),
        ("done", D(2024, 3, 4)),
    ]
    assert state_reached(fair, "planned") == D(2024, 1, 10)


def test_a_state_cannot_be_skipped_or_dated_backwards(municipality, office_user):
    fair = activity(municipality, state="idea", state_reached_on=D(2024, 1, 10))
    with pytest.raises(ValidationError):
        change_state(fair, "done", office_user)
    with pytest.raises(ValidationError):
        change_state(fair, "planned", office_user, reached_on=D(2024, 1, 1))


def test_done_not_before_the_first_date(municipality, office_user):
    fair = activity(municipality, starts_on=D(2024, 3, 4), state_reached_on=D(2024, 1, 1))
    with pytest.raises(ValidationError):
        change_state(fair, "done", office_user, reached_on=D(2024, 3, 1))


def test_cancelling_marks_every_date_cancelled(municipality, office_user):
    cafe = activity(municipality, starts_on=D(2024, 4, 2), recurrence="FREQ=WEEKLY;COUNT=3")
    change_state(cafe, "cancelled", office_user)
    assert all(cafe.dates.values_list("cancelled", flat=True))
