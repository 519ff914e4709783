"""Builders shared by the composition tests."""

import datetime

from teilhabe.bulletins.services.issues import add_item, create_issue, save_bulletin


def series(municipality, name="Com-In", languages=("tr", "uk", "ar", "ls")):
    return save_bulletin(
        municipality,
        None,
        {
            "name": name,
            "audience": "communities",
            "languages": list(languages),
            "sender_name": "Integrationsamt Musterstadt",
            "reply_to": "integration@musterstadt.example",
        },
    )


def draft(municipality, number=1, **kwargs):
    bulletin = series(municipality, **kwargs)
    return create_issue(
        bulletin,
        None,
        number=number,
        issue_date=datetime.date(2026, 12, 1),
        editorial="Liebe Leserinnen und Leser,\n\nwillkommen.",
    )


def activity(municipality, title="Sprachcafé", public=True, days=10, **extra):
    from teilhabe.activities.models import Venue
    from teilhabe.activities.services.activities import save_activity

    venue, _ = Venue.objects.get_or_create(
        municipality=municipality, name="Stadtbibliothek", address="Marktplatz 1"
    )
    values = {
        "title": title,
        "kind": "event",
        "state": "planned",
        "summary": "Deutsch sprechen bei Kaffee und Tee.",
        "starts_on": datetime.date.today() + datetime.timedelta(days=days),
        "venue": venue,
        "languages": ["de", "ar", "tr"],
        "public": public,
        **extra,
    }
    return save_activity(municipality, None, values)


def hand_written(issue, title="Neue Beratungszeiten", body="Ab Januar auch dienstags."):
    return add_item(issue, None, "text", title=title, body=body)
