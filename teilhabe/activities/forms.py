"""Forms of the activity pages. They validate input only; the named actions in services/ save."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.models import Activity, ActivityPartner, TargetGroup, Venue
from teilhabe.concept.models import FieldOfAction, Focus, Measure
from teilhabe.directory.models import Organisation
from teilhabe.languages import LANGUAGES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ActivityFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Suche"), required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    stand = forms.ChoiceField(label=_("Stand"), required=False)
    art = forms.ChoiceField(label=_("Art"), required=False)
    partner = forms.TypedChoiceField(label=_("Organisation"), required=False, coerce=int, empty_value=None)
    sprache = forms.ChoiceField(label=_("Sprache"), required=False)
    zielgruppe = forms.TypedChoiceField(label=_("Zielgruppe"), required=False, coerce=int, empty_value=None)
    handlungsfeld = forms.TypedChoiceField(
        label=_("Handlungsfeld"), required=False, coerce=int, empty_value=None
    )
    jahr = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)
    ort = forms.TypedChoiceField(label=_("Ort"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, municipality, years):
        super().__init__(data)
        everything = [("", _("alle"))]
        self.fields["stand"].choices = everything + list(Activity.State.choices)
        self.fields["art"].choices = everything + list(Activity.Kind.choices)
        self.fields["sprache"].choices = everything + list(LANGUAGES)
        self.fields["partner"].choices = everything + list(
            Organisation.objects.for_municipality(municipality)
            .filter(activity_roles__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("pk", "name")
        )
        self.fields["zielgruppe"].choices = everything + list(
            TargetGroup.objects.for_municipality(municipality).values_list("pk", "name")
        )
        self.fields["handlungsfeld"].choices = everything + [
            (f.pk, "%s %s" % (f.number, f.title))
            for f in FieldOfAction.objects.for_municipality(municipality)
            .filter(concept__is_current=True)
            .order_by("number")
        ]
        self.fields["jahr"].choices = everything + [(year, str(year)) for year in years]
        self.fields["ort"].choices = everything + list(
            Venue.objects.for_municipality(municipality).values_list("pk", "name")
        )


class ExdatesField(forms.CharField):
    """Dates as the office types them: 21.05.2024, 2024-05-28, separated by commas, spaces or lines."""

    def to_python(self, value):
        text = super().to_python(value) or ""
        days = []
        for part in text.replace(";", ",").replace("\n", ",").replace(" ", ",").split(","):
            part = part.strip()
            if not part:
                continue
            for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
                try:
                    days.append(datetime.datetime.strptime(part, pattern).date())
                    break
                except ValueError:
                    continue
            else:
                raise forms.ValidationError(_("„%(text)s“ ist kein gültiges Datum.") % {"text": part})
        return sorted(set(days))

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(
                (d if isinstance(d, datetime.date) else datetime.date.fromisoformat(d)).strftime("%d.%m.%Y")
                for d in value
            )
        return value


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    kind = forms.ChoiceField(label=_("Art"), choices=Activity.Kind.choices)
    state = forms.ChoiceField(
        label=_("Stand"),
        choices=[
            (Activity.State.IDEA, Activity.State.IDEA.label),
            (Activity.State.PLANNED, Activity.State.PLANNED.label),
        ],
        help_text=_("Später ändern Sie den Stand auf der Seite der Aktivität."),
    )
    summary = forms.CharField(label=_("Kurzbeschreibung"), max_length=500, required=False)
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    starts_on = forms.DateField(label=_("Datum (Beginn)"), required=False, widget=DateInput())
    ends_on = forms.DateField(
        label=_("letzter Tag"),
        required=False,
        widget=DateInput(),
        help_text=_("Nur bei mehrtägigen Angeboten."),
    )
    start_time = forms.TimeField(label=_("Beginn (Uhrzeit)"), required=False, widget=TimeInput())
    end_time = forms.TimeField(label=_("Ende (Uhrzeit)"), required=False, widget=TimeInput())
    recurrence = forms.CharField(
        label=_("Wiederholung (RRULE)"),
        max_length=500,
        required=False,
        help_text=Activity._meta.get_field("recurrence").help_text,
    )
    exdates = ExdatesField(
        label=_("ausgenommene Termine"),
        required=False,
        help_text=_("Termine der Wiederholung, die ausfallen, z. B. 21.05.2024, 28.05.2024"),
    )
    venue = forms.ModelChoiceField(
        label=_("Ort"),
        queryset=Venue.objects.none(),
        required=False,
        help_text=_("Fehlt ein Ort, legt ihn das Integrationsamt unter „Orte und Zielgruppen“ an."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Sprachen"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Zielgruppen"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    measures = forms.ModelMultipleChoiceField(
        label=_("Maßnahmen des Integrationskonzepts"), queryset=Measure.objects.none(), required=False
    )
    focus = forms.ModelChoiceField(label=_("Schwerpunkt"), queryset=Focus.objects.none(), required=False)
    participants_expected = forms.IntegerField(label=_("erwartete Teilnehmende"), min_value=0, required=False)
    participants_actual = forms.IntegerField(
        label=_("Teilnehmende (tatsächlich)"), min_value=0, required=False
    )
    costs = forms.DecimalField(
        label=_("Kosten (Euro)"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    funding_note = forms.CharField(
        label=_("Finanzierung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outcomes = forms.CharField(
        label=_("Ergebnisse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    arose_from = forms.ModelMultipleChoiceField(
        label=_("entstanden aus"), queryset=Activity.objects.none(), required=False
    )
    public = forms.BooleanField(
        label=_("öffentlich zeigen"),
        required=False,
        help_text=Activity._meta.get_field("public").help_text,
    )

    GROUP_FIELDS = tuple(Activity.GENDER_GROUPS + Activity.AGE_GROUPS)

    def __init__(self, *args, municipality, activity=None, **kwargs):
        if activity is not None:
            kwargs.setdefault("initial", initial_of(activity))
        super().__init__(*args, **kwargs)
        for key, label in self.GROUP_FIELDS:
            self.fields["group_" + key] = forms.IntegerField(
                label=_("Teilnehmende: %(group)s") % {"group": label}, min_value=0, required=False
            )
        if activity is not None:
            del self.fields["state"]
        self.fields["venue"].queryset = Venue.objects.for_municipality(municipality)
        self.fields["target_groups"].queryset = TargetGroup.objects.for_municipality(municipality)
        self.fields["measures"].queryset = (
            Measure.objects.for_municipality(municipality)
            .filter(concept__is_current=True)
            .order_by("sort_key")
        )
        self.fields["measures"].label_from_instance = lambda m: "%s %s" % (m.number, m.title)
        self.fields["focus"].queryset = Focus.objects.for_municipality(municipality).order_by("-year")
        others = Activity.objects.for_municipality(municipality).order_by("-first_on", "title")
        if activity is not None:
            others = others.exclude(pk=activity.pk)
        self.fields["arose_from"].queryset = others

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["participants_by_group"] = {
            key: data.pop("group_" + key)
            for key, _label in self.GROUP_FIELDS
            if data.get("group_" + key) is not None
        }
        for key, _label in self.GROUP_FIELDS:
            data.pop("group_" + key, None)
        for name in ("target_groups", "measures", "arose_from"):
            data[name] = list(data[name])
        return data


def initial_of(activity) -> dict:
    initial = {name: getattr(activity, name) for name in (
        "title", "kind", "summary", "description", "starts_on", "ends_on", "start_time", "end_time", "recurrence",
        "venue", "languages", "focus", "participants_expected", "participants_actual", "costs", "funding_note",
        "outcomes", "public",
    )}  # fmt: skip
    initial["exdates"] = list(activity.exdates or [])
    initial["target_groups"] = list(activity.target_groups.all())
    initial["measures"] = list(activity.measures.all())
    initial["arose_from"] = list(activity.arose_from.all())
    for key, value in (activity.participants_by_group or {}).items():
        initial["group_" + key] = value
    return initial


class StateForm(forms.Form):
    state = forms.ChoiceField(label=_("Neuer Stand"))
    reached_on = forms.DateField(label=_("erreicht am"), widget=DateInput())
    note = forms.CharField(label=_("Anmerkung"), max_length=300, required=False)

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            (state, Activity.State(state).label) for state in Activity.TRANSITIONS[activity.state]
        ]


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(label=_("Rolle"), choices=ActivityPartner.Role.choices)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.for_municipality(municipality).order_by(
            "name"
        )


class PictureUploadForm(forms.Form):
    image = forms.FileField(label=_("Bild (JPEG, PNG oder WebP, höchstens 10 MB)"))
    credit = forms.CharField(
        label=_("Bildnachweis"),
        max_length=300,
        required=False,
        help_text=_("z. B. © Stadt Kempten (Allgäu) / Christiane Lenk"),
    )
    alt_text = forms.CharField(
        label=_("Alternativtext"),
        max_length=500,
        required=False,
        help_text=_("Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen."),
    )
    shows_people = forms.BooleanField(label=_("zeigt erkennbare Personen"), required=False)
    people_consent = forms.BooleanField(
        label=_("Einwilligung der abgebildeten Personen liegt vor"), required=False
    )


class PictureForm(forms.Form):
    credit = PictureUploadForm.base_fields["credit"]
    alt_text = PictureUploadForm.base_fields["alt_text"]
    shows_people = PictureUploadForm.base_fields["shows_people"]
    people_consent = PictureUploadForm.base_fields["people_consent"]
    public = forms.BooleanField(
        label=_("öffentlich zeigen"),
        required=False,
        help_text=_(
            "Nur mit Bildnachweis, Alternativtext und, bei erkennbaren Personen, deren Einwilligung."
        ),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("PDF-Datei (höchstens 10 MB)"))
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    public = forms.BooleanField(label=_("öffentlich zeigen"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tabelle (XLSX oder CSV)"),
        help_text=_("Eine Zeile je Aktivität, wie im Export oder in der Vorlage. Höchstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class VenueForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    address = forms.CharField(label=_("Anschrift"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    step_free = forms.BooleanField(label=_("stufenlos erreichbar"), required=False)
    hearing_loop = forms.BooleanField(label=_("Induktionsschleife"), required=False)
    accessibility_notes = forms.CharField(
        label=_("Hinweise zur Barrierefreiheit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=Venue._meta.get_field("accessibility_notes").help_text,
    )
    online_link = forms.URLField(
        label=_("Link für Online-Termine"),
        required=False,
        assume_scheme="https",
        help_text=_("Nur für Online-Angebote; dann bleibt die Anschrift leer."),
    )


class TargetGroupForm(forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung"),
        max_length=120,
        help_text=_("z. B. internationale Pflegekräfte, Eltern von Schulkindern, neu zugewanderte Frauen"),
    )
