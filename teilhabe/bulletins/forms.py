"""Forms of the composition pages. They validate input only; the named actions in services/ save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.activities.forms import DateInput
from teilhabe.bulletins.models import Bulletin, IssueItem, Topic
from teilhabe.bulletins.models.layout import COLOURS
from teilhabe.directory.forms import LanguagesField
from teilhabe.languages import LANGUAGES


class BulletinForm(forms.ModelForm):
    languages = LanguagesField(
        label=_("weitere Sprachen"),
        required=False,
        choices=[(code, name) for code, name in LANGUAGES if code != "de"],
        help_text=_("Deutsch ist immer die Ausgangssprache; hier die Sprachen, in die übersetzt wird."),
    )
    colour = forms.ChoiceField(
        label=_("Farbe"),
        choices=[(key, label) for key, (label, _hex) in COLOURS.items()],
        help_text=_("Für Kopfzeile und Überschriften; weiße Schrift ist darauf immer gut lesbar."),
    )
    header_image = forms.FileField(
        label=_("Kopfbild"),
        required=False,
        help_text=_("JPEG, PNG oder WebP, höchstens 5 MB; es wird ohne Metadaten neu gespeichert."),
    )
    header_alt = forms.CharField(
        label=_("Alternativtext des Kopfbilds"),
        required=False,
        max_length=300,
        help_text=_("Was das Bild zeigt, für Menschen, die es nicht sehen; leer, wenn es nur schmückt."),
    )
    header_credit = forms.CharField(label=_("Bildnachweis"), required=False, max_length=200)
    remove_header = forms.BooleanField(label=_("Kopfbild entfernen"), required=False)

    class Meta:
        model = Bulletin
        fields = ["name", "audience", "description", "languages", "sender_name", "reply_to"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, layout=None, **kwargs):
        super().__init__(*args, **kwargs)
        if layout is not None and not self.is_bound:
            self.initial.update(
                colour=layout.colour, header_alt=layout.header_alt, header_credit=layout.header_credit
            )
        if layout is None or not layout.header_image:
            del self.fields["remove_header"]

    def values(self):
        return dict(self.cleaned_data)


class IssueForm(forms.Form):
    number = forms.IntegerField(label=_("Nummer"), min_value=1)
    issue_date = forms.DateField(label=_("Datum"), widget=DateInput())


class NewIssueForm(IssueForm):
    editorial = forms.CharField(
        label=_("Vorwort (Deutsch)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )


def topics_field():
    return forms.ModelMultipleChoiceField(
        label=_("Nur für diese Themen"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Leer: der Beitrag geht an alle. Sonst nur an Empfänger:innen, die eines dieser Themen gewählt "
            "haben, und an alle, die kein Thema gewählt haben. Archiv und PDF zeigen immer alle Beiträge."
        ),
    )


def limit_topics(form, municipality):
    """The municipality's topics; no field at all while it has none."""
    topics = Topic.objects.for_municipality(municipality).order_by("name")
    if topics.exists():
        form.fields["topics"].queryset = topics
    else:
        del form.fields["topics"]


class ItemTopicsForm(forms.Form):
    topics = topics_field()

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        limit_topics(self, municipality)


class ItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Art des Beitrags"), choices=IssueItem.Kind.choices, widget=forms.RadioSelect
    )
    activity = forms.ModelChoiceField(
        label=_("Aktivität"), queryset=None, required=False, help_text=_("Nur anstehende Aktivitäten.")
    )
    network = forms.ModelChoiceField(label=_("Netzwerk"), queryset=None, required=False)
    figure = forms.ChoiceField(
        label=_("Zahl aus dem Faktencheck"),
        required=False,
        help_text=_("Nur veröffentlichte Werte des letzten Stichtags; kleine Fallzahlen bleiben geheim."),
    )
    title = forms.CharField(
        label=_("Überschrift"),
        required=False,
        max_length=300,
        help_text=_("Bei übernommenen Beiträgen leer lassen: dann gilt der Titel der Quelle."),
    )
    body = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    topics = topics_field()

    def __init__(self, *args, municipality, **kwargs):
        from teilhabe.activities.models import Activity
        from teilhabe.activities.services.lists import upcoming
        from teilhabe.bulletins.services.sources import figure_choices
        from teilhabe.networks.models import Network

        super().__init__(*args, **kwargs)
        activities = upcoming(Activity.objects.for_municipality(municipality)).exclude(
            state__in=[Activity.State.IDEA, Activity.State.CANCELLED]
        )
        self.fields["activity"].queryset = activities.order_by("first_on", "title")
        self.fields["network"].queryset = Network.objects.for_municipality(municipality).order_by("name")
        self.fields["figure"].choices = [("", "---------"), *figure_choices(municipality)]
        limit_topics(self, municipality)

    def values(self):
        data = dict(self.cleaned_data)
        kind = data.pop("kind")
        return kind, data


class TextForm(forms.Form):
    title = forms.CharField(label=_("Überschrift"), required=False, max_length=300)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )
    minor = forms.BooleanField(
        label=_("kleine Korrektur"),
        required=False,
        help_text=_("Tippfehler oder Zeichensetzung: die Übersetzungen bleiben aktuell."),
    )

    def __init__(self, *args, german=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not german:
            del self.fields["minor"]


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Versand geplant für"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
