"""The filters of the office's log page (a GET form)."""

from auditlog.models import LogEntry
from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.models import User
from teilhabe.audit.services import ACTION_LABELS, audited_models


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


class LogFilterForm(forms.Form):
    typ = forms.ChoiceField(label=_("Art des Eintrags"), required=False)
    objekt = forms.IntegerField(required=False, widget=forms.HiddenInput)
    aktion = forms.TypedChoiceField(label=_("Aktion"), required=False, coerce=int, empty_value=None)
    person = forms.ModelChoiceField(
        label=_("Person"), required=False, queryset=User.objects.none(), empty_label=_("alle Personen")
    )
    von = forms.DateField(
        label=_("von (Datum)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    bis = forms.DateField(
        label=_("bis (Datum)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, data, municipality):
        super().__init__(data)
        self.models = {model_key(m): m for m in audited_models()}
        self.fields["typ"].choices = [("", _("alle Arten"))] + [
            (key, m._meta.verbose_name_plural) for key, m in self.models.items()
        ]
        self.fields["aktion"].choices = [("", _("alle Aktionen"))] + [
            (value, label) for value, label in ACTION_LABELS.items()
        ]
        self.fields["person"].queryset = (
            User.objects.filter(memberships__municipality=municipality)
            .distinct()
            .order_by("last_name", "email")
        )

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["von"] > data["bis"]:
            self.add_error("bis", _("Das Ende liegt vor dem Anfang."))
        return data

    def filters(self):
        """Keyword arguments for services.filter_entries; empty when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        model = self.models.get(data["typ"]) if data["typ"] else None
        return {
            "model": model,
            "object_id": data["objekt"] if model else None,
            "action": data["aktion"] if data["aktion"] in dict(LogEntry.Action.choices) else None,
            "actor": data["person"],
            "since": data["von"],
            "until": data["bis"],
            "text": data["q"].strip(),
        }
