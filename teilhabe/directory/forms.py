"""Forms of the directory: the list's filters, organisations, contacts, and the import upload."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.directory.layout import CONTACTS, ORGANISATIONS
from teilhabe.directory.models import Contact, Organisation
from teilhabe.languages import LANGUAGES


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Suche"),
        required=False,
        max_length=200,
        help_text=_("Name, Kurzname oder Notizen"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    art = forms.ChoiceField(
        label=_("Art"), required=False, choices=[("", _("alle Arten")), *Organisation.Kind.choices]
    )
    sprache = forms.ChoiceField(
        label=_("Sprache"), required=False, choices=[("", _("alle Sprachen")), *LANGUAGES]
    )


class ContactFilterForm(forms.Form):
    CONSENT_CHOICES = [
        ("", _("alle")),
        ("gueltig", _("gültige Einwilligung")),
        ("fehlt", _("keine Einwilligung erfasst")),
        ("widerrufen", _("Einwilligung widerrufen")),
        ("geloescht", _("Personendaten gelöscht")),
    ]
    q = forms.CharField(
        label=_("Suche"),
        required=False,
        max_length=200,
        help_text=_("Name, Funktion, E-Mail oder Organisation"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    einwilligung = forms.ChoiceField(label=_("Einwilligung"), required=False, choices=CONSENT_CHOICES)
    sprache = forms.ChoiceField(
        label=_("Sprache"), required=False, choices=[("", _("alle Sprachen")), *LANGUAGES]
    )


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", LANGUAGES)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class PublicFieldsField(forms.MultipleChoiceField):
    """Which fields may be published (Organisation/Contact.public_fields); not a spreadsheet column, so it is
    declared here beside the layout's fields and filled from the instance."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, **kwargs):
        field = model._meta.get_field("public_fields")
        super().__init__(
            label=field.verbose_name, help_text=field.help_text, choices=model.PUBLIC_FIELD_CHOICES,
            required=False, **kwargs,
        )  # fmt: skip


def fill_public_fields(form):
    if "public_fields" in form.fields and form.instance.pk:
        form.initial.setdefault("public_fields", list(form.instance.public_fields))


class OrganisationForm(forms.ModelForm):
    languages = LanguagesField(label=_("Sprachen"))
    public_fields = PublicFieldsField(Organisation)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("z. B. https://www.caritas-musterstadt.de"),
    )

    # Editors keep their own record up to date; name, kind and place in the hierarchy stay with the office.
    EDITOR_FIELDS = (
        "short_name",
        "address",
        "website",
        "email",
        "phone",
        "languages",
        "notes",
        "public_fields",
    )

    class Meta:
        model = Organisation
        fields = ORGANISATIONS.fields()  # the same fields as the spreadsheet, in its order
        widgets = {"address": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, municipality, restricted=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        fill_public_fields(self)
        if restricted:
            for name in list(self.fields):
                if name not in self.EDITOR_FIELDS:
                    del self.fields[name]
        if "parent" in self.fields:
            parents = Organisation.objects.for_municipality(municipality)
            if self.instance.pk:
                parents = parents.exclude(pk__in=descendant_ids(self.instance))
            self.fields["parent"].queryset = parents.only("id", "name")
            self.fields["parent"].empty_label = _("keine")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Organisation.objects.for_municipality(self.municipality).filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Es gibt bereits eine Organisation mit diesem Namen."))
        return name


def descendant_ids(organisation):
    """The organisation and all units below it (they cannot become its parent)."""
    children = {}
    for pk, parent_id in Organisation.objects.for_municipality(organisation.municipality_id).values_list(
        "pk", "parent_id"
    ):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [organisation.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


class ContactForm(forms.ModelForm):
    languages = LanguagesField(label=_("Sprachen"))
    public_fields = PublicFieldsField(Contact)

    class Meta:
        model = Contact
        fields = CONTACTS.fields()
        widgets = {"consent_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        fill_public_fields(self)
        self.fields["organisation"].queryset = Organisation.objects.for_municipality(municipality).only(
            "id", "name"
        )
        self.fields["consent_method"].label = _("Wie wurde die Einwilligung erteilt?")
        self.fields["consent_method"].choices = [("", _("– keine Angabe –")), *Contact.ConsentMethod.choices]
        self.fields["consent_withdrawn"].help_text = _(
            "Bei einem Widerruf dürfen die Daten nicht mehr genutzt werden; bitte anschließend anonymisieren."
        )
        if not (self.instance.pk and self.instance.consent_withdrawn):
            del self.fields["consent_withdrawn"]  # withdrawing has its own button on the person's page

    def clean_consent_date(self):
        day = self.cleaned_data.get("consent_date")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Das Datum der Einwilligung liegt in der Zukunft."))
        return day

    def clean(self):
        data = super().clean()
        parts = [data.get("consent_purpose"), data.get("consent_date"), data.get("consent_method")]
        if any(parts) and not all(parts):
            raise forms.ValidationError(
                _("Bitte geben Sie Zweck, Datum und Art der Einwilligung zusammen an – oder keins davon.")
            )
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xlsx,.csv,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Dateien"),
        help_text=_(
            "Eine Excel-Datei (.xlsx) mit den Blättern „Organisationen“ und „Ansprechpersonen“ oder "
            "CSV-Dateien (UTF-8 oder Windows-1252, getrennt mit Semikolon oder Komma). "
            "Mehrere Dateien können gemeinsam ausgewählt werden."
        ),
    )
