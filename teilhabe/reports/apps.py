from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "teilhabe.reports"
    verbose_name = _("Tätigkeitsberichte")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.municipalities.scoping import register_url_object, register_url_value
        from teilhabe.reports import models as m
        from teilhabe.reports import samples
        from teilhabe.testing.samples import register_sample

        for model in (m.ActivityReport, m.ActivityReportVersion, m.ReportTemplate, m.ReportFile):
            auditlog.register(model, exclude_fields=["data", "content"])
        register_url_object("activity_report_id", m.ActivityReport)
        register_url_object("report_version_id", m.ActivityReportVersion)
        register_url_value("report_format", "pdf", "pptx", "docx")
        register_sample(m.ActivityReport, samples.report)
        register_sample(
            m.ActivityReportVersion,
            samples.version,
            published=samples.published_version,
            public=samples.public_version,
        )
