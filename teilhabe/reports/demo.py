"""Demo: the seed's report to the advisory board (4 June 2024, the year 2024), generated once and released to
the board. Idempotent: a report of that title is left as it is."""

import datetime

from teilhabe.reports.models import ActivityReport

TITLE = "Bericht von der Kommunalen Integrationsarbeit"


def load_demo(municipality):
    from teilhabe.reports.services import generate_version, save_report, set_published

    if ActivityReport.objects.for_municipality(municipality).filter(title=TITLE).exists():
        return
    report = save_report(
        municipality,
        None,
        {
            "title": TITLE,
            "audience": ActivityReport.Audience.ADVISORY_BOARD,
            "period_from": datetime.date(2024, 1, 1),
            "period_to": datetime.date(2024, 12, 31),
            "date": datetime.date(2024, 6, 4),
            "introduction": "Bericht an den Integrationsbeirat: wer wir sind, aktuelle Zahlen aus dem "
            "Faktencheck Migration und was im Jahr 2024 geschehen ist und geplant ist.",
            "outlook": "Im Handlungsfeld Gesellschaftliche Teilhabe setzen wir 2025 die Impulse der "
            "Fachrunde um.",
            "notes": {"factcheck": "Die Zahlen stammen aus dem Einwohnermelderegister."},
        },
    )
    set_published(generate_version(report), True)
