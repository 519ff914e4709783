"""Demo concept for Musterstadt: "Integrationskonzept der Stadt Musterstadt" (KIK) with 6 fields of action,
43 goals and 144 measures, the focus 2024, two closed reporting rounds and one open round. Idempotent.

The content (demo_content.py) is written into a deliberately municipal-looking spreadsheet (combined
"1 Sprache und Bildung" cells merged over their rows, "Nr.", "federführend", "Kooperationspartner",
"Zeitraum" as text) and imported with the real importer, so the demo also exercises it.
"""

import datetime as dt
import io
import zlib

from django.utils import timezone

from teilhabe.concept import demo_content as content
from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import (
    Concept,
    FieldOfAction,
    Focus,
    Measure,
    ReportingRound,
    Status,
    StatusReport,
    ensure_default_statuses,
)

CLOSED_ROUNDS = [
    ("Zwischenstand Oktober 2023", dt.date(2023, 10, 31)),
    ("Zwischenstand Mai 2024", dt.date(2024, 5, 31)),
]
MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
]  # fmt: skip

NOT_STARTED, PREPARING, RUNNING, DONE, PERMANENT, POSTPONED, DROPPED = (
    "nicht begonnen",
    "in Vorbereitung",
    "in Umsetzung",
    "umgesetzt",
    "dauerhaft umgesetzt (laufend)",
    "zurückgestellt",
    "entfallen",
)

DONE_TEXTS = {
    NOT_STARTED: [
        "Die Maßnahme ist noch nicht gestartet.",
        "Noch nicht begonnen; der Start ist später vorgesehen.",
    ],
    PREPARING: [
        "Konzept mit den Beteiligten abgestimmt, erste Vorgespräche geführt.",
        "Termine und Räume werden geplant; die Kooperationspartner sind angefragt.",
        "Förderantrag gestellt, die Entscheidung steht noch aus.",
    ],
    RUNNING: [
        "Erste Termine haben stattgefunden, die Resonanz ist gut.",
        "Die Maßnahme läuft; bisher wurden rund 40 Teilnehmende erreicht.",
        "Umsetzung begonnen, Informationsmaterial in mehreren Sprachen erstellt.",
        "Läuft in Zusammenarbeit mit den Partnern; Zwischenauswertung im Herbst.",
    ],
    DONE: [
        "Die Maßnahme ist abgeschlossen, die Dokumentation liegt vor.",
        "Umgesetzt wie geplant; Auswertung mit den Beteiligten ist erfolgt.",
    ],
    PERMANENT: [
        "Das Angebot ist fester Bestandteil der Arbeit und läuft regelmäßig.",
        "Läuft dauerhaft; Termine werden fortlaufend angeboten und gut angenommen.",
    ],
    POSTPONED: [
        "Wegen fehlender Personalkapazitäten zurückgestellt.",
        "Zurückgestellt, bis die Finanzierung geklärt ist.",
    ],
    DROPPED: ["Entfallen, da inzwischen ein vergleichbares Angebot des Landes besteht."],
}
NEXT_STEPS = {
    NOT_STARTED: "Abstimmung mit den Beteiligten im nächsten Quartal.",
    PREPARING: "Start und erste Termine festlegen, Werbung in den Communitys.",
    RUNNING: "Fortführen und Rückmeldungen der Teilnehmenden auswerten.",
    DONE: "",
    PERMANENT: "Angebot verstetigen und bekannter machen.",
    POSTPONED: "Neue Prüfung im nächsten Haushaltsjahr.",
    DROPPED: "",
}
OBSTACLES = [
    "Geeignete Räume sind schwer zu finden.",
    "Sprachmittlung ist nicht immer verfügbar.",
    "Die Finanzierung ist nur bis Jahresende gesichert.",
    "Die Zielgruppe ist schwer zu erreichen.",
]
# Reports the seed report tells about, by measure title: (status per round, what was done).
SEED_REPORTS = {
    "Jobbörse für Geflüchtete": [
        (PREPARING, "Planung mit Jobcenter und IN VIA begonnen, Arbeitgeber werden angesprochen."),
        (DONE, "Jobbörse am 4. März 2024 in der BigBox durchgeführt: Arbeitgeber und Geflüchtete haben "
               "zusammengefunden; Bericht in der Allgäuer Zeitung vom 5. März 2024."),
    ],
    "Netzwerk der migrantischen Communitys": [
        (PREPARING, "Vereine angeschrieben, Auftakttreffen für Dezember 2023 geplant."),
        (RUNNING, "Neu seit Dezember 2023, zweimal jährlich themenbezogene Netzwerktreffen (z. B. Klimaschutz, "
                  "Kultur). Daraus entstanden: Sprachcafés im Altstadthaus, Klimaschutz-ABC in Planung."),
    ],
    "Vorträge zur häuslichen Pflege in türkischer und russischer Sprache": [
        (PREPARING, "Referentinnen gefunden, Termine mit Caritas und SmF abgestimmt."),
        (RUNNING, "Vorträge im Bürgertreff Thingers und im Haus International, in Kooperation mit dem "
                  "Beratungszentrum Pflege und Demenz, Caritas und SmF."),
    ],
    "Informationsnachmittag für internationale Pflegekräfte": [
        (NOT_STARTED, "Idee aus der Fachrunde, noch nicht begonnen."),
        (DONE, "Informationsnachmittag mit dem Klinikum: Angebote zur sozialen Integration für Pflegekräfte "
               "vorgestellt, die in den letzten zwölf Monaten aus dem Ausland gekommen sind."),
    ],
    "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek": [
        (PERMANENT, "Mehrsprachiger Vorlesenachmittag in Kooperation mit dem Integrationsbeirat, monatlich."),
        (PERMANENT, "Läuft weiter; dazu verstärkte Werbung für mehrsprachige Angebote und eine Märchenstunde "
                    "mit internationalen Märchen."),
    ],
}  # fmt: skip
FOCUS_EXTRA = {"Projekt „Connected Women“ zur Teilhabe neu zugewanderter Frauen", "Pocketgarden Friedrichstraße – Beteiligung neu denken"}  # fmt: skip


def load_demo(municipality):
    ensure_default_statuses(municipality)
    concept = Concept.objects.for_municipality(municipality).filter(short_name=content.SHORT_NAME).first()
    result = import_concept(municipality, demo_workbook(), concept, filename="kik-musterstadt.xlsx")
    if not result.saved:
        raise RuntimeError("Demo concept does not import:\n" + "\n".join(str(e) for e in result.errors))
    concept = result.concept
    _describe(concept)
    _focus(concept)
    _rounds(municipality, concept)
    return concept


# ---------------------------------------------------------------------------------------------------------
# The spreadsheet


def demo_rows() -> tuple[list[list], list[str]]:
    """Rows of the demo sheet and the ranges to merge."""
    header = ["Handlungsfeld", "Ziel", "Nr.", "Maßnahme", "federführend", "Kooperationspartner", "Zeitraum",
              "Priorität", "Schwerpunkt"]  # fmt: skip
    rows = [[content.TITLE], [f"Kurzname: {content.SHORT_NAME}"], [content.RESOLUTION], [], header]
    merges = []
    for field in content.parse_content():
        field_first = len(rows) + 1
        for goal in field["goals"]:
            goal_first = len(rows) + 1
            for measure in goal["measures"]:
                in_focus = field["number"] == content.FOCUS_FIELD or measure["title"] in FOCUS_EXTRA
                rows.append(
                    [
                        f"{field['number']} {field['title']}",
                        f"{goal['number']} {goal['title']}",
                        measure["number"].rsplit(".", 1)[1],  # local numbers, as many concepts write them
                        measure["title"],
                        measure["lead"],
                        "; ".join(measure["involved"]),
                        measure["timeframe"],
                        measure["priority"],
                        str(content.FOCUS_YEAR) if in_focus else "",
                    ]
                )
            merges.append(f"B{goal_first}:B{len(rows)}")
        merges.append(f"A{field_first}:A{len(rows)}")
    return rows, merges


def demo_workbook() -> bytes:
    from openpyxl import Workbook

    rows, merges = demo_rows()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "KIK Maßnahmen"
    for row in rows:
        sheet.append(row)
    for cell_range in merges:
        start, end = cell_range.split(":")
        if start != end:
            sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Concept details, focus, rounds


def _describe(concept):
    year, month, day = content.ADOPTED_ON
    values = {
        "title": content.TITLE,
        "description": content.DESCRIPTION,
        "adopted_on": dt.date(year, month, day),
        "resolution_reference": content.RESOLUTION,
        "period_start": content.PERIOD[0],
        "period_end": content.PERIOD[1],
        "is_current": True,
        "public": True,  # the demo office publishes its concept (public pages, open data API)
    }
    changed = [name for name, value in values.items() if getattr(concept, name) != value]
    for name in changed:
        setattr(concept, name, values[name])
    if changed:
        concept.save(update_fields=changed)
    fields = content.parse_content()
    for field in FieldOfAction.objects.filter(concept=concept):
        data = fields[field.number - 1]
        if (field.colour, field.description) != (data["colour"], data["description"]):
            field.colour, field.description = data["colour"], data["description"]
            field.save(update_fields=["colour", "description"])


def _focus(concept):
    focus, _created = Focus.objects.update_or_create(
        municipality=concept.municipality,
        concept=concept,
        year=content.FOCUS_YEAR,
        defaults={"title": content.FOCUS_TITLE, "description": content.FOCUS_DESCRIPTION},
    )
    focus.fields_of_action.set(FieldOfAction.objects.filter(concept=concept, number=content.FOCUS_FIELD))


def _pick(options, key: str):
    return options[zlib.crc32(key.encode()) % len(options)]


def demo_status(measure: Measure, as_of: dt.date, index: int) -> str:
    """A plausible status of the measure at `as_of`, from its timeframe and a stable pseudo-random draw."""
    seed = SEED_REPORTS.get(measure.title)
    if seed and index < len(seed):
        return seed[index][0]
    draw = zlib.crc32(measure.number.encode()) % 100
    if draw == 7:
        return DROPPED if index else POSTPONED
    if draw in (3, 41, 88):
        return POSTPONED
    start, end = measure.start, measure.end
    if start and start > as_of:
        return PREPARING if (start - as_of).days < 240 else NOT_STARTED
    if measure.ongoing:
        return PERMANENT if draw % 4 else RUNNING
    if end and end < as_of:
        return DONE if draw % 5 else RUNNING  # one in five runs late
    if start is None and end is None:
        return RUNNING if draw % 3 else PREPARING
    return RUNNING if draw % 6 else PREPARING


def _report_texts(measure: Measure, status: str, index: int, key: str) -> dict:
    seed = SEED_REPORTS.get(measure.title)
    done = seed[index][1] if seed and index < len(seed) else _pick(DONE_TEXTS[status], key)
    obstacles = (
        _pick(OBSTACLES, key)
        if status in (PREPARING, RUNNING, POSTPONED) and zlib.crc32(key.encode()) % 4 == 0
        else ""
    )
    return {"done": done, "next_steps": NEXT_STEPS[status], "obstacles": obstacles}


def _users(municipality):
    """The demo office user and editors by organisation (created here if the demo users are not there yet)."""
    from teilhabe.accounts.demo import load_users
    from teilhabe.accounts.models import Membership
    from teilhabe.accounts.roles import OFFICE

    load_users(municipality)
    memberships = Membership.objects.filter(municipality=municipality, is_active=True).select_related("user")
    office = next((m.user for m in memberships if m.role == OFFICE), None)
    editors = {m.organisation_id: m.user for m in memberships if m.organisation_id and m.role != OFFICE}
    return office, editors


def _rounds(municipality, concept):
    from teilhabe.concept.services import reporting

    existing = {r.title: r for r in ReportingRound.objects.filter(concept=concept)}
    open_exists = any(not r.is_closed for r in existing.values())
    if all(title in existing for title, _due in CLOSED_ROUNDS) and open_exists:
        return
    office, editors = _users(municipality)
    statuses = {s.name: s for s in Status.objects.for_municipality(municipality)}
    measures = list(Measure.objects.filter(concept=concept).order_by("sort_key"))
    for index, (title, due) in enumerate(CLOSED_ROUNDS):
        if title in existing:
            continue
        a_round = reporting.open_round(concept, title, due, office, allow_past=True, notify=False)
        for measure in measures:
            key = f"{measure.number}/{index}"
            if zlib.crc32(key.encode()) % (13 if index == 0 else 25) == 0:
                continue  # not every measure was reported
            status = demo_status(measure, due, index)
            reporter = editors.get(measure.lead_id, office)
            data = reporting.ReportInput(statuses[status], **_report_texts(measure, status, index, key))
            report = reporting.save_report(
                a_round, measure, reporter, data, submit=True, is_office=reporter == office
            )
            reporting.accept_report(report, office)
        _backdate(a_round, due)
        reporting.close_round(a_round, office)
        closed_at = timezone.make_aware(dt.datetime.combine(due + dt.timedelta(days=10), dt.time(15, 0)))
        ReportingRound.objects.filter(pk=a_round.pk).update(closed_at=closed_at)
    if not open_exists:
        _open_round(concept, measures, statuses, office, editors, reporting)


def _backdate(a_round, due: dt.date):
    """Make the demo's timestamps plausible: reported in the three weeks before the due date."""
    opened = timezone.make_aware(dt.datetime.combine(due - dt.timedelta(days=42), dt.time(9, 0)))
    ReportingRound.objects.filter(pk=a_round.pk).update(opened_at=opened)
    for report in StatusReport.objects.filter(round=a_round).only("pk", "measure_id"):
        days = zlib.crc32(str(report.measure_id).encode()) % 21
        when = timezone.make_aware(dt.datetime.combine(due - dt.timedelta(days=days), dt.time(10, 30)))
        StatusReport.objects.filter(pk=report.pk).update(
            reported_at=when, reviewed_at=when + dt.timedelta(days=2)
        )


def _open_round(concept, measures, statuses, office, editors, reporting):
    today = timezone.localdate()
    due = today + dt.timedelta(days=30)
    title = f"Zwischenstand {MONTHS[due.month - 1]} {due.year}"
    a_round = reporting.open_round(concept, title, due, office, notify=False)
    for measure in measures:
        key = f"{measure.number}/open"
        draw = zlib.crc32(key.encode()) % 10
        if draw >= 4:
            continue  # no report yet: these are the editors' to-do list
        status = demo_status(measure, today, 2)
        reporter = editors.get(measure.lead_id, office)
        data = reporting.ReportInput(statuses[status], **_report_texts(measure, status, 2, key))
        report = reporting.save_report(
            a_round, measure, reporter, data, submit=draw < 3, is_office=reporter == office
        )
        if draw == 0 and report.state == StatusReport.State.SUBMITTED and zlib.crc32(key.encode()) % 7 == 0:
            reporting.send_back(report, office, "Bitte noch ergänzen, wie viele Personen erreicht wurden.")
