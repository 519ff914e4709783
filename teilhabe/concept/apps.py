from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConceptConfig(AppConfig):
    name = "teilhabe.concept"
    verbose_name = _("Integrationskonzept")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.concept import models as m
        from teilhabe.concept.samples import SAMPLE_FACTORIES, SAMPLE_VARIANTS
        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.testing.samples import register_sample

        for model in (m.Concept, m.FieldOfAction, m.Goal, m.Status, m.Tag, m.Focus, m.ReportingRound):
            auditlog.register(model)
        # current_report is bookkeeping (current_status, which is logged, says the same to people).
        auditlog.register(
            m.Measure, m2m_fields={"involved", "tags"}, exclude_fields=["sort_key", "current_report"]
        )
        auditlog.register(m.StatusReport, exclude_fields=["snapshot"])
        for kwarg, model in {
            "concept_id": m.Concept,
            "field_id": m.FieldOfAction,
            "goal_id": m.Goal,
            "measure_id": m.Measure,
            "status_id": m.Status,
            "focus_id": m.Focus,
            "round_id": m.ReportingRound,
            "report_id": m.StatusReport,
            "tag_id": m.Tag,
        }.items():
            register_url_object(kwarg, model)
        for model, factory in SAMPLE_FACTORIES.items():
            register_sample(model, factory, **SAMPLE_VARIANTS.get(model, {}))
