from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "teilhabe.networks"
    verbose_name = _("Netzwerke")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.networks import models as m
        from teilhabe.networks import samples
        from teilhabe.testing.samples import register_sample

        auditlog.register(m.Network, m2m_fields={"fields_of_action"})
        auditlog.register(m.Meeting, m2m_fields={"invited", "attending"})
        for model in (m.NetworkMember, m.Task, m.Idea):
            auditlog.register(model)
        for kwarg, model in {
            "network_id": m.Network,
            "network_member_id": m.NetworkMember,
            "meeting_id": m.Meeting,
            "task_id": m.Task,
            "idea_id": m.Idea,
        }.items():
            register_url_object(kwarg, model)
        register_sample(m.Network, samples.network)
        register_sample(m.NetworkMember, samples.member)
        register_sample(m.Meeting, samples.meeting)
        register_sample(m.Task, samples.task)
        register_sample(m.Idea, samples.idea)
        # The activity and measure pages say which idea they arose from (teilhabe/sections.py).
        from teilhabe import sections
        from teilhabe.networks.services.pages import ideas_for

        for place in ("activities.activity", "concept.measure"):
            sections.register(
                place, "networks/_arose_from_idea.html", lambda obj: {"source_ideas": ideas_for(obj)}
            )
