from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "teilhabe.registrations"
    verbose_name = _("Anmeldungen")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.municipalities.scoping import register_url_object, register_url_value
        from teilhabe.registrations import models as m
        from teilhabe.registrations import samples
        from teilhabe.testing.samples import register_sample

        auditlog.register(m.RegistrationSettings)
        auditlog.register(m.RegistrationPolicy)
        # Personal values stay out of the audit trail: it records that a registration changed, not the person.
        auditlog.register(
            m.Registration,
            include_fields=["status", "attended", "activity", "activity_date", "people", "anonymised_at"],
        )
        register_url_value("cancel_token", "ungueltig")
        register_url_object("registration_id", m.Registration)
        register_sample(m.Registration, samples.registration)

        from teilhabe.activities.signals import state_changed
        from teilhabe.registrations.services.cancellation import tell_registrants

        state_changed.connect(tell_registrants, dispatch_uid="registrations.tell_registrants")
