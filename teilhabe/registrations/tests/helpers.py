"""Builders shared by the registration tests."""

import datetime

from django.urls import reverse
from django.utils import timezone

from teilhabe.activities.services.activities import save_activity
from teilhabe.registrations.services.setup import save_registration_settings

CONSENT = "Ich bin einverstanden, dass meine Angaben für die Jobbörse gespeichert werden."


def open_event(municipality, capacity=2, days_ahead=10, user=None, **values):
    values = {
        "title": "Jobbörse für Geflüchtete",
        "starts_on": timezone.localdate() + datetime.timedelta(days=days_ahead),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(14, 0),
        "state": "planned",
        "public": True,
        **values,
    }
    activity = save_activity(municipality, user, values)
    save_registration_settings(
        activity, user, {"is_open": True, "capacity": capacity, "consent_text": CONSENT, "max_people": 5}
    )
    return activity


def person(name, email=None, people=1, **more):
    return {
        "name": name,
        "email": email if email is not None else f"{name.lower()}@example.org",
        "people": people,
        "language": "de",
        "consent": True,
        **more,
    }


def public_url(name, municipality, *args):
    return reverse(f"events:{name}", args=[municipality.slug, *args])
