"""Sample objects for the site-wide tests (isolation and role walks). Names carry the municipality's slug."""

import datetime

from teilhabe.testing.samples import unique


def report(municipality):
    from teilhabe.reports.services import save_report

    return save_report(
        municipality,
        None,
        {
            "title": unique(f"Bericht {municipality.slug}"),
            "audience": "advisory_board",
            "period_from": datetime.date(2024, 1, 1),
            "period_to": datetime.date(2024, 12, 31),
            "date": datetime.date(2024, 6, 4),
            "sections": ["title", "team", "contact"],
            "introduction": f"Einleitung {municipality.slug}",
        },
    )


def version(municipality):
    from teilhabe.reports.services import generate_version

    return generate_version(report(municipality))


def published_version(municipality):
    from teilhabe.reports.services import set_published

    made = version(municipality)
    set_published(made, True)
    return made


def public_version(municipality):
    """A version for the public, on the public site (with its stored PDF)."""
    from teilhabe.reports.services import generate_version, save_report, set_public

    made = generate_version(save_report(municipality, None, {"audience": "public"}, report(municipality)))
    set_public(made, True)
    return made
