"""When an activity is called off, everyone registered or on its waiting list is told by e-mail (once each;
people who gave only a phone number are listed for the office on the participant page as before)."""

from teilhabe.registrations import mails
from teilhabe.registrations.models import Registration


def tell_registrants(sender, activity, old, state, user, **kwargs) -> int:
    if state != "cancelled":
        return 0
    registrations = (
        Registration.objects.filter(
            activity=activity,
            status__in=(Registration.Status.CONFIRMED, Registration.Status.WAITING),
        )
        .exclude(email="")
        .select_related("activity__municipality", "activity__venue", "activity_date")
    )
    count = 0
    for registration in registrations:
        if mails.activity_cancelled(registration, user):
            count += 1
    return count
