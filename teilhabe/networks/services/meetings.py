"""Named actions on meetings: the meeting itself, its minutes (sanitised HTML) and who attended."""

import nh3
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.networks.models import Meeting

FIELDS = (
    "title", "date", "start_time", "end_time", "place", "online_link", "agenda", "minutes", "topics",
    "decisions", "invited", "attending",
)  # fmt: skip

#: What minutes may contain: structure and emphasis, links; no pictures (nothing loads from elsewhere), no
#: styles, no scripts. nh3 (ammonia) removes everything else and adds rel="noopener noreferrer" to links.
MINUTES_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
MINUTES_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}


def clean_minutes(html: str) -> str:
    """The minutes as safe HTML (plain text with line breaks becomes paragraphs)."""
    html = (html or "").strip()
    if html and "<" not in html:
        paragraphs = [part.strip() for part in html.replace("\r\n", "\n").split("\n\n") if part.strip()]
        html = "".join("<p>%s</p>" % nh3.clean_text(p).replace("\n", "<br>") for p in paragraphs)
    return nh3.clean(
        html, tags=MINUTES_TAGS, attributes=MINUTES_ATTRIBUTES, url_schemes={"http", "https", "mailto"}
    )


def parse_topics(text) -> list[str]:
    items = text if isinstance(text, list | tuple) else str(text or "").replace(";", ",").split(",")
    seen, topics = set(), []
    for item in items:
        topic = " ".join(str(item).split())
        if topic and topic.lower() not in seen:
            seen.add(topic.lower())
            topics.append(topic)
    return topics


@transaction.atomic
def save_meeting(network, user, values: dict, meeting: Meeting | None = None):
    """Create (meeting=None) or change a meeting of `network` from plain values (FIELDS; invited and
    attending are lists of the network's members). The minutes are stored sanitised."""
    values = {name: values[name] for name in FIELDS if name in values}
    if "minutes" in values:
        values["minutes"] = clean_minutes(values["minutes"])
    if "topics" in values:
        values["topics"] = parse_topics(values["topics"])
    for name in ("invited", "attending"):
        if any(member.network_id != network.pk for member in values.get(name, ())):
            raise ValidationError({name: _("Nur Mitglieder dieses Netzwerks können eingetragen werden.")})
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        raise ValidationError({"end_time": _("Das Ende liegt vor dem Beginn.")})
    if meeting is None:
        meeting = Meeting(municipality_id=network.municipality_id, network=network)
    return save_values(meeting, values)


@transaction.atomic
def delete_meeting(meeting, user):
    """Delete a meeting (the office). Its tasks and ideas stay, without the meeting: each is saved on its
    own first, so the audit trail shows it losing the meeting, then the meeting's deletion."""
    for item in [*meeting.tasks.all(), *meeting.ideas.all()]:
        item.meeting = None
        item.save()
    meeting.delete()
