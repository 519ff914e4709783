from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "teilhabe.directory"
    verbose_name = _("Adressbuch")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe.directory.models import Contact, Organisation
        from teilhabe.municipalities.scoping import register_url_object
        from teilhabe.testing.samples import register_sample

        auditlog.register(Organisation)
        auditlog.register(Contact)
        register_url_object("organisation_id", Organisation)
        register_url_object("contact_id", Contact)
        register_sample(Organisation, _sample_organisation)
        register_sample(Contact, _sample_contact, withdrawn=_sample_withdrawn_contact)


def _sample_organisation(municipality):
    from teilhabe.directory.models import Organisation
    from teilhabe.testing.samples import unique

    return Organisation.objects.create(
        municipality=municipality, kind="partner", name=unique(f"Partner von {municipality.slug}")
    )


def _sample_contact(municipality):
    import datetime

    from teilhabe.directory.models import Contact

    return Contact.objects.create(
        municipality=municipality,
        organisation=_sample_organisation(municipality),
        name=f"Person von {municipality.slug}",
        email=f"person@{municipality.slug}.example",
        consent_purpose="Einladungen zu Netzwerktreffen",
        consent_date=datetime.date(2024, 2, 27),
        consent_method=Contact.ConsentMethod.WRITTEN,
    )


def _sample_withdrawn_contact(municipality):
    """A person who withdrew consent: only the office may still see the entry."""
    contact = _sample_contact(municipality)
    contact.consent_withdrawn = True
    contact.save()
    return contact
