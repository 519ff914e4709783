"""Forms of the send page: the test send to oneself and the (scheduled) send."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import language_name


class TestSendForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Sprachfassungen"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Je Sprache eine E-Mail."),
    )

    def __init__(self, *args, issue, **kwargs):
        super().__init__(*args, **kwargs)
        codes = issue.bulletin.all_languages
        self.fields["languages"].choices = [(code, language_name(code)) for code in codes]
        self.fields["languages"].initial = ["de"]


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Versand am"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
        help_text=_("Leer lassen, um sofort zu versenden."),
    )

    def when_or_now(self):
        return self.cleaned_data.get("when") or timezone.now()
