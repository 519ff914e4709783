"""The upload form of the concept import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe import sheets
from teilhabe.concept.models import Concept
from teilhabe.sheets.errors import human_size

NEW = "neu"


class ConceptImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tabelle (XLSX oder CSV)"),
        help_text=_("Eine Zeile je Maßnahme, siehe Vorlage. Höchstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    concept = forms.ChoiceField(label=_("Importieren in"))
    title = forms.CharField(
        label=_("Titel des neuen Konzepts"),
        required=False,
        max_length=300,
        help_text=_("Nur für ein neues Konzept. Leer: die erste Zeile über der Kopfzeile der Tabelle."),
    )
    short_name = forms.CharField(
        label=_("Kurzname des neuen Konzepts"),
        required=False,
        max_length=40,
        help_text=_("Nur für ein neues Konzept, z. B. KIK. Leer: aus der Zeile „Kurzname: …“ der Tabelle."),
    )

    def __init__(self, *args, concepts, **kwargs):
        super().__init__(*args, **kwargs)
        self.concepts = {str(c.pk): c for c in concepts}
        self.fields["concept"].choices = [(str(c.pk), f"{c.title} ({c.short_name})") for c in concepts] + [
            (NEW, _("ein neues Konzept"))
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = sheets.limits_for("concept").max_bytes
        if upload.size > limit:  # the same check and words as the reader's, before the file is read at all
            raise forms.ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s.")
                % {"size": human_size(upload.size), "limit": human_size(limit)}
            )
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(
                _("Bitte eine Excel-Arbeitsmappe (.xlsx) oder eine CSV-Datei hochladen.")
            )
        return upload

    def clean_concept(self) -> Concept | None:
        value = self.cleaned_data["concept"]
        return None if value == NEW else self.concepts[value]
