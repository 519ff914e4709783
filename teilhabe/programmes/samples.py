"""Sample objects for the site-wide tests. Names carry the municipality's slug."""

from decimal import Decimal

from teilhabe.testing.samples import unique


def programme(municipality):
    from teilhabe.programmes.services import save_budget, save_programme

    saved = save_programme(municipality, None, {"name": unique(f"Programm {municipality.slug}")})
    save_budget(saved, None, 2024, Decimal("10000"))
    return saved


def funding(municipality):
    from teilhabe.activities.samples import activity
    from teilhabe.programmes.services import save_funding

    return save_funding(
        programme(municipality),
        None,
        {
            "activity": activity(municipality),
            "year": 2024,
            "requested": Decimal("1500"),
            "granted": Decimal("1200"),
        },
    )
