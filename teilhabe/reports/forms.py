from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.forms import DateInput
from teilhabe.reports import catalogue
from teilhabe.reports.models import ActivityReport


class ReportForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    audience = forms.ChoiceField(
        label=_("Zielgruppe"),
        choices=ActivityReport.Audience.choices,
        help_text=_(
            "Für die Öffentlichkeit: nur öffentliche Aktivitäten und Bilder, Zahlen mit Geheimhaltung."
        ),
    )
    period_from = forms.DateField(label=_("Zeitraum von"), widget=DateInput())
    period_to = forms.DateField(label=_("Zeitraum bis"), widget=DateInput())
    date = forms.DateField(label=_("Datum des Berichts"), widget=DateInput())
    sections = forms.MultipleChoiceField(
        label=_("Abschnitte"),
        choices=catalogue.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Nichts gewählt: alle Abschnitte. Die Reihenfolge legt das Feld „Reihenfolge“ fest."),
    )
    order = forms.CharField(
        label=_("Reihenfolge"),
        required=False,
        help_text=_(
            "Die Nummern der Abschnitte in der gewünschten Folge, z. B. 1, 2, 5, 3. Leer: wie aufgeführt."
        ),
    )
    introduction = forms.CharField(
        label=_("Einleitung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    outlook = forms.CharField(label=_("Ausblick"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in catalogue.SECTIONS:
            if section.key in ("title", "agenda"):
                continue
            self.fields["note_" + section.key] = forms.CharField(
                label=_("Anmerkung zu „%(section)s“") % {"section": section.label},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def clean_order(self):
        text = self.cleaned_data["order"].replace(";", ",")
        numbers = []
        for part in [p.strip() for p in text.split(",") if p.strip()]:
            if not part.isdigit() or not 1 <= int(part) <= len(catalogue.SECTIONS):
                raise forms.ValidationError(
                    _("„%(value)s“ ist keine Nummer eines Abschnitts (1 bis %(max)s).")
                    % {"value": part, "max": len(catalogue.SECTIONS)}
                )
            numbers.append(int(part))
        return numbers

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", _("Der Zeitraum endet vor seinem Beginn."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        keys = [s.key for s in catalogue.SECTIONS]
        chosen = [k for k in keys if k in data["sections"]] or list(keys)
        ordered = [keys[n - 1] for n in data["order"] if keys[n - 1] in chosen]
        ordered += [k for k in chosen if k not in ordered]
        notes = {k[5:]: v for k, v in data.items() if k.startswith("note_") and v}
        plain = {
            k: data[k]
            for k in ("title", "audience", "period_from", "period_to", "date", "introduction", "outlook")
        }
        return {**plain, "sections": ordered, "notes": notes}

    @classmethod
    def initial_for(cls, report):
        keys = [s.key for s in catalogue.SECTIONS]
        initial = {
            f: getattr(report, f)
            for f in ("title", "audience", "period_from", "period_to", "date", "introduction", "outlook")
        }
        initial["sections"] = list(report.sections)
        initial["order"] = ", ".join(str(keys.index(k) + 1) for k in report.sections if k in keys)
        for key, note in (report.notes or {}).items():
            initial["note_" + key] = note
        return initial


class TemplateForm(forms.Form):
    file = forms.FileField(
        label=_("PowerPoint-Vorlage (.pptx)"),
        help_text=_(
            "Die Folienlayouts der Vorlage werden für die Folien verwendet. Format 16:9, höchstens 20 MB."
        ),
    )
