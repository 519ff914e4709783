"""What every section builder gets: the municipality, the period, the audience, the report's own texts, and
a place for the pictures the version keeps (frozen with the data, so a deleted picture does not change it)."""

import base64
import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format

PUBLIC = "public"


@dataclass
class Context:
    municipality: object
    period_from: dt.date
    period_to: dt.date
    date: dt.date
    audience: str = "advisory_board"
    title: str = ""
    introduction: str = ""
    outlook: str = ""
    notes: dict = field(default_factory=dict)
    section_keys: list = field(default_factory=list)
    assets: dict = field(default_factory=dict)  # key -> {"mime": ..., "data": base64}
    _concept: object = None
    _concept_read: bool = False

    @property
    def public(self) -> bool:
        return self.audience == PUBLIC

    @property
    def concept(self):
        """The municipality's current concept (one query, read once)."""
        if not self._concept_read:
            from teilhabe.concept.models import Concept

            self._concept = (
                Concept.objects.filter(municipality=self.municipality, is_current=True)
                .order_by("-pk")
                .first()
            )
            self._concept_read = True
        return self._concept

    def in_period(self, day) -> bool:
        return day is not None and self.period_from <= day <= self.period_to

    def add_asset(self, key: str, content: bytes, mime: str) -> str:
        self.assets[key] = {"mime": mime, "data": base64.b64encode(content).decode("ascii")}
        return key

    def add_file(self, key: str, fieldfile, mime: str) -> str | None:
        """Keep a stored file (a picture rendition, the logo) in the version; None if it cannot be read."""
        if not fieldfile:
            return None
        try:
            with fieldfile.open("rb") as handle:
                return self.add_asset(key, handle.read(), mime)
        except (OSError, ValueError):
            return None


def day_text(day) -> str:
    """A date in the house style of the interface language (04.06.2024 in German)."""
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def iso(day) -> str | None:
    return day.isoformat() if day else None


def period_text(start, end) -> str:
    if start and end and start != end:
        return "%s – %s" % (day_text(start), day_text(end))
    return day_text(start or end)
