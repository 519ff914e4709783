from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "teilhabe.statistics"
    label = "statistics"
    verbose_name = _("Faktencheck Migration")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.municipalities.scoping import register_url_object, register_url_value
        from teilhabe.statistics.models import DistrictMap, FactCheck, StatisticsSettings
        from teilhabe.testing.samples import register_sample

        # Indicator rows are derived figures written in bulk with their FactCheck; the FactCheck's audit
        # entry (headline figures, file, who, when) records each replacement.
        auditlog.register(FactCheck)
        auditlog.register(StatisticsSettings)
        auditlog.register(DistrictMap, include_fields=["file_name", "source_crs", "key_property", "public"])
        register_url_object("fact_check_id", FactCheck)
        register_url_value(
            "factcheck_table",
            "comparison",
            "timeseries",
            "categories",
            "districts",
            "nationalities",
            "pyramid",
        )
        register_url_value("factcheck_format", "csv", "xlsx")
        register_sample(FactCheck, _sample_fact_check)
        register_sample(StatisticsSettings, _sample_settings)


def _sample_fact_check(municipality):
    """A fact check whose district and file name carry the municipality's slug (the isolation test looks for it)."""
    import datetime as dt

    from teilhabe.statistics.models import FactCheck, Indicator

    existing = FactCheck.objects.for_municipality(municipality).first()
    if existing:
        return existing
    fact_check = FactCheck.objects.create(
        municipality=municipality,
        reference_date=dt.date(2023, 12, 31),
        source=FactCheck.Source.STATISTICS_OFFICE,
        file_name="%s-tabelle.xlsx" % municipality.slug,
        residents=1000,
        foreigners=150,
    )
    rows = [
        ("residents", "", "", "", "", 1000),
        ("foreigners", "", "", "", "", 150),
        ("residents", "district", "Bezirk %s" % municipality.slug, "", "", 1000),
        ("foreigners", "district", "Bezirk %s" % municipality.slug, "", "", 150),
    ]
    Indicator.objects.bulk_create(
        Indicator(
            municipality=municipality,
            fact_check=fact_check,
            reference_date=fact_check.reference_date,
            indicator=i,
            dimension=d,
            area=a,
            group=g,
            category=c,
            value=v,
        )
        for i, d, a, g, c, v in rows
    )
    return fact_check


def _sample_settings(municipality):
    from teilhabe.statistics.models import StatisticsSettings

    return StatisticsSettings.objects.get_or_create(municipality=municipality)[0]
