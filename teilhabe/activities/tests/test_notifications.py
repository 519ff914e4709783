import datetime

from django.core import mail

from teilhabe.activities.services.activities import add_partner, change_state
from teilhabe.activities.tests.helpers import activity


def test_the_partners_editors_hear_of_being_named_and_of_a_change_of_state(
    municipality, partner, partner_user, office_user
):
    fair = activity(
        municipality, starts_on=datetime.date(2024, 3, 4), state_reached_on=datetime.date(2024, 1, 1)
    )
    add_partner(fair, partner, "partner", office_user)
    assert [m.to for m in mail.outbox] == [[partner_user.email]]
    assert "Caritasverband" in mail.outbox[0].body and fair.get_absolute_url() in mail.outbox[0].body
    change_state(fair, "done", office_user, reached_on=datetime.date(2024, 3, 4))
    assert len(mail.outbox) == 2 and "durchgeführt" in mail.outbox[1].subject


def test_nobody_is_told_of_their_own_change(municipality, partner, partner_user):
    activity(municipality, user=partner_user, organisation=partner)
    assert mail.outbox == []
