"""The participant list as XLSX (through teilhabe.sheets, one Layout) and as a printable PDF sign-in sheet
(WeasyPrint, from a template)."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.registrations.models import Registration
from teilhabe.sheets import Col, Layout

PRINT_CSS = Path(__file__).resolve().parents[1] / "data" / "sign_in_sheet.css"

PARTICIPANTS = Layout(
    "Teilnehmende",
    (
        Col("number", "Nr.", width=5),
        Col("name", "Name oder Pseudonym", width=28),
        Col("day", "Termin", width=12),
        Col("people", "Personen", width=9),
        Col("status", "Stand", width=14),
        Col("email", "E-Mail", width=28),
        Col("phone", "Telefon", width=16),
        Col("language", "Sprache", width=14),
        Col("accessibility_needs", "Barrierefreiheit", width=30),
        Col("attended", "teilgenommen", width=12),
        Col("created_at", "angemeldet am", width=18),
    ),
)


def participants(activity):
    """Registrations of the activity, confirmed first, then the waiting list, then cancellations."""
    order = {
        Registration.Status.CONFIRMED: 0,
        Registration.Status.WAITING: 1,
        Registration.Status.CANCELLED: 2,
    }
    rows = list(
        Registration.objects.filter(activity=activity)
        .select_related("activity_date", "activity")
        .order_by("created_at", "pk")
    )
    return sorted(rows, key=lambda r: (order[r.status], r.event_day or timezone.localdate()))


def _attended(value):
    return "" if value is None else (_("ja") if value else _("nein"))


def participant_rows(activity):
    for number, r in enumerate(participants(activity), 1):
        yield [
            number,
            r.name,
            r.event_day,
            r.people,
            r.get_status_display(),
            r.email,
            r.phone,
            r.language_label(),
            r.accessibility_needs,
            _attended(r.attended),
            timezone.localtime(r.created_at).replace(tzinfo=None),
        ]


def export_xlsx(activity) -> bytes:
    out = sheets.Out(
        PARTICIPANTS.name,
        PARTICIPANTS.out_columns(),
        list(participant_rows(activity)),
        title_lines=[
            activity.title,
            _("Teilnehmende, Stand %(date)s") % {"date": timezone.localdate().strftime("%d.%m.%Y")},
        ],
    )
    return sheets.write_xlsx([out])


def sign_in_pdf(activity, activity_date=None) -> bytes:
    from weasyprint import CSS, HTML

    rows = [r for r in participants(activity) if r.status == Registration.Status.CONFIRMED]
    if activity_date is not None:
        rows = [r for r in rows if r.activity_date_id == activity_date.pk]
    html = render_to_string(
        "registrations/sign_in_sheet.html",
        {"activity": activity, "rows": rows, "activity_date": activity_date, "blank_rows": range(5)},
    )
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])
