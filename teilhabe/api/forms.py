from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.api.tokens import usable_municipalities


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung"),
        max_length=100,
        help_text=_("Wofür der Schlüssel dient, z. B. „Auswertung Fachamt“."),
    )
    municipality = forms.ChoiceField(label=_("Kommune"))

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("prefix", "api")
        super().__init__(*args, **kwargs)
        self.municipalities = {m.slug: m for m in usable_municipalities(user)}
        self.fields["municipality"].choices = [(slug, m.name) for slug, m in self.municipalities.items()]
        self.fields["municipality"].help_text = _("Der Schlüssel liest nur die Daten dieser einen Kommune.")

    def clean_municipality(self):
        return self.municipalities[self.cleaned_data["municipality"]]
