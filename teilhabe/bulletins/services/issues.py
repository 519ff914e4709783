"""Named actions of the composition: series and their layout, issues, their editorial and items (add, remove,
reorder), the state. Plain values in; each object saved with `save()`, so the audit trail records it. A sent
(or frozen) issue refuses every change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe import images
from teilhabe.actions import save_values
from teilhabe.bulletins.models import Bulletin, BulletinIssue, BulletinLayout, IssueItem, Text
from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE
from teilhabe.bulletins.services import sources
from teilhabe.bulletins.services.texts import editorial_of, ensure_editable, new_text, save_version

HEADER_MAX_BYTES = 5 * 1024 * 1024
HEADER_MAX_PIXELS = 40_000_000
SERIES_FIELDS = ("name", "audience", "description", "languages", "sender_name", "reply_to")
LAYOUT_FIELDS = ("colour", "header_alt", "header_credit")


@transaction.atomic
def save_bulletin(municipality, user, values: dict, bulletin: Bulletin | None = None) -> Bulletin:
    bulletin = bulletin or Bulletin(municipality=municipality)
    values = dict(values)
    values["languages"] = [code for code in values.get("languages") or [] if code != SOURCE_LANGUAGE]
    series = {key: values[key] for key in SERIES_FIELDS if key in values}
    bulletin = save_values(bulletin, series) if series else bulletin
    if any(key in values for key in (*LAYOUT_FIELDS, "header_image", "remove_header")):
        save_layout(bulletin, user, values)
    return bulletin


def layout_of(bulletin) -> BulletinLayout:
    layout = BulletinLayout.objects.filter(bulletin=bulletin).first()
    return layout or BulletinLayout(municipality=bulletin.municipality, bulletin=bulletin)


def save_layout(bulletin, user, values: dict) -> BulletinLayout:
    """Colour, header picture (checked by teilhabe/images.py: metadata removed, written anew) with its credit."""
    from django.core.files.base import ContentFile

    layout = layout_of(bulletin)
    for key in LAYOUT_FIELDS:
        if key in values:
            setattr(layout, key, values[key] or ("blue" if key == "colour" else ""))
    upload = values.get("header_image")
    if upload:
        checked = images.read_image(upload, max_bytes=HEADER_MAX_BYTES, max_pixels=HEADER_MAX_PIXELS)
        layout.header_image.save(
            "kopfbild." + checked.extension, ContentFile(checked.encode(1600)), save=False
        )
    elif values.get("remove_header"):
        layout.header_image = ""
    if layout.header_image and not layout.header_credit:
        raise ValidationError({"header_credit": _("Bitte geben Sie den Bildnachweis des Kopfbilds an.")})
    layout.save()
    return layout


@transaction.atomic
def create_issue(bulletin, user, *, number: int, issue_date, editorial: str = "") -> BulletinIssue:
    if BulletinIssue.objects.filter(bulletin=bulletin, number=number).exists():
        raise ValidationError({"number": _("Diese Reihe hat schon eine Ausgabe mit dieser Nummer.")})
    issue = save_values(
        BulletinIssue(municipality=bulletin.municipality, bulletin=bulletin),
        {"number": number, "issue_date": issue_date},
    )
    if editorial.strip():
        save_version(editorial_of(issue), user, language=SOURCE_LANGUAGE, body=editorial)
    return issue


def next_number(bulletin) -> int:
    return (bulletin.issues.aggregate(n=Max("number"))["n"] or 0) + 1


def update_issue(issue, user, *, number: int, issue_date) -> BulletinIssue:
    ensure_editable(issue)
    if BulletinIssue.objects.filter(bulletin=issue.bulletin, number=number).exclude(pk=issue.pk).exists():
        raise ValidationError({"number": _("Diese Reihe hat schon eine Ausgabe mit dieser Nummer.")})
    return save_values(issue, {"number": number, "issue_date": issue_date})


def set_state(issue, user, state: str, scheduled_for=None) -> BulletinIssue:
    """Draft ↔ scheduled. Sending (scheduled → sent) is the send job's, which freezes the issue first."""
    ensure_editable(issue)
    State = BulletinIssue.State
    if state == State.SCHEDULED:
        if not issue.items.exists():
            raise ValidationError(_("Eine Ausgabe ohne Beiträge kann nicht eingeplant werden."))
        if scheduled_for and scheduled_for < timezone.now():
            raise ValidationError({"scheduled_for": _("Der Zeitpunkt liegt in der Vergangenheit.")})
        return save_values(issue, {"state": state, "scheduled_for": scheduled_for})
    if state == State.DRAFT:
        return save_values(issue, {"state": state, "scheduled_for": None})
    raise ValidationError(_("Versendet wird eine Ausgabe über den Versand, nicht hier."))


def _default_text(issue, kind, values) -> tuple[str, str]:
    item = IssueItem(municipality=issue.municipality, issue=issue, kind=kind, **values)
    data = sources.current_data(item)
    if kind == IssueItem.Kind.ACTIVITY:
        return data.get("title", ""), data.get("summary", "")
    if kind == IssueItem.Kind.NETWORK:
        return _("Neues aus: %(name)s") % {"name": data.get("title", "")}, ""
    if kind == IssueItem.Kind.MEASURES:
        return _("Neu umgesetzte Maßnahmen"), ""
    if kind == IssueItem.Kind.FIGURE:
        if data.get("hidden") or data.get("value") is None:
            raise ValidationError(
                {"figure": _("Diese Zahl ist nicht veröffentlicht (kleine Fallzahl oder keine Daten).")}
            )
        return data["label"], ""
    return "", ""


@transaction.atomic
def add_item(issue, user, kind: str, *, title: str = "", body: str = "", topics=(), **source) -> IssueItem:
    """A hand-written item (title and body) or one pulled from the platform (`activity=`, `network=`,
    `figure=`; the measures need nothing). Pulled items start with their source's title as German text.
    `topics`: the item goes only to readers of these topics (and to those who chose none)."""
    ensure_editable(issue)
    Kind = IssueItem.Kind
    needed = {Kind.ACTIVITY: "activity", Kind.NETWORK: "network", Kind.FIGURE: "figure"}.get(kind)
    if needed and not source.get(needed):
        raise ValidationError({needed: _("Bitte wählen Sie aus, was übernommen werden soll.")})
    for value in source.values():
        if hasattr(value, "municipality_id") and value.municipality_id != issue.municipality_id:
            raise ValidationError(_("Das gehört zu einer anderen Kommune."))
    if kind == Kind.TEXT and not title.strip():
        raise ValidationError({"title": _("Ein eigener Beitrag braucht eine Überschrift.")})
    if kind != Kind.TEXT and not title.strip():
        title, body = _default_text(issue, kind, source)
    position = (issue.items.aggregate(n=Max("position"))["n"] or 0) + 1
    text = new_text(issue, Text.Kind.ITEM)
    item = save_values(
        IssueItem(municipality=issue.municipality, issue=issue, text=text, kind=kind, position=position),
        {
            key: source.get(key) or (None if key != "figure" else "")
            for key in ("activity", "network", "figure")
        },
    )
    save_version(text, user, language=SOURCE_LANGUAGE, title=title, body=body)
    _set_topics(item, topics)
    return item


def _set_topics(item, topics) -> None:
    if any(topic.municipality_id != item.municipality_id for topic in topics):
        raise ValidationError(_("Das gehört zu einer anderen Kommune."))
    item.topics.set(topics)


@transaction.atomic
def set_item_topics(item, user, topics) -> IssueItem:
    """Which readers get the item: those of `topics` (and those who chose none); empty: everyone."""
    ensure_editable(item.issue)
    _set_topics(item, topics)
    return item


@transaction.atomic
def remove_item(item, user) -> None:
    ensure_editable(item.issue)
    text = item.text
    item.delete()
    text.delete()
    renumber(item.issue)


def renumber(issue) -> None:
    for index, item in enumerate(issue.items.order_by("position", "pk"), start=1):
        if item.position != index:
            item.position = index
            item.save(update_fields=["position"])


@transaction.atomic
def move_item(item, user, direction: int) -> IssueItem:
    """One place up (-1) or down (+1)."""
    ensure_editable(item.issue)
    renumber(item.issue)
    item.refresh_from_db()
    other = item.issue.items.filter(position=item.position + direction).first()
    if other:
        other.position, item.position = item.position, other.position
        other.save(update_fields=["position"])
        item.save(update_fields=["position"])
    return item
