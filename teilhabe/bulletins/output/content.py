"""An issue in one language as plain data, the one source of the e-mail (HTML and text), the web archive, the
office's preview and the PDF.

Each text is taken in the requested language when a version exists (a machine translation not yet approved is
marked), else in German, marked with its own `lang` and a note. Once the issue is frozen, the versions and the
pulled data are the frozen ones."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from teilhabe.bulletins.models import BulletinLayout, IssueItem, Text, TextVersion
from teilhabe.bulletins.models.texts import SOURCE_LANGUAGE
from teilhabe.bulletins.output.labels import (
    date_text,
    direction,
    html_lang,
    list_text,
    number_text,
    time_text,
    words,
)
from teilhabe.bulletins.services import sources
from teilhabe.bulletins.services.texts import Versions
from teilhabe.languages import language_name

Kind = IssueItem.Kind


@dataclass
class Block:
    kind: str
    title: str
    paragraphs: list[str]
    lang: str
    dir: str
    anchor: str
    fallback: bool = False
    machine: bool = False
    facts: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    entries_lang: str = ""
    note: str = ""


@dataclass
class IssueContent:
    language: str
    lang: str
    dir: str
    words: dict
    name: str
    label: str  # "Ausgabe 3"
    date: str
    subject: str
    colour: str
    colour_key: str
    editorial: Block | None
    blocks: list[Block]
    header_url: str = ""
    header_path: str = ""
    header_alt: str = ""
    header_credit: str = ""
    publisher: str = ""
    reply_to: str = ""
    web_url: str = ""


def paragraphs(body: str) -> list[str]:
    return [part.strip() for part in (body or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


def _versions(issue, texts, freeze, language):
    """text id -> (version in `language` or None, German version or None)."""
    out = {}
    if freeze:
        ids = []
        for text in texts:
            chosen = freeze.versions.get(str(text.pk), {})
            ids += [chosen.get(language), chosen.get(SOURCE_LANGUAGE)]
        found = TextVersion.objects.in_bulk([pk for pk in ids if pk])
        for text in texts:
            chosen = freeze.versions.get(str(text.pk), {})
            out[text.pk] = (found.get(chosen.get(language)), found.get(chosen.get(SOURCE_LANGUAGE)))
        return out
    versions = Versions.of(texts)
    for text in texts:
        out[text.pk] = (versions.latest(text.pk, language), versions.latest(text.pk, SOURCE_LANGUAGE))
    return out


def _block(kind, anchor, pair, language, default_title=""):
    own, german = pair
    chosen = own or german
    fallback = own is None and language != SOURCE_LANGUAGE
    text_language = SOURCE_LANGUAGE if fallback else language
    w = words(language)
    return Block(
        kind=kind,
        title=(chosen.title if chosen else "") or default_title,
        paragraphs=paragraphs(chosen.body if chosen else ""),
        lang=html_lang(text_language),
        dir=direction(text_language),
        anchor=anchor,
        fallback=fallback and chosen is not None,
        machine=bool(own and own.awaiting_approval),
        note=w["fallback"] if fallback and chosen is not None else "",
    )


def _fill(block, kind, data, language):
    w = words(language)
    if kind == Kind.ACTIVITY:
        block.title = block.title or data.get("title", "")
        if not block.paragraphs and data.get("summary"):
            block.paragraphs = [data["summary"]]
        if data.get("cancelled"):
            block.facts.append((w["cancelled"], ""))
        if data.get("date"):
            when = date_text(_date(data["date"]), language)
            times = " – ".join(
                time_text(_time(t), language) for t in (data["start_time"], data["end_time"]) if t
            )
            comma = "، " if language == "ar" else ", "
            block.facts.append((w["date"], f"{when}{comma}{times}" if times else when))
        place = ", ".join(
            part for part in (data.get("venue"), data.get("address", "").replace("\n", ", ")) if part
        )
        if place:
            block.facts.append((w["place"], place))
        if data.get("languages"):
            names = [language_name(code, html_lang(language)) for code in data["languages"]]
            block.facts.append((w["languages"], list_text(names, language)))
        if data.get("registration_url"):
            block.links.append((w["register"], data["registration_url"]))
        elif data.get("url"):
            block.links.append((w["more"], data["url"]))
    elif kind == Kind.NETWORK:
        block.title = block.title or data.get("title", "")
        if data.get("meeting_date"):
            meeting = date_text(_date(data["meeting_date"]), language)
            if data.get("meeting_title"):
                meeting = f"{data['meeting_title']}, {meeting}"
            block.facts.append((w["meeting"], meeting))
        block.entries = list(data.get("topics", []))
        if data.get("decisions"):
            block.facts.append((w["decisions"], data["decisions"]))
    elif kind == Kind.MEASURES:
        block.title = block.title or w["measures"]
        block.entries = [f"{m['number']} {m['title']}" for m in data.get("measures", [])]
    elif kind == Kind.FIGURE:
        block.title = block.title or data.get("label", "")
        if data.get("hidden") or data.get("value") is None:
            value = w["hidden"]
        elif data.get("percent"):
            value = number_text(float(data["value"]), language, 1) + " %"
        else:
            value = number_text(int(data["value"]), language)
        block.facts.append((w["value"], value))
        if data.get("reference_date"):
            block.facts.append((w["reference_date"], date_text(_date(data["reference_date"]), language)))
        block.note = " ".join(part for part in (block.note, w["source"]) if part)
    if block.entries and language not in (SOURCE_LANGUAGE, "ls"):
        block.entries_lang = "de"


def activity_block(activity, language: str) -> Block:
    """An activity on its own (passed on directly, not in an issue): its current data, the fixed words in
    `language`, its own texts in German (marked with their `lang`)."""
    data = sources.activity_data(activity, sources.next_dates([activity]))
    block = Block(
        kind=Kind.ACTIVITY,
        title="",
        paragraphs=[],
        lang=html_lang(SOURCE_LANGUAGE),
        dir=direction(SOURCE_LANGUAGE),
        anchor="beitrag-1",
    )
    _fill(block, Kind.ACTIVITY, data, language)
    return block


def _date(value):
    import datetime

    return datetime.date.fromisoformat(value)


def _time(value):
    import datetime

    return datetime.time.fromisoformat(value)


def issue_content(issue, language: str, only=None) -> IssueContent:
    """The issue in `language`; `only`: the ids of the items one reader gets (services/reader_topics.py), None
    for all."""
    bulletin = issue.bulletin
    if language not in bulletin.all_languages:
        raise ValueError(f"{bulletin} is not offered in {language!r}")
    freeze = sources.freeze_of(issue)
    items = list(
        IssueItem.objects.filter(issue=issue)
        .select_related("text", "activity__venue", "activity__registration_settings", "network", "issue")
        .order_by("position", "pk")
    )
    if freeze:
        order = {pk: index for index, pk in enumerate(freeze.items)}
        items = sorted((item for item in items if item.pk in order), key=lambda item: order[item.pk])
    if only is not None:
        kept = set(only)
        items = [item for item in items if item.pk in kept]
    editorial = Text.objects.filter(issue=issue, kind=Text.Kind.EDITORIAL).first()
    texts = [item.text for item in items] + ([editorial] if editorial else [])
    chosen = _versions(issue, texts, freeze, language)
    data = sources.items_data(items, freeze)
    w = words(language)
    blocks = []
    for index, item in enumerate(items, start=1):
        block = _block(item.kind, f"beitrag-{index}", chosen[item.text_id], language)
        if item.pulled:
            _fill(block, item.kind, data.get(item.pk, {}), language)
        blocks.append(block)
    editorial_block = None
    if editorial and any(chosen[editorial.pk]):
        editorial_block = _block("editorial", "vorwort", chosen[editorial.pk], language, w["editorial"])
    layout = BulletinLayout.objects.filter(bulletin=bulletin).first()
    label = w["issue"] % {"number": issue.number}
    content = IssueContent(
        language=language,
        lang=html_lang(language),
        dir=direction(language),
        words=w,
        name=bulletin.name,
        label=label,
        date=date_text(issue.issue_date, language),
        subject=f"{bulletin.name} – {label}",
        colour=layout.hex if layout else "#1d4f91",
        colour_key=layout.colour if layout else "blue",
        editorial=editorial_block,
        blocks=blocks,
        publisher=bulletin.sender_name,
        reply_to=bulletin.reply_to,
        web_url=settings.SITE_URL
        + reverse("bulletins_public:issue", args=[issue.municipality.slug, issue.pk, language]),
    )
    if layout and layout.header_image:
        content.header_url = settings.SITE_URL + reverse(
            "bulletins_public:header", args=[issue.municipality.slug, bulletin.pk]
        )
        content.header_path = layout.header_image.path
        content.header_alt = layout.header_alt
        content.header_credit = layout.header_credit
    return content
