"""Forms of the concept area. Every choice of related objects is limited to the request's municipality
(and to the concept at hand)."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from teilhabe.concept import models as m
from teilhabe.concept.services.measures import ANY, INVOLVED, LEAD, MeasureFilter
from teilhabe.concept.services.structure import (
    CONCEPT_FIELDS,
    MEASURE_FIELDS,
    is_placeholder_title,
    parse_tags,
)
from teilhabe.directory.models import Organisation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ColourInput(forms.TextInput):
    """A colour picker. It always holds a colour, so HTML allows neither `required` nor `maxlength` on it."""

    input_type = "color"

    def use_required_attribute(self, initial):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("maxlength", None)
        return context


class FastSelect(forms.Select):
    """A <select> rendered in Python: Django renders every <option> through a template include, which makes
    a filter form with a few hundred options the slowest part of the measure list. Flat choices only."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [
            format_html(
                '<option value="{}"{}>{}</option>',
                option["value"],
                mark_safe(" selected") if option["selected"] else "",
                option["label"],
            )
            for _group, choices, _index in widget["optgroups"]
            for option in choices
        ]
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(options)),
        )


def unique_number_error(queryset, number, instance, message):
    if queryset.filter(number=number).exclude(pk=instance.pk).exists():
        raise forms.ValidationError(message)
    return number


class ConceptForm(forms.ModelForm):
    class Meta:
        model = m.Concept
        fields = list(CONCEPT_FIELDS)  # what the named actions create_concept/update_concept take
        widgets = {"adopted_on": DateInput()}

    def clean_title(self):
        title = self.cleaned_data["title"]
        if is_placeholder_title(title):
            raise forms.ValidationError(
                _("Das ist der Platzhalter aus der Vorlage. Bitte tragen Sie den Titel Ihres Konzepts ein.")
            )
        return title

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Das Ende der Laufzeit liegt vor ihrem Beginn."))
        return data


class FieldOfActionForm(forms.ModelForm):
    class Meta:
        model = m.FieldOfAction
        fields = ["number", "title", "description", "colour"]
        widgets = {"colour": ColourInput()}

    def clean_number(self):
        return unique_number_error(
            m.FieldOfAction.objects.filter(concept=self.instance.concept),
            self.cleaned_data["number"],
            self.instance,
            _("Diese Nummer hat schon ein anderes Handlungsfeld."),
        )


class GoalForm(forms.ModelForm):
    class Meta:
        model = m.Goal
        fields = ["field_of_action", "number", "title", "description"]

    def __init__(self, *args, concept, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].queryset = m.FieldOfAction.objects.filter(concept=concept)


_AFTER_LEAD = MEASURE_FIELDS.index("lead") + 1


class MeasureForm(forms.ModelForm):
    tags_text = forms.CharField(
        label=_("Schlagwörter"),
        required=False,
        help_text=_("Mehrere Schlagwörter mit Komma trennen, z. B. Sprache, Kita."),
    )
    foci = forms.ModelMultipleChoiceField(
        label=_("Schwerpunkte"),
        queryset=m.Focus.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # the measure's version when the form was opened (optimistic locking, services/versions.py)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = m.Measure
        # save_measure's fields, with the involved organisations after the lead
        fields = [*MEASURE_FIELDS[:_AFTER_LEAD], "involved", *MEASURE_FIELDS[_AFTER_LEAD:]]
        widgets = {"start": DateInput(), "end": DateInput(), "involved": forms.CheckboxSelectMultiple}
        help_texts = {"involved": _("Ämter und Partner, die an der Maßnahme mitwirken.")}

    def __init__(self, *args, concept, **kwargs):
        super().__init__(*args, **kwargs)
        self.concept = concept
        organisations = Organisation.objects.filter(municipality_id=concept.municipality_id).exclude(
            kind=Organisation.Kind.COMMUNITY
        )
        self.fields["goal"].queryset = m.Goal.objects.filter(field_of_action__concept=concept).select_related(
            "field_of_action"
        )
        self.fields["lead"].queryset = organisations
        self.fields["involved"].queryset = organisations
        self.fields["foci"].queryset = m.Focus.objects.filter(concept=concept)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())
            self.fields["foci"].initial = list(self.instance.foci.all())

    def clean_number(self):
        return unique_number_error(
            m.Measure.objects.filter(concept=self.concept),
            self.cleaned_data["number"],
            self.instance,
            _("Diese Nummer hat schon eine andere Maßnahme dieses Konzepts."),
        )

    def clean_tags_text(self):
        return parse_tags(self.cleaned_data["tags_text"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Das Ende liegt vor dem Beginn."))
        return data


class StatusForm(forms.ModelForm):
    class Meta:
        model = m.Status
        fields = [
            "name",
            "colour",
            "order",
            "counts_as_started",
            "counts_as_implemented",
            "progress",
            "is_active",
        ]
        widgets = {"colour": ColourInput()}
        help_texts = {
            "counts_as_started": _("Maßnahmen mit diesem Status gelten im Umsetzungsstand als begonnen."),
            "counts_as_implemented": _(
                "Maßnahmen mit diesem Status gelten als umgesetzt (und nie als überfällig)."
            ),
            "is_active": _(
                "Nicht wählbare Status bleiben an alten Meldungen erhalten, stehen aber nicht mehr zur Auswahl."
            ),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = m.Status.objects.filter(municipality=self.municipality, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Diesen Status gibt es schon."))
        return name

    def clean_progress(self):
        progress = self.cleaned_data["progress"]
        if progress > 100:
            raise forms.ValidationError(_("Der Fortschritt liegt zwischen 0 und 100 %."))
        return progress

    def clean(self):
        data = super().clean()
        if data.get("counts_as_implemented") and not data.get("counts_as_started"):
            data["counts_as_started"] = True  # implemented implies started
        return data


class FocusForm(forms.ModelForm):
    class Meta:
        model = m.Focus
        fields = ["year", "title", "description", "fields_of_action", "measures"]
        widgets = {"fields_of_action": forms.CheckboxSelectMultiple}
        help_texts = {
            "fields_of_action": _("Alle Maßnahmen dieser Handlungsfelder gehören zum Schwerpunkt."),
            "measures": _("Zusätzlich einzelne Maßnahmen (Strg-Taste für mehrere)."),
        }

    def __init__(self, *args, concept, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields_of_action"].queryset = m.FieldOfAction.objects.filter(concept=concept)
        self.fields["measures"].queryset = m.Measure.objects.filter(concept=concept)
        self.fields["measures"].widget.attrs["size"] = 12


class RoundForm(forms.ModelForm):
    class Meta:
        model = m.ReportingRound
        fields = ["title", "due_date"]
        widgets = {"due_date": DateInput()}
        help_texts = {"title": _("z. B. Zwischenstand Oktober 2023")}


class ReportForm(forms.Form):
    status = forms.ModelChoiceField(label=_("Status"), queryset=m.Status.objects.none(), empty_label=None)
    done = forms.CharField(
        label=_("Was wurde umgesetzt?"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    next_steps = forms.CharField(
        label=_("Nächste Schritte"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    obstacles = forms.CharField(
        label=_("Hindernisse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Was behindert die Umsetzung? Wobei braucht es Unterstützung?"),
    )
    # the report's version when the form was opened; 0: there was no report yet (services/versions.py)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, municipality, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = m.Status.objects.filter(municipality=municipality)
        if current is not None:
            statuses = statuses.filter(pk=current.pk) | statuses.filter(is_active=True)
        else:
            statuses = statuses.filter(is_active=True)
        self.fields["status"].queryset = statuses.order_by("order", "name")


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Was fehlt noch?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Die Redaktion sieht diesen Hinweis bei der Meldung."),
    )


RESPONSIBILITY_CHOICES = [
    (ANY, _("federführend oder beteiligt")),
    (LEAD, _("federführend")),
    (INVOLVED, _("beteiligt")),
]


class MeasureFilterForm(forms.Form):
    q = forms.CharField(label=_("Suche"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=m.FieldOfAction.objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    ziel = forms.ModelChoiceField(
        label=_("Ziel"),
        queryset=m.Goal.objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=FastSelect)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    rolle = forms.ChoiceField(
        label=_("Rolle der Organisation"), choices=RESPONSIBILITY_CHOICES, required=False, widget=FastSelect
    )
    schwerpunkt = forms.ModelChoiceField(
        label=_("Schwerpunkt"),
        queryset=m.Focus.objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    schlagwort = forms.ModelChoiceField(
        label=_("Schlagwort"),
        queryset=m.Tag.objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    ueberfaellig = forms.BooleanField(label=_("nur überfällige"), required=False)

    def __init__(self, *args, concept, **kwargs):
        super().__init__(*args, **kwargs)
        municipality_id = concept.municipality_id
        self.fields["handlungsfeld"].queryset = m.FieldOfAction.objects.filter(concept=concept).only(
            "pk", "number", "title"
        )
        self.fields["ziel"].queryset = m.Goal.objects.filter(field_of_action__concept=concept).only(
            "pk", "number", "title", "sort_key"
        )
        self.statuses = list(m.Status.objects.filter(municipality_id=municipality_id))
        self.fields["status"].choices = [
            ("", _("alle")),
            *[(str(s.pk), s.name) for s in self.statuses],
            ("none", _("noch kein Status")),
        ]
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(municipality_id=municipality_id)
            .exclude(kind=Organisation.Kind.COMMUNITY)
            .only("pk", "name")
        )
        self.fields["schwerpunkt"].queryset = m.Focus.objects.filter(concept=concept)
        self.fields["schlagwort"].queryset = m.Tag.objects.filter(municipality_id=municipality_id).only(
            "pk", "name"
        )

    def criteria(self):
        if not self.is_valid():
            return MeasureFilter()
        d = self.cleaned_data
        status = d.get("status") or None
        if status and status != "none":
            status = next((s for s in self.statuses if str(s.pk) == status), None)
        return MeasureFilter(
            field_of_action=d.get("handlungsfeld"),
            goal=d.get("ziel"),
            status=status,
            organisation=d.get("organisation"),
            responsibility=d.get("rolle") or ANY,
            focus=d.get("schwerpunkt"),
            tag=d.get("schlagwort"),
            text=d.get("q", ""),
            overdue=bool(d.get("ueberfaellig")),
        )

    def is_filtered(self):
        return self.is_bound and any(v not in (None, "", False) for k, v in self.data.items() if k != "seite")


class CompareForm(forms.Form):
    von = forms.ModelChoiceField(label=_("Frühere Runde"), queryset=m.ReportingRound.objects.none())
    bis = forms.ModelChoiceField(label=_("Spätere Runde"), queryset=m.ReportingRound.objects.none())

    def __init__(self, *args, concept, **kwargs):
        super().__init__(*args, **kwargs)
        rounds = m.ReportingRound.objects.filter(concept=concept).order_by("due_date", "pk")
        self.fields["von"].queryset = rounds
        self.fields["bis"].queryset = rounds

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("von") == data.get("bis"):
            raise forms.ValidationError(_("Bitte wählen Sie zwei verschiedene Runden."))
        return data
