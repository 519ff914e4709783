from django import forms

from teilhabe.municipalities.models import Municipality


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = [
            "name", "office_name", "office_address", "office_email", "office_phone", "office_hours",
            "logo", "logo_credit", "disclosure_threshold",
        ]  # fmt: skip
        widgets = {
            "office_address": forms.Textarea(attrs={"rows": 3}),
            "office_hours": forms.Textarea(attrs={"rows": 3}),
        }
