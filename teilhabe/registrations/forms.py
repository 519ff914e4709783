"""Forms of the registration pages. They validate input only; services/ save."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import LANGUAGES

#: The hidden field bots fill in and people never see (the page hides it; see public_views.register).
HONEYPOT = "website"


class RegistrationForm(forms.Form):
    activity_date = forms.TypedChoiceField(label=_("Termin"), coerce=int, required=False)
    name = forms.CharField(
        label=_("Name oder Pseudonym"),
        max_length=200,
        help_text=_("Wie wir Sie ansprechen sollen; ein Vorname oder ein Pseudonym genügt."),
    )
    email = forms.EmailField(
        label=_("E-Mail"),
        required=False,
        help_text=_("Für die Bestätigung mit dem Link zum Abmelden. Alternativ eine Telefonnummer."),
    )
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    language = forms.ChoiceField(label=_("Sprache, in der wir Sie ansprechen können"), choices=LANGUAGES)
    accessibility_needs = forms.CharField(
        label=_("Bedarf an Barrierefreiheit"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel: Rollstuhlplatz, Gebärdensprache, Dolmetschen, Kinderbetreuung."),
    )
    people = forms.IntegerField(label=_("Anzahl Personen"), min_value=1, initial=1)
    consent = forms.BooleanField(
        label=_("Einwilligung"),
        error_messages={"required": _("Ohne Einwilligung können wir die Anmeldung nicht speichern.")},
    )

    def __init__(self, *args, settings_row, dates=(), language="de", **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", language)
        super().__init__(*args, **kwargs)
        self.fields["people"].max_value = settings_row.max_people
        self.fields["people"].widget.attrs["max"] = settings_row.max_people
        self.fields["consent"].label = settings_row.consent_text
        if settings_row.per_date:
            field = self.fields["activity_date"]
            field.required = True
            field.choices = [("", _("bitte wählen"))] + [
                (d.pk, "%s, %s" % (date_format(d.date, "l"), date_format(d.date, "DATE_FORMAT")))
                for d in dates
                if not d.cancelled
            ]
        else:
            del self.fields["activity_date"]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip() and "email" not in self.errors:
            self.add_error("email", _("Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben."))
        return data

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("activity_date", None)
        return data


class SettingsForm(forms.Form):
    is_open = forms.BooleanField(label=_("Anmeldung geöffnet"), required=False)
    per_date = forms.BooleanField(
        label=_("Anmeldung je Termin"),
        required=False,
        help_text=_("Bei Reihen: jeder Termin hat eine eigene Liste und Platzzahl."),
    )
    capacity = forms.IntegerField(
        label=_("Plätze"),
        min_value=1,
        required=False,
        help_text=_("Leer lassen, wenn die Zahl nicht begrenzt ist. Gezählt werden Personen."),
    )
    max_people = forms.IntegerField(label=_("höchstens Personen je Anmeldung"), min_value=1, max_value=50)
    closes_at = forms.DateTimeField(
        label=_("Anmeldeschluss"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
    )
    consent_text = forms.CharField(
        label=_("Einwilligungstext"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wird auf dem Anmeldeformular gezeigt und mit jeder Anmeldung wörtlich gespeichert."),
    )

    def clean_closes_at(self):
        value = self.cleaned_data["closes_at"]
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value


class PolicyForm(forms.Form):
    retention_days = forms.IntegerField(
        label=_("Aufbewahrung der Teilnehmerdaten (Tage nach der Veranstaltung)"), min_value=1, max_value=3650
    )
    default_consent_text = forms.CharField(
        label=_("Einwilligungstext (Vorlage)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class PrivacySearchForm(forms.Form):
    adresse = forms.CharField(
        label=_("E-Mail-Adresse oder Telefonnummer"),
        max_length=254,
        help_text=_("Genau so, wie die Person sie bei der Anmeldung angegeben hat."),
    )
