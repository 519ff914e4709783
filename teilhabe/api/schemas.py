"""The API's response shapes (pydantic through django-ninja); the OpenAPI description is generated from them.

Public shapes carry no person: no contact, no author or reviewer, no participant, no small count."""

import datetime as dt

from ninja import Schema


class Municipality(Schema):
    slug: str
    name: str
    office_name: str
    office_address: str
    office_email: str
    office_phone: str
    office_hours: str


class Concept(Schema):
    municipality: str
    title: str
    short_name: str
    adopted_on: dt.date | None
    period_start: int | None
    period_end: int | None
    description: str


class StatusCount(Schema):
    status: str
    colour: str
    count: int
    share: float


class FieldOfAction(Schema):
    municipality: str
    number: int
    title: str
    description: str
    colour: str
    measures: int
    started: int
    implemented: int
    share_started: float
    share_implemented: float
    statuses: list[StatusCount]


class Goal(Schema):
    municipality: str
    field_of_action: int
    number: str
    title: str
    description: str


class Measure(Schema):
    municipality: str
    field_of_action: int
    goal: str
    number: str
    title: str
    description: str
    lead: str | None
    start: dt.date | None
    end: dt.date | None
    ongoing: bool
    timeframe: str
    status: str | None
    progress: int | None
    implemented: bool


class Status(Schema):
    municipality: str
    name: str
    colour: str
    order: int
    progress: int
    counts_as_started: bool
    counts_as_implemented: bool


class Progress(Schema):
    municipality: str
    measures: int
    started: int
    implemented: int
    share_started: float
    share_implemented: float
    statuses: list[StatusCount]


class TrendPoint(Schema):
    municipality: str
    round: str
    due_date: dt.date
    measures: int
    started: int
    implemented: int
    share_started: float
    share_implemented: float


class FactCheckDate(Schema):
    municipality: str
    reference_date: dt.date


class FactCheckCell(Schema):
    text: str
    value: float | str | None
    suppressed: bool


class FactCheckTable(Schema):
    municipality: str
    table: str
    title: str
    caption: str
    header: list[str]
    rows: list[list[FactCheckCell]]


class Partner(Schema):
    organisation: str
    role: str


class Activity(Schema):
    municipality: str
    id: int
    title: str
    kind: str
    state: str
    summary: str
    description: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    first_on: dt.date | None
    last_on: dt.date | None
    recurrence: str
    venue: str | None
    venue_address: str | None
    languages: list[str]
    target_groups: list[str]
    partners: list[Partner]
    url: str


class Error(Schema):
    detail: str


# --- internal (token) ------------------------------------------------------------------------------


class Me(Schema):
    municipality: str
    role: str
    organisation: str | None
    token: str


class InternalMeasure(Measure):
    public: bool
    involved: list[str]
    priority: str
    success_indicator: str


class InternalActivity(Activity):
    public: bool
    participants_expected: int | None
    participants_actual: int | None
    measures: list[str]
