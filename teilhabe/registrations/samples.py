"""Sample objects for the site-wide walks: a registration for the (public) sample activity."""

from teilhabe.activities import samples as activity_samples
from teilhabe.registrations.services.registering import register
from teilhabe.registrations.services.setup import save_registration_settings


def registration(municipality):
    activity = activity_samples.activity(municipality)
    save_registration_settings(
        activity, None, {"is_open": True, "capacity": 20, "consent_text": f"Einwilligung {municipality.slug}"}
    )
    return register(
        activity,
        {
            "name": f"Person {municipality.slug}",
            "email": f"teilnahme@{municipality.slug}.example",
            "consent": True,
        },
    ).registration
