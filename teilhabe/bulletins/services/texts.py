"""Language versions of an issue's texts: writing a version (German or a translation), approving a machine
translation, and the state of every translation, computed from the versions alone.

A translation in language L is **up to date** when it was made from (`based_on`) the last German version that
was not a minor edit, or a later one; **outdated** when a German version that is not a minor edit came after
it; **missing** when there is none. The first German version always counts (it is never minor)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.bulletins.models import Text, TextVersion
from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "up_to_date"
STATE_LABELS = {
    MISSING: gettext_lazy("fehlt"),
    OUTDATED: gettext_lazy("veraltet"),
    UP_TO_DATE: gettext_lazy("aktuell"),
}


def ensure_editable(issue):
    """Refuse every change to an issue that is sent or being sent."""
    from teilhabe.bulletins.models import IssueFreeze

    if issue.frozen or IssueFreeze.objects.filter(issue=issue).exists():
        raise ValidationError(_("Diese Ausgabe ist versendet und kann nicht mehr geändert werden."))


def issue_editable(issue) -> bool:
    try:
        ensure_editable(issue)
    except ValidationError:
        return False
    return True


def new_text(issue, kind) -> Text:
    return Text.objects.create(municipality=issue.municipality, issue=issue, kind=kind)


def editorial_of(issue) -> Text:
    text = issue.texts.filter(kind=Text.Kind.EDITORIAL).first()
    return text or new_text(issue, Text.Kind.EDITORIAL)


@transaction.atomic
def save_version(
    text: Text,
    user,
    *,
    language: str,
    title: str = "",
    body: str = "",
    minor: bool = False,
    machine: bool = False,
) -> TextVersion:
    """A new version of `text` in `language`. A German version may be a minor edit (not the first one); a
    translation records the German version it was made from (the latest)."""
    ensure_editable(text.issue)
    offered = text.issue.bulletin.all_languages
    if language not in offered:
        raise ValidationError(_("Diese Reihe wird nicht in dieser Sprache angeboten."))
    versions = TextVersion.objects.filter(text=text)
    latest_german = versions.filter(language=SOURCE_LANGUAGE).order_by("-number").first()
    based_on = None
    if language == SOURCE_LANGUAGE:
        minor = bool(minor and latest_german)
    else:
        if latest_german is None:
            raise ValidationError(_("Zuerst braucht der Text eine deutsche Fassung."))
        based_on, minor = latest_german, False
    number = (versions.filter(language=language).aggregate(n=Max("number"))["n"] or 0) + 1
    version = TextVersion(
        municipality=text.municipality,
        text=text,
        language=language,
        number=number,
        title=title.strip(),
        body=body.strip(),
        minor=minor,
        based_on=based_on,
        machine=machine,
        created_by=user,
    )
    version.full_clean()
    version.save()
    return version


def approve(version: TextVersion, user) -> TextVersion:
    """A person checked a machine translation: it is no longer marked."""
    ensure_editable(version.text.issue)
    if not version.machine or version.approved_at:
        raise ValidationError(_("Diese Fassung wartet auf keine Prüfung."))
    version.approved_at = timezone.now()
    version.approved_by = user
    version.save()
    return version


@dataclass
class Versions:
    """Every version of some texts, read once: the latest per language and the translation states."""

    by_text: dict[int, list[TextVersion]]

    @classmethod
    def of(cls, texts) -> "Versions":
        ids = [text.pk for text in texts]
        by_text: dict[int, list[TextVersion]] = {pk: [] for pk in ids}
        for version in TextVersion.objects.filter(text_id__in=ids).order_by("number"):
            by_text[version.text_id].append(version)
        return cls(by_text)

    def latest(self, text_id: int, language: str) -> TextVersion | None:
        found = [v for v in self.by_text.get(text_id, []) if v.language == language]
        return found[-1] if found else None

    def state(self, text_id: int, language: str) -> str:
        return translation_state(self.by_text.get(text_id, []), language)


def translation_state(versions: list[TextVersion], language: str) -> str:
    """missing / outdated / up to date of `language` among one text's versions (any order)."""
    german = sorted((v for v in versions if v.language == SOURCE_LANGUAGE), key=lambda v: v.number)
    own = sorted((v for v in versions if v.language == language), key=lambda v: v.number)
    if not own or not german:
        return MISSING
    if language == SOURCE_LANGUAGE:
        return UP_TO_DATE
    significant = [v for v in german if not v.minor] or german[:1]
    based_on = next((v for v in german if v.pk == own[-1].based_on_id), None)
    if based_on is None or based_on.number < significant[-1].number:
        return OUTDATED
    return UP_TO_DATE


@dataclass
class OverviewRow:
    text: Text
    label: str
    title: str
    item: object
    states: list[tuple[str, str, str, object]]  # (language, state, its label, latest version)


def overview(issue, items, editorial: Text | None) -> list[OverviewRow]:
    """One row per text of the issue (editorial first, then the items in order), the state per offered
    language. `items` come with their text; one query for all versions."""
    texts = ([editorial] if editorial else []) + [item.text for item in items]
    versions = Versions.of(texts)
    languages = [code for code in issue.bulletin.all_languages if code != SOURCE_LANGUAGE]
    rows = []
    pairs = ([(editorial, None)] if editorial else []) + [(item.text, item) for item in items]
    for text, item in pairs:
        german = versions.latest(text.pk, SOURCE_LANGUAGE)
        label = _("Vorwort") if item is None else item.get_kind_display()
        states = []
        for code in languages:
            state = versions.state(text.pk, code)
            states.append((code, state, STATE_LABELS[state], versions.latest(text.pk, code)))
        rows.append(OverviewRow(text, label, german.title if german else "", item, states))
    return rows
