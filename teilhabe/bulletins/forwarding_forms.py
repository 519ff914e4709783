"""Forms of passing an item on ("Direkt weitergeben") and of the topics an organisation or a contact asked to
hear about. They validate input only; services/forwarding.py saves and sends."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models import Topic
from teilhabe.languages import language_name


class ChooseForm(forms.Form):
    """Step one (GET): the topic whose interested organisations and contacts the page proposes, and the
    language the item goes out in."""

    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=None,
        help_text=_("Vorgeschlagen werden die Organisationen und Personen, die dieses Thema gewählt haben."),
    )
    sprache = forms.ChoiceField(label=_("Sprache der E-Mail"))

    def __init__(self, *args, municipality, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = Topic.objects.for_municipality(municipality)
        self.fields["sprache"].choices = [(code, language_name(code)) for code in languages]


class SendForm(ChooseForm):
    """Step two (POST): the chosen recipients among the proposed ones that may be e-mailed."""

    recipients = forms.MultipleChoiceField(
        label=_("Empfänger:innen"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("thema", "sprache"):  # chosen in step one
            self.fields[name].widget = forms.HiddenInput()
        self.fields["recipients"].choices = [(c.value, _label(c)) for c in candidates if c.sendable]


def _label(candidate) -> str:
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    where = f" ({candidate.organisation.name})" if candidate.contact else ""
    label = f"{candidate.name}{where}, {candidate.address}"
    if candidate.last_sent:
        when = date_format(localtime(candidate.last_sent), "SHORT_DATE_FORMAT")
        label += " – " + str(_("schon weitergegeben am %(date)s") % {"date": when})
    return label


class InterestsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Beiträge zu diesen Themen kann das Amt direkt an diese Adresse weitergeben."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.for_municipality(municipality)
