"""Forms of the distribution lists (the office's pages and the public sign-up). They validate input only;
services/subscribing.py saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.list_layout import BASES
from teilhabe.bulletins.models import Bulletin, DistributionList, Topic
from teilhabe.bulletins.models.lists import DEFAULT_CONSENT_TEXT
from teilhabe.languages import language_name

#: The hidden field bots fill in and people never see.
HONEYPOT = "website"


class ListForm(forms.ModelForm):
    class Meta:
        model = DistributionList
        fields = ["bulletin", "language", "public_signup", "consent_text"]
        widgets = {"consent_text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        bulletins = list(Bulletin.objects.for_municipality(municipality))
        self.fields["bulletin"].queryset = Bulletin.objects.for_municipality(municipality)
        codes = []
        for bulletin in bulletins:
            codes += [code for code in bulletin.all_languages if code not in codes]
        self.fields["language"] = forms.ChoiceField(
            label=_("Sprache"),
            choices=[(code, language_name(code)) for code in codes or ["de"]],
            help_text=_("Eine der Sprachen der Reihe; je Reihe und Sprache gibt es einen Verteiler."),
        )
        if not self.instance.pk:
            self.initial.setdefault("consent_text", str(DEFAULT_CONSENT_TEXT))
        else:
            for name in ("bulletin", "language"):
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        bulletin, language = data.get("bulletin"), data.get("language")
        if bulletin and language and language not in bulletin.all_languages:
            self.add_error("language", _("Diese Sprache bietet die Reihe nicht an."))
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TopicForm(forms.Form):
    name = forms.CharField(label=_("Thema"), max_length=80)


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail"),
        help_text=_(
            "Sie bekommen eine E-Mail mit einem Link. Erst wenn Sie ihn öffnen, sind Sie eingetragen."
        ),
    )
    name = forms.CharField(label=_("Name (freiwillig)"), max_length=200, required=False)
    distribution_list = forms.TypedChoiceField(label=_("Sprache"), coerce=int, widget=forms.RadioSelect)
    consent = forms.BooleanField(
        error_messages={"required": _("Ohne Einwilligung können wir Ihnen nichts schicken.")},
    )

    def __init__(self, *args, lists, chosen, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("distribution_list", chosen.pk)
        super().__init__(*args, **kwargs)
        self.lists = {dlist.pk: dlist for dlist in lists}
        self.fields["distribution_list"].choices = [(pk, d.language_label) for pk, d in self.lists.items()]
        self.fields["consent"].label = chosen.consent_text

    @property
    def chosen(self) -> DistributionList:
        return self.lists[self.cleaned_data["distribution_list"]]


class PreferencesForm(forms.Form):
    """One language choice per bulletin the person receives (or "none"), and the topics."""

    def __init__(self, *args, subscriptions, lists_by_bulletin, topics, chosen_topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.bulletin_fields = []
        for subscription in subscriptions:
            bulletin = subscription.distribution_list.bulletin
            choices = [(d.language, d.language_name) for d in lists_by_bulletin.get(bulletin.pk, [])]
            choices.append(("", _("nicht mehr erhalten")))
            name = f"bulletin_{bulletin.pk}"
            self.fields[name] = forms.ChoiceField(
                label=_("%(name)s: Sprache") % {"name": bulletin.name},
                choices=choices,
                required=False,
                initial=subscription.distribution_list.language,
                widget=forms.RadioSelect,
            )
            self.bulletin_fields.append((bulletin.pk, name))
        self.fields["topics"] = forms.ModelMultipleChoiceField(
            label=_("Themen, die Sie besonders interessieren"),
            help_text=_(
                "Beiträge zu einem Thema bekommen Sie nur, wenn Sie es gewählt haben; Beiträge für alle bekommen "
                "Sie immer. Ohne Auswahl bekommen Sie jede Ausgabe ganz."
            ),
            queryset=topics,
            required=False,
            initial=chosen_topics,
            widget=forms.CheckboxSelectMultiple,
        )

    def languages(self) -> dict:
        return {pk: self.cleaned_data.get(name) or "" for pk, name in self.bulletin_fields}


class ContactsForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(
        label=_("Ansprechpersonen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur Ansprechpersonen mit E-Mail-Adresse und gültiger Einwilligung im Adressbuch."),
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = contacts
        self.fields["contacts"].label_from_instance = lambda c: f"{c.name} ({c.organisation.name})"


class PrivacySearchForm(forms.Form):
    adresse = forms.EmailField(label=_("E-Mail-Adresse"))


def topics_of(municipality):
    return Topic.objects.for_municipality(municipality)


class ListImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tabelle (XLSX oder CSV)"),
        help_text=_("Eine Zeile je Adresse, wie in der Vorlage. Höchstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    basis = forms.ChoiceField(
        label=_("Rechtsgrundlage für die ganze Datei"),
        required=False,
        choices=[("", _("steht je Zeile in der Spalte „Rechtsgrundlage“"))],
        help_text=_(
            "Einwilligung: nur wenn jede Person schon eingewilligt hat und Sie das belegen können (Datum und "
            "Nachweis); die Adressen sind dann sofort eingetragen. Öffentliche Aufgabe: die Personen bekommen "
            "eine Bestätigungs-E-Mail und erst nach ihrer Bestätigung Ausgaben. Eine Angabe in der Zeile gilt "
            "vor dieser Wahl. Ohne Rechtsgrundlage wird niemand übernommen."
        ),
    )
    proof = forms.CharField(
        label=_("Nachweis der Einwilligungen"),
        required=False,
        max_length=250,
        help_text=_(
            "Wo die Einwilligungen liegen, wenn die Datei keine Spalte „Nachweis“ hat (etwa: Anmeldelisten "
            "2023, Akte 12-4). Wird mit jeder Adresse als Nachweis gespeichert."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basis"].choices += [(key, str(label)) for key, label in BASES.items()]

    def params(self) -> dict:
        return {"basis": self.cleaned_data["basis"], "proof": self.cleaned_data["proof"].strip()}
