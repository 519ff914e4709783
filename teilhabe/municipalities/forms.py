from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from teilhabe.municipalities.logo import reencode_logo
from teilhabe.municipalities.models import Municipality


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = [
            "name", "office_name", "office_address", "office_email", "office_phone", "office_hours",
            "logo", "logo_credit", "disclosure_threshold", "office_two_factor_required", "imprint",
            "privacy_notice",
        ]  # fmt: skip
        widgets = {
            "office_address": forms.Textarea(attrs={"rows": 3}),
            "office_hours": forms.Textarea(attrs={"rows": 3}),
            "imprint": forms.Textarea(attrs={"rows": 6}),
            "privacy_notice": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        floor = settings.DISCLOSURE_THRESHOLD
        field = self.fields["disclosure_threshold"]
        field.widget.attrs["min"] = floor
        field.help_text = _(
            "Fallzahlen von 1 bis zu diesem Wert werden nie veröffentlicht. Mindestens %(floor)d (von der Installation vorgegeben)."
        ) % {"floor": floor}
        self.fields["logo"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp"
        self.fields["logo"].help_text = _("PNG, JPEG oder WebP, höchstens 2 MB.")

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not isinstance(logo, UploadedFile):
            return logo  # unchanged or removed
        return reencode_logo(logo, "logo-%s" % self.instance.slug)


class OfficeContactForm(forms.ModelForm):
    """The guide's first step: the office's contact details, opening hours and logo with its credit."""

    class Meta:
        model = Municipality
        fields = [
            "office_name", "office_address", "office_email", "office_phone", "office_hours", "logo", "logo_credit",
        ]  # fmt: skip
        widgets = {
            "office_address": forms.Textarea(attrs={"rows": 3}),
            "office_hours": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp"
        self.fields["logo"].help_text = _("PNG, JPEG oder WebP, höchstens 2 MB.")
        self.fields["logo_credit"].help_text = _(
            "Zum Beispiel „© Stadt Musterstadt“. Pflicht, wenn ein Logo hochgeladen ist."
        )

    clean_logo = MunicipalityForm.clean_logo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not (cleaned.get("logo_credit") or "").strip():
            self.add_error("logo_credit", _("Bitte geben Sie den Bildnachweis des Logos an."))
        return cleaned
