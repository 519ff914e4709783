"""Forms of the programme pages. They validate input only; the named actions in services.py save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.forms import DateInput
from teilhabe.activities.models import Activity
from teilhabe.directory.models import Organisation
from teilhabe.programmes.models import Funding, Programme


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "funder", "starts_on", "ends_on", "description"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.for_municipality(municipality).order_by("name")


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("Jahr"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Budget (Euro)"), required=False, min_value=0, max_digits=12, decimal_places=2,
        help_text=_("Leer lassen, um das Budget des Jahres zu entfernen."),
    )  # fmt: skip


class FundingForm(forms.ModelForm):
    class Meta:
        model = Funding
        fields = ["activity", "year", "requested", "granted", "spent", "note"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.for_municipality(municipality).order_by("title")


class DeadlineForm(forms.Form):
    title = forms.CharField(label=_("Aufgabe"), max_length=300, initial=_("Verwendungsnachweis einreichen"))
    due_on = forms.DateField(label=_("Frist"), widget=DateInput())
    assignee_user = forms.ModelChoiceField(label=_("zuständig"), queryset=None, required=False)
    remind = forms.BooleanField(label=_("per E-Mail erinnern"), required=False)

    def __init__(self, *args, municipality, **kwargs):
        from teilhabe.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["assignee_user"].queryset = User.objects.filter(
            memberships__municipality=municipality, memberships__is_active=True, is_active=True
        ).distinct()
        self.fields["assignee_user"].label_from_instance = lambda u: u.get_full_name() or u.email
