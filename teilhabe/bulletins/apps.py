from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "teilhabe.bulletins"
    verbose_name = _("Informationsprodukte")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.bulletins import models as m
        from teilhabe.bulletins import samples
        from teilhabe.municipalities.scoping import register_url_object, register_url_value
        from teilhabe.testing.samples import register_sample

        for model in (m.Bulletin, m.BulletinIssue):
            auditlog.register(model)
        for model in (m.BulletinLayout, m.IssueItem, m.Text, m.TextVersion, m.IssueFreeze):
            auditlog.register(model)
        register_url_object("bulletin_id", m.Bulletin)
        register_url_object("issue_id", m.BulletinIssue)
        self._leaflets(auditlog, register_url_object)
        register_url_object("item_id", m.IssueItem)
        register_url_object("version_id", m.TextVersion)
        register_url_value("bulletin_language", "de", "ar")
        register_sample(m.Bulletin, samples.bulletin)
        register_sample(m.BulletinIssue, samples.sent_issue, draft=samples.draft_issue)
        register_sample(m.IssueItem, samples.item)
        register_sample(m.TextVersion, samples.version)
        self.ready_lists(auditlog, m, samples, register_url_object, register_url_value, register_sample)

    def ready_lists(self, auditlog, m, samples, register_url_object, register_url_value, register_sample):
        """The distribution lists and sending: audit, URL objects and values, samples, the contact hook."""
        from teilhabe.bulletins.services.privacy import erase_for_contact
        from teilhabe.directory.signals import contact_erased

        auditlog.register(m.DistributionList)
        # The address is not in the audit trail: it records what changed, not the person.
        auditlog.register(m.Subscription, include_fields=["state", "distribution_list"])
        auditlog.register(m.Subscriber, include_fields=["suspended_at", "bounce_count", "contact"])
        auditlog.register(m.Sending, include_fields=["state", "run_after", "started_at", "finished_at"])
        register_url_object("distribution_list_id", m.DistributionList)
        register_url_object("subscription_id", m.Subscription)
        register_url_object("subscriber_id", m.Subscriber)
        for token in ("confirm_token", "unsubscribe_token", "preferences_token"):
            register_url_value(token, "ungueltig")
        register_sample(m.DistributionList, samples.distribution_list)
        register_sample(m.Subscription, samples.subscription)
        register_sample(m.Subscriber, samples.subscriber)
        contact_erased.connect(erase_for_contact, dispatch_uid="bulletins.erase_for_contact")
        self.ready_forwarding(auditlog, m)

    def ready_forwarding(self, auditlog, m):
        """Passing an item on: audit (what, when, by whom; never an address), the contact's erasure, and the sections on the directory's and the activities' pages."""
        from teilhabe import sections
        from teilhabe.bulletins.services import forwarding
        from teilhabe.bulletins.views import forwarding as pages
        from teilhabe.directory.signals import contact_erased

        auditlog.register(m.Forwarding, include_fields=["subject", "language", "topic", "item", "activity"])
        auditlog.register(m.Topic, exclude_fields=["organisations", "contacts"])  # interests: on the contact
        contact_erased.connect(forwarding.erase_for_contact, dispatch_uid="bulletins.forwarding_erase")
        sections.register("directory.contact", "bulletins/forwarding/_contact.html", pages.contact_section)
        sections.register(
            "directory.organisation", "bulletins/forwarding/_organisation.html", pages.organisation_section
        )
        sections.register(
            "activities.activity", "bulletins/forwarding/_activity.html", pages.activity_section
        )

    def _leaflets(self, auditlog, register_url_object):
        from teilhabe.bulletins import leaflet_samples
        from teilhabe.bulletins.models import Leaflet, LeafletPrint
        from teilhabe.testing.samples import register_sample

        auditlog.register(Leaflet, m2m_fields={"activities", "organisations", "contacts"})
        auditlog.register(
            LeafletPrint, include_fields=["leaflet", "stand_at", "size", "sha256", "created_at"]
        )
        register_url_object("leaflet_id", Leaflet)
        register_url_object("leaflet_print_id", LeafletPrint)
        register_sample(Leaflet, leaflet_samples.leaflet)
        register_sample(LeafletPrint, leaflet_samples.leaflet_print)
