"""The leaflet form: title, language, format, introduction and the activities, organisations and contacts it
shows (plain checkboxes; only what may be published is offered)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models import Leaflet
from teilhabe.bulletins.models.leaflets import LEAFLET_LANGUAGES
from teilhabe.bulletins.services.leaflets import printable_contacts, publishable_activities
from teilhabe.directory.models import Contact, Organisation
from teilhabe.languages import language_name

#: The fields the named action takes (services.leaflets.save_leaflet).
LEAFLET_FIELDS = (
    "title", "language", "format", "intro", "activities", "organisations", "contacts", "show_pictures",
)  # fmt: skip


class ActivityChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        when = obj.starts_on.strftime("%d.%m.%Y") if obj.starts_on else ""
        return f"{obj.title} ({when})" if when else obj.title


class ContactChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} – {obj.organisation.name}"


class LeafletForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    language = forms.ChoiceField(
        label=_("Sprache"),
        help_text=Leaflet._meta.get_field("language").help_text,
    )
    format = forms.ChoiceField(label=_("Format"), choices=Leaflet.Format.choices, widget=forms.RadioSelect)
    intro = forms.CharField(
        label=_("Einleitung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zwei, drei Sätze in der Sprache des Flyers: für wen er ist und was er bietet."),
    )
    activities = ActivityChoice(
        label=_("Aktivitäten"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur öffentliche Aktivitäten, geplant oder durchgeführt."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisationen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Gedruckt werden der Name und die Angaben, die im Adressbuch zur Veröffentlichung freigegeben sind."
        ),
    )
    contacts = ContactChoice(
        label=_("Ansprechpersonen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Nur Personen mit gültiger Einwilligung, die im Adressbuch Angaben zum Drucken freigegeben haben."
        ),
    )
    show_pictures = forms.BooleanField(
        label=_("Bilder zeigen"), required=False, help_text=Leaflet._meta.get_field("show_pictures").help_text
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name(code)) for code in LEAFLET_LANGUAGES]
        self.fields["activities"].queryset = publishable_activities(municipality).only(
            "id", "title", "starts_on"
        )
        self.fields["organisations"].queryset = Organisation.objects.for_municipality(municipality).only(
            "id", "name"
        )
        self.fields["contacts"].queryset = (
            printable_contacts(Contact.objects.for_municipality(municipality))
            .select_related("organisation")
            .only("id", "name", "organisation__name")
        )


def initial_of(leaflet) -> dict:
    return {
        "title": leaflet.title,
        "language": leaflet.language,
        "format": leaflet.format,
        "intro": leaflet.intro,
        "activities": list(leaflet.activities.all()),
        "organisations": list(leaflet.organisations.all()),
        "contacts": list(leaflet.contacts.all()),
        "show_pictures": leaflet.show_pictures,
    }
