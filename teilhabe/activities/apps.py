from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "teilhabe.activities"
    verbose_name = _("Aktivitäten")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe import sections
        from teilhabe.activities import models as m
        from teilhabe.activities import samples
        from teilhabe.municipalities.scoping import register_url_object, register_url_value
        from teilhabe.testing.samples import register_sample

        auditlog.register(
            m.Activity,
            m2m_fields={"target_groups", "measures", "arose_from"},
            exclude_fields=["first_on", "last_on", "updated_at"],
        )
        for model in (m.TargetGroup, m.Venue, m.ActivityPartner, m.ActivityStateChange):
            auditlog.register(model)
        auditlog.register(m.ActivityPicture, exclude_fields=["large", "thumbnail", "width", "height"])
        auditlog.register(m.ActivityAttachment)
        for kwarg, model in {
            "activity_id": m.Activity,
            "venue_id": m.Venue,
            "target_group_id": m.TargetGroup,
            "picture_id": m.ActivityPicture,
            "attachment_id": m.ActivityAttachment,
            "partner_id": m.ActivityPartner,
        }.items():
            register_url_object(kwarg, model)
        register_url_value("feed_token", "ungueltig")
        auditlog.register(m.CalendarToken, exclude_fields=["token"])
        register_sample(m.Activity, samples.activity)
        register_sample(m.Venue, samples.venue)
        register_sample(m.TargetGroup, samples.target_group)
        register_sample(m.ActivityPicture, samples.picture)
        register_sample(m.ActivityAttachment, samples.attachment)
        register_sample(m.ActivityPartner, samples.partner)
        # What the activities add to other apps' pages (teilhabe/sections.py).
        from teilhabe.activities.services import links

        sections.register(
            "concept.dashboard",
            "activities/_dashboard.html",
            lambda c: {"activity_figures": links.dashboard(c)},
        )
        sections.register(
            "concept.measure",
            "activities/_measure_activities.html",
            lambda measure: {"measure_activities": links.for_measure(measure)},
        )
        sections.register(
            "directory.organisation",
            "activities/_organisation_activities.html",
            lambda organisation: {"organisation_activities": links.for_organisation(organisation)},
        )
