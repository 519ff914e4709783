"""Demo registrations: the seed's planned and done activities shown publicly, and a second job fair, three weeks ahead, open for registration, fully booked, with two
people on the waiting list (example.org addresses). Safe to run again: an existing fair is left as it is."""

import datetime

from django.utils import timezone

from teilhabe.activities.models import Activity, Venue
from teilhabe.activities.services.activities import save_activity
from teilhabe.registrations.models import consent_default
from teilhabe.registrations.services.registering import register
from teilhabe.registrations.services.setup import save_registration_settings

TITLE = "Zweite Jobbörse für Geflüchtete"
PEOPLE = [
    ("Olena K.", "olena.k@example.org", 2, "uk", ""),
    ("Ahmad R.", "ahmad.r@example.org", 1, "ar", "Dolmetschen Arabisch"),
    ("Mariam S.", "mariam.s@example.org", 1, "fa", ""),
    ("Yusuf D.", "yusuf.d@example.org", 1, "tr", "Rollstuhlplatz"),  # waiting list
    ("Daria M.", "daria.m@example.org", 2, "ru", ""),  # waiting list
]


def load_demo(municipality):
    # The seed's activities are the office's published programme: show the planned and done ones publicly.
    for activity in Activity.objects.filter(
        municipality=municipality, public=False, state__in=[Activity.State.PLANNED, Activity.State.DONE]
    ):
        save_activity(municipality, None, {"public": True}, activity=activity)
    if Activity.objects.filter(municipality=municipality, title=TITLE).exists():
        return
    venue, _created = Venue.objects.get_or_create(
        municipality=municipality,
        name="BigBox Allgäu",
        defaults={"address": "Kotterner Straße 64, Musterstadt", "step_free": True},
    )
    fair = save_activity(
        municipality,
        None,
        {
            "title": TITLE,
            "kind": Activity.Kind.EVENT,
            "state": Activity.State.PLANNED,
            "summary": "Arbeitgeber aus der Region stellen sich vor; Beratung zu Anerkennung und Sprachkursen.",
            "description": (
                "Nach der ersten Jobbörse im März wieder: Betriebe, Jobcenter und Beratungsstellen an einem Ort. "
                "Bitte melden Sie sich an; Dolmetschende sind da."
            ),
            "starts_on": timezone.localdate() + datetime.timedelta(days=21),
            "start_time": datetime.time(10, 0),
            "end_time": datetime.time(14, 0),
            "venue": venue,
            "languages": ["de", "en", "uk", "ar", "fa"],
            "public": True,
        },
    )
    save_registration_settings(
        fair,
        None,
        {"is_open": True, "capacity": 4, "max_people": 3, "consent_text": consent_default(municipality)},
    )
    for name, email, people, language, needs in PEOPLE:
        register(
            fair,
            {
                "name": name,
                "email": email,
                "people": people,
                "language": language,
                "accessibility_needs": needs,
                "consent": True,
            },
        )
