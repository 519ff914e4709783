"""Forms of the first-run guide that reach into other apps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.directory.models import Organisation
from teilhabe.portal.guide import parse_name_list


class OrganisationListForm(forms.Form):
    names = forms.CharField(
        label=_("Namen, einer je Zeile"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Zum Beispiel aus einer Liste kopiert. Namen, die das Adressbuch schon kennt, werden übersprungen."
        ),
    )
    kind = forms.ChoiceField(label=_("Art"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Organisation.Kind.choices

    def clean_names(self):
        names = parse_name_list(self.cleaned_data["names"])
        if not names:
            raise forms.ValidationError(_("Bitte geben Sie mindestens einen Namen ein."))
        too_long = [n for n in names if len(n) > 200]
        if too_long:
            raise forms.ValidationError(_("Ein Name ist länger als 200 Zeichen."))
        return names
