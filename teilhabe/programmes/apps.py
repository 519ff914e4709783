from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "teilhabe.programmes"
    verbose_name = _("Förderprogramme")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.programmes import models as m
        from teilhabe.programmes import samples
        from teilhabe.testing.samples import register_sample

        for model in (m.Programme, m.ProgrammeBudget, m.Funding, m.ReportDeadline):
            auditlog.register(model)
        register_url_object("programme_id", m.Programme)
        register_url_object("funding_id", m.Funding)
        register_sample(m.Programme, samples.programme)
        register_sample(m.Funding, samples.funding)
        # The activity page shows the activity's funding (teilhabe/sections.py).
        from teilhabe import sections

        sections.register(
            "activities.activity",
            "programmes/_activity_funding.html",
            lambda activity: {
                "activity_fundings": list(
                    m.Funding.objects.filter(activity=activity).select_related("programme").order_by("year")
                )
            },
        )
