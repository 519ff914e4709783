"""Demo: the seed's report to the advisory board (4 June 2024, the year 2024), generated once and released to
the board, and the same year's report for the public, published on the public site as PDF. Idempotent: a
report of either title is left as it is."""

import datetime

from teilhabe.reports.models import ActivityReport

TITLE = "Bericht von der Kommunalen Integrationsarbeit"
PUBLIC_TITLE = "Jahresbericht 2024 der Kommunalen Integrationsarbeit"


def load_demo(municipality):
    _board_report(municipality)
    _public_report(municipality)


def _board_report(municipality):
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
    set_published(generate_version(report), True, notify=False)


def _public_report(municipality):
    from teilhabe.reports.services import generate_version, save_report, set_public

    if ActivityReport.objects.for_municipality(municipality).filter(title=PUBLIC_TITLE).exists():
        return
    report = save_report(
        municipality,
        None,
        {
            "title": PUBLIC_TITLE,
            "audience": ActivityReport.Audience.PUBLIC,
            "period_from": datetime.date(2024, 1, 1),
            "period_to": datetime.date(2024, 12, 31),
            "date": datetime.date(2024, 12, 31),
            "introduction": "Was die Kommunale Integrationsarbeit 2024 getan hat, für alle Bürgerinnen und "
            "Bürger.",
        },
    )
    set_public(generate_version(report), True)
