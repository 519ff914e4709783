"""Demo data: synthetic register extracts for 31.12.2020 and 31.12.2023 whose derived table is exactly the
seed report's table, computed and stored through the same code path as `teilhabe factcheck --store`, and the
invented district boundaries of Musterstadt (``data/musterstadt-stadtteile.geojson``) for the district map."""

from django.conf import settings

from teilhabe.statistics.synthetic import DEMO_SPECS, write_demo_extract

DEMO_YEARS = (2020, 2023)


def demo_extract_path(municipality, year):
    return settings.VAR_DIR / "demo" / ("registerauszug-%s-%d.csv" % (municipality.slug, year))


def load_demo(municipality):
    """Generate (once; deterministic) and store both demo extracts and the district map. Safe to run again."""
    from teilhabe.statistics.district_maps import load_demo_map
    from teilhabe.statistics.services import compute_and_store

    for year in DEMO_YEARS:
        path = demo_extract_path(municipality, year)
        if not path.exists():
            write_demo_extract(year, path)
        compute_and_store(municipality, path, DEMO_SPECS[year].reference_date)
    load_demo_map(municipality)
