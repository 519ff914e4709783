"""The demo municipality Musterstadt itself (its logins: accounts/demo.py; `teilhabe demo` loads the rest). Idempotent."""

from teilhabe.municipalities.models import Municipality

DEMO_SLUG = "musterstadt"


def load_municipality():
    municipality, _ = Municipality.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "name": "Musterstadt",
            "ags": "09763000",
            "federal_state": "BY",
            "office_name": "Amt für Integration – Kommunale Integrationsarbeit",
            "office_address": "Gerberstraße 2\n87400 Musterstadt",
            "office_email": "integration@musterstadt.example",
            "office_phone": "0831 2525-0",
            "office_hours": "Mo–Do 8:30–12:00 und 14:00–16:00\nFr 8:30–12:00",
        },
    )
    return municipality
