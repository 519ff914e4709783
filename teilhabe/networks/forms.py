"""Forms of the network pages. They validate input only; the named actions in services/ save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.forms import DateInput, TimeInput
from teilhabe.concept.models import FieldOfAction, Goal
from teilhabe.directory.models import Contact, Organisation
from teilhabe.networks.models import Idea, Meeting, Network, NetworkMember, Task


def _organisations(municipality):
    return Organisation.objects.for_municipality(municipality).order_by("name")


def _contacts(municipality):
    return (
        Contact.objects.for_municipality(municipality)
        .filter(erased_at__isnull=True)
        .select_related("organisation")
        .order_by("name")
    )


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "%s (%s)" % (obj.name, obj.organisation.name) if obj.organisation_id else obj.name


class MemberChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class NetworkForm(forms.ModelForm):
    convened_by_contact = ContactChoiceField(
        label=_("einberufen von (Person)"), queryset=Contact.objects.none(), required=False
    )

    class Meta:
        model = Network
        fields = [
            "name", "kind", "purpose", "convened_by_organisation", "convened_by_contact", "rhythm", "format",
            "fields_of_action", "public",
        ]  # fmt: skip
        widgets = {
            "fields_of_action": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convened_by_organisation"].queryset = _organisations(municipality)
        self.fields["convened_by_contact"].queryset = _contacts(municipality)
        self.fields["fields_of_action"].queryset = FieldOfAction.objects.for_municipality(
            municipality
        ).filter(concept__is_current=True)

    def values(self):
        return dict(self.cleaned_data)


class MemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    contact = ContactChoiceField(label=_("Ansprechperson"), queryset=Contact.objects.none(), required=False)
    role = forms.CharField(
        label=_("Rolle"), max_length=120, required=False, help_text=_("z. B. Sprecherin, Mitglied")
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations(municipality)
        self.fields["contact"].queryset = _contacts(municipality)

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not data.get("contact"):
            raise forms.ValidationError(_("Bitte wählen Sie eine Organisation oder eine Ansprechperson."))
        return data


class MeetingForm(forms.ModelForm):
    topics = forms.CharField(
        label=_("Themen"), required=False, help_text=_("Durch Kommas getrennt, z. B. Klimaschutz, Kultur")
    )
    online_link = forms.URLField(
        label=_("Link für die Online-Teilnahme"), required=False, assume_scheme="https"
    )
    invited = MemberChoiceField(label=_("eingeladen"), queryset=NetworkMember.objects.none(), required=False)
    attending = MemberChoiceField(label=_("anwesend"), queryset=NetworkMember.objects.none(), required=False)

    class Meta:
        model = Meeting
        fields = [
            "title", "date", "start_time", "end_time", "place", "online_link", "agenda", "topics", "minutes",
            "decisions", "invited", "attending",
        ]  # fmt: skip
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "minutes": _("Absätze durch Leerzeilen trennen; einfache HTML-Auszeichnung ist erlaubt.")
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["topics"] = ", ".join(self.instance.topics or [])
        members = NetworkMember.objects.filter(network=network).select_related("organisation", "contact")
        self.fields["invited"].queryset = members
        self.fields["attending"].queryset = members

    def values(self):
        return dict(self.cleaned_data)


class TaskForm(forms.ModelForm):
    assignee_contact = ContactChoiceField(
        label=_("zuständig (Ansprechperson)"), queryset=Contact.objects.none(), required=False
    )

    class Meta:
        model = Task
        fields = ["title", "meeting", "assignee_user", "assignee_contact", "due_on", "remind", "done"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, municipality, network=None, **kwargs):
        from teilhabe.accounts.models import User

        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.for_municipality(municipality).select_related("network")
        if network is not None:
            meetings = meetings.filter(network=network)
        self.fields["meeting"].queryset = meetings
        self.fields["assignee_user"].queryset = User.objects.filter(
            memberships__municipality=municipality, memberships__is_active=True, is_active=True
        ).distinct()
        self.fields["assignee_user"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["assignee_contact"].queryset = _contacts(municipality)

    def values(self):
        return dict(self.cleaned_data)


class IdeaForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = [
            "title", "description", "network", "meeting", "collected_at", "proposed_by_organisation",
            "proposed_by", "state",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, municipality, networks=None, **kwargs):
        super().__init__(*args, **kwargs)
        all_networks = Network.objects.for_municipality(municipality)
        self.fields["network"].queryset = networks if networks is not None else all_networks
        self.fields["network"].required = networks is not None
        meetings = Meeting.objects.for_municipality(municipality).select_related("network")
        if networks is not None:
            meetings = meetings.filter(network__in=networks)
        self.fields["meeting"].queryset = meetings
        self.fields["proposed_by_organisation"].queryset = _organisations(municipality)

    def values(self):
        return dict(self.cleaned_data)


class IdeaFilterForm(forms.Form):
    stand = forms.ChoiceField(label=_("Stand"), required=False)
    netzwerk = forms.TypedChoiceField(label=_("Netzwerk"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, municipality):
        super().__init__(data)
        everything = [("", _("alle"))]
        self.fields["stand"].choices = everything + list(Idea.State.choices)
        self.fields["netzwerk"].choices = everything + list(
            Network.objects.for_municipality(municipality).values_list("pk", "name")
        )


class IdeaToActivityForm(forms.Form):
    title = forms.CharField(label=_("Titel der Aktivität"), max_length=300)
    starts_on = forms.DateField(label=_("Datum (Beginn)"), required=False, widget=DateInput())


class IdeaToMeasureForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Ziel"), queryset=Goal.objects.none())
    number = forms.CharField(label=_("Nummer der Maßnahme"), max_length=20, help_text=_("z. B. 2.3.1"))
    title = forms.CharField(label=_("Titel der Maßnahme"), max_length=500)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = (
            Goal.objects.for_municipality(municipality)
            .filter(field_of_action__concept__is_current=True)
            .order_by("sort_key")
        )
