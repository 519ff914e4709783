"""Demo activities: every activity of the seed report (Tätigkeitsbericht 2024) with its partners, languages,
places, dates, state and the credit lines of its pictures (small placeholder images drawn with Pillow).

Idempotent: an activity that exists (by title) is left as it is. The networks demo links to the titles
"Sprachcafé mit dem Ukrainischen Verein" and "Klima-ABC" (what arose from the network of migrant communities).
Partners are the directory demo's organisations, measures the demo concept's (matched by title).
"""

import datetime
import io
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from teilhabe.activities.models import Activity, TargetGroup, Venue
from teilhabe.activities.services.activities import add_partner, change_state, save_activity
from teilhabe.activities.services.uploads import add_picture, update_picture
from teilhabe.concept.models import Focus, Measure
from teilhabe.directory.models import Organisation

D = datetime.date
T = datetime.time

VENUES = [
    # name, address, step-free, hearing loop, notes, online link
    ("Mehrgenerationenhaus", "Haus Miteinander – Füreinander, Brodkorbweg 10", True, True,
     "Aufzug am Seiteneingang, barrierefreies WC im Erdgeschoss.", ""),
    ("Bürgertreff Thingers", "Stiftskellerweg 37", True, False, "Ebenerdiger Zugang über den Hof.", ""),
    ("Haus International", "Bäckerstraße 9", False, False, "Saal im 1. Stock, kein Aufzug.", ""),
    ("Stadtbibliothek", "Orangerieweg 20", True, True, "Kinderbibliothek im Erdgeschoss.", ""),
    ("BigBox", "Kotterner Straße 64", True, True, "Großer Saal, Behindertenparkplätze am Haupteingang.", ""),
    ("Altstadthaus", "Rathausplatz 3", False, False, "Drei Stufen am Eingang, mobile Rampe auf Nachfrage.", ""),
    ("Klinikum, Konferenzraum", "Robert-Weixler-Straße 50", True, True, "", ""),
    ("Rathaus, Sitzungssaal", "Rathausplatz 22", True, True, "", ""),
    ("Online (Videokonferenz)", "", False, False, "Untertitel auf Wunsch.", "https://meet.example/integration"),
]  # fmt: skip

TARGET_GROUPS = [
    "internationale Pflegekräfte", "Eltern von Schulkindern", "neu zugewanderte Frauen", "Fachkräfte",
    "Geflüchtete", "migrantische Communitys", "pflegende Angehörige", "Familien mit Kindern",
    "Beschäftigte der Stadtverwaltung",
]  # fmt: skip

LEAD, PARTNER, FUNDER, HOST = "lead", "partner", "funder", "host"

#: The seed's activities. "states": [(state, reached on)] after the first ("idea" or "planned", reached on).
ACTIVITIES = [
    {
        "title": "Fachrunde: Zwischenbericht und Impulse für das nächste Jahr",
        "kind": "event", "starts_on": D(2024, 2, 27), "start_time": T(14, 0), "end_time": T(17, 0),
        "venue": "Rathaus, Sitzungssaal", "languages": ["de"], "target_groups": ["Fachkräfte"],
        "summary": "Vorstellung des Zwischenberichts zum Integrationskonzept; Impulse für 2025 sammeln.",
        "partners": [("Amt für Integration", LEAD), ("Integrationsbeirat Musterstadt", PARTNER)],
        "measures": ["Zwischenbericht an den Integrationsbeirat"],
        "states": [("planned", D(2024, 1, 15)), ("done", D(2024, 2, 27))],
        "participants_actual": 34,
        "outcomes": "Zwölf Impulse gesammelt, darunter ein gemeinsames Fußballturnier und ein Kinderfest 2025.",
        "picture": ("© Stadt Kempten (Allgäu) /Christiane Lenk, Fachrunde 27.02.2024",
                    "Fachleute sitzen an Stehtischen und schreiben Ideen auf Karten", True),
    },
    {
        "title": "Mehrsprachiger Vorlesenachmittag",
        "kind": "event", "starts_on": D(2024, 4, 20), "start_time": T(15, 0), "end_time": T(16, 30),
        "venue": "Stadtbibliothek", "languages": ["de", "tr", "uk", "ar"],
        "target_groups": ["Familien mit Kindern"],
        "summary": "Ehrenamtliche lesen Bilderbücher in zwei Sprachen vor.",
        "partners": [("Stadtbibliothek", LEAD), ("Integrationsbeirat Musterstadt", PARTNER)],
        "measures": ["Mehrsprachige Vorlesenachmittage in der Stadtbibliothek"],
        "states": [("planned", D(2024, 2, 1)), ("done", D(2024, 4, 20))],
        "participants_expected": 25, "participants_actual": 31,
        "picture": ("© Stadt Kempten (Allgäu) Christiane Lenk; Zweisprachige Bücher in der Stadtbibliothek",
                    "Ein Regal mit zweisprachigen Kinderbüchern in der Stadtbibliothek", False),
    },
    {
        "title": "Märchenstunde mit internationalen Märchen",
        "kind": "event", "starts_on": D(2024, 11, 16), "start_time": T(10, 30), "end_time": T(11, 30),
        "venue": "Stadtbibliothek", "languages": ["de", "ru"], "target_groups": ["Familien mit Kindern"],
        "summary": "Vortrag internationaler Märchen für Kinder ab vier Jahren.",
        "partners": [("Stadtbibliothek", LEAD), ("Deutsch-Russische Begegnung e.V.", PARTNER)],
        "measures": ["Märchenstunde mit internationalen Märchen"],
        "states": [("planned", D(2024, 6, 4))],
    },
    {
        "title": "Werbung für mehrsprachige Angebote der Stadtbibliothek",
        "kind": "campaign", "starts_on": D(2024, 3, 1), "ends_on": D(2024, 12, 31),
        "languages": ["de", "tr", "uk", "ar", "ru"], "target_groups": ["Familien mit Kindern", "migrantische Communitys"],
        "summary": "Verstärkte Werbung für die mehrsprachigen Medien und Veranstaltungen der Bibliothek.",
        "partners": [("Stadtbibliothek", LEAD), ("Amt für Integration", PARTNER)],
        "states": [("planned", D(2024, 2, 27))],
    },
    {
        "title": "Video-Tutorials für Eltern von Schulkindern zur Mittagsbetreuung",
        "kind": "publication", "starts_on": D(2024, 5, 22), "languages": ["de", "tr", "ar", "uk"],
        "target_groups": ["Eltern von Schulkindern"],
        "summary": "Kurze Videos zu Mittagsbetreuungsangeboten in Schulen, Anmeldung und Zuschussmöglichkeiten.",
        "partners": [("Amt für Integration", LEAD), ("Amt für Schulen, Kindertagesstätten und Sport", PARTNER),
                     ("Stadtjugendring Musterstadt – Digitallabor", PARTNER)],
        "measures": ["Video-Tutorials für Eltern zur Mittagsbetreuung in Schulen"],
        "states": [("planned", D(2024, 3, 12))],
        "picture": ("Screenshot https://8743x.de/project/digitallabor/ vom 22.05.24 um 08:40 Uhr",
                    "Bildschirmfoto der Projektseite des Digitallabors", False),
    },
    {
        "title": "Informationsnachmittag für internationale Pflegekräfte",
        "kind": "event", "starts_on": D(2024, 4, 17), "start_time": T(14, 0), "end_time": T(17, 0),
        "venue": "Klinikum, Konferenzraum", "languages": ["de", "en"],
        "target_groups": ["internationale Pflegekräfte"],
        "summary": "Angebote zur sozialen Integration für Pflegekräfte, die in den letzten zwölf Monaten aus "
                   "dem Ausland gekommen sind.",
        "partners": [("Klinikum Musterstadt", HOST), ("Amt für Integration", LEAD)],
        "measures": ["Informationsnachmittag für internationale Pflegekräfte"],
        "states": [("planned", D(2024, 2, 20)), ("done", D(2024, 4, 17))],
        "participants_expected": 40, "participants_actual": 38,
        "participants_by_group": {"female": 29, "male": 9, "age_18_26": 12, "age_27_64": 26},
        "picture": ("© Klinikum Kempten, Martin Fink",
                    "Pflegekräfte in Dienstkleidung hören im Konferenzraum einem Vortrag zu", True),
    },
    {
        "title": "Jobbörse für Geflüchtete",
        "kind": "event", "starts_on": D(2024, 3, 4), "start_time": T(10, 0), "end_time": T(15, 0),
        "venue": "BigBox", "languages": ["de", "uk", "ar", "en"], "target_groups": ["Geflüchtete"],
        "summary": "Wie Arbeitgeber und Arbeitnehmer zusammenfinden: Fachkräftemangel einerseits, "
                   "Geflüchtete auf Arbeitssuche andererseits.",
        "partners": [("Jobcenter Musterstadt", LEAD), ("Amt für Integration", PARTNER)],
        "measures": ["Jobbörse für Geflüchtete"],
        "states": [("planned", D(2023, 11, 20)), ("done", D(2024, 3, 4))],
        "participants_expected": 300, "participants_actual": 420,
        "picture": ("© Screenshot: Allgäuer Zeitung am 05.03.2024",
                    "Zeitungsartikel über die Jobbörse mit vielen Menschen an Ständen", False),
    },
    {
        "title": "Info-Veranstaltung zu Pflegeberufen",
        "kind": "event", "starts_on": D(2024, 7, 11), "start_time": T(17, 0), "end_time": T(19, 0),
        "venue": "Haus International", "languages": ["de", "uk"], "target_groups": ["Geflüchtete"],
        "summary": "Pflegeberufe und Ausbildungswege, in Kooperation zwischen Stadt, Jobcenter und Ukrainischem "
                   "Verein.",
        "partners": [("Amt für Integration", LEAD), ("Jobcenter Musterstadt", PARTNER),
                     ("Ukrainischer Verein Musterstadt e.V.", PARTNER)],
        "measures": ["Info-Veranstaltung zu Pflegeberufen mit Jobcenter und Ukrainischem Verein"],
        "states": [("planned", D(2024, 5, 2))],
    },
    {
        "title": "Vortrag „Häusliche Pflege“ in türkischer Sprache",
        "kind": "event", "starts_on": D(2024, 3, 14), "start_time": T(18, 0), "end_time": T(19, 30),
        "venue": "Bürgertreff Thingers", "languages": ["tr"], "target_groups": ["pflegende Angehörige"],
        "summary": "Was Pflegeversicherung und Beratungsstellen bieten, auf Türkisch.",
        "partners": [("Beratungszentrum Pflege und Demenz", LEAD), ("Caritasverband Musterstadt", PARTNER),
                     ("Sozialdienst muslimischer Frauen e.V.", PARTNER)],
        "measures": ["Vorträge zur häuslichen Pflege in türkischer und russischer Sprache"],
        "states": [("planned", D(2024, 1, 30)), ("done", D(2024, 3, 14))],
        "participants_actual": 22,
        "picture": ("© Stadt Kempten / Birgit Scheller-Küster",
                    "Eine Referentin spricht vor Zuhörerinnen im Bürgertreff", True),
    },
    {
        "title": "Vortrag „Häusliche Pflege“ in russischer Sprache",
        "kind": "event", "starts_on": D(2024, 4, 11), "start_time": T(18, 0), "end_time": T(19, 30),
        "venue": "Haus International", "languages": ["ru"], "target_groups": ["pflegende Angehörige"],
        "summary": "Was Pflegeversicherung und Beratungsstellen bieten, auf Russisch.",
        "partners": [("Beratungszentrum Pflege und Demenz", LEAD), ("Caritasverband Musterstadt", PARTNER),
                     ("Sozialdienst muslimischer Frauen e.V.", PARTNER)],
        "measures": ["Vorträge zur häuslichen Pflege in türkischer und russischer Sprache"],
        "states": [("planned", D(2024, 1, 30)), ("done", D(2024, 4, 11))],
        "participants_actual": 17,
    },
    {
        "title": "Lachyoga-Workshop zu den Tagen der seelischen Gesundheit 2024",
        "kind": "training", "starts_on": D(2024, 10, 12), "start_time": T(15, 0), "end_time": T(17, 0),
        "venue": "Mehrgenerationenhaus", "languages": ["de", "tr"],
        "target_groups": ["migrantische Communitys"],
        "summary": "Beitrag zu den „Tagen der seelischen Gesundheit 2024“.",
        "partners": [("Gemeindepsychiatrischer Dienst", LEAD), ("BIG Projekt", PARTNER),
                     ("Türkischer Elternverein e.V.", PARTNER), ("Aleviten Kulturzentrum e.V.", PARTNER)],
        "measures": ["Lachyoga-Workshop zu den Tagen der seelischen Gesundheit"],
        "states": [("planned", D(2024, 5, 15))],
        "participants_expected": 20,
    },
    {
        "title": "Sprachcafé mit dem Ukrainischen Verein",
        "kind": "series", "starts_on": D(2024, 6, 5), "start_time": T(16, 0), "end_time": T(18, 0),
        "recurrence": "FREQ=WEEKLY;BYDAY=WE;UNTIL=20241218", "exdates": [D(2024, 8, 14), D(2024, 10, 30)],
        "venue": "Altstadthaus", "languages": ["de", "uk"], "target_groups": ["Geflüchtete"],
        "summary": "Jeden Mittwoch Deutsch sprechen bei Tee und Kuchen; entstanden aus dem Netzwerk der "
                   "migrantischen Communitys.",
        "partners": [("Ukrainischer Verein Musterstadt e.V.", LEAD), ("Amt für Integration", PARTNER)],
        "measures": ["Sprachcafés im Altstadthaus"],
        "states": [("idea", D(2024, 5, 15)), ("planned", D(2024, 5, 22))],  # the network's meeting of 15 May
        "participants_expected": 15,
        "picture": ("© Stadt Kempten (Allgäu), Christiane Lenk",
                    "Menschen an einem langen Tisch beim Sprachcafé im Altstadthaus", True),
    },
    {
        "title": "Klima-ABC",
        "kind": "publication", "languages": ["de", "tr", "uk", "ar", "ru"],
        "target_groups": ["migrantische Communitys"],
        "summary": "Klimaschutz-ABC in mehreren Sprachen: Kooperation zwischen Klimaschutz und Vereinen, "
                   "entstanden aus dem Netzwerk der migrantischen Communitys.",
        "partners": [("Klimaschutz", LEAD), ("Türkischer Elternverein e.V.", PARTNER),
                     ("Ukrainischer Verein Musterstadt e.V.", PARTNER)],
        "measures": ["Klimaschutz-ABC in mehreren Sprachen"],
        "states": [("idea", D(2024, 5, 15)), ("planned", D(2024, 6, 4))],
    },
    {
        "title": "Connected Women – Teilhabe von neu zugewanderten Frauen",
        "kind": "project", "starts_on": D(2024, 6, 1), "ends_on": D(2025, 5, 31),
        "languages": ["de", "ar", "fa", "uk"], "target_groups": ["neu zugewanderte Frauen"],
        "summary": "Forschungsprojekt: Co-Forscherinnen gesucht!",
        "partners": [("minor – Projektkontor für Bildung und Forschung", LEAD), ("Amt für Integration", PARTNER)],
        "measures": ["Projekt „Connected Women“ zur Teilhabe neu zugewanderter Frauen"],
        "states": [("planned", D(2024, 4, 10))],
    },
    {
        "title": "Pocketgarden Friedrichstraße – Beteiligung neu denken",
        "kind": "project", "starts_on": D(2024, 9, 1), "ends_on": D(2025, 10, 31), "languages": ["de"],
        "target_groups": ["Familien mit Kindern"],
        "summary": "Ein kleiner Garten in der Friedrichstraße, gemeinsam mit den Nachbarinnen und Nachbarn "
                   "geplant.",
        "partners": [("Abteilung Stadtgrün", LEAD), ("Amt für Tiefbau und Verkehr", PARTNER),
                     ("Amt für Integration", PARTNER)],
        "measures": ["Pocketgarden Friedrichstraße – Beteiligung neu denken"],
        "states": [("planned", D(2024, 5, 22))],
        "picture": ("© Bildausschnitt Screenshot www.pikoprak.de 22.05.2024",
                    "Skizze eines kleinen Stadtgartens mit Hochbeeten und Bänken", False),
    },
    {
        "title": "Fotoaktion zur Diversity-Woche 2024",
        "kind": "campaign", "starts_on": D(2024, 5, 27), "ends_on": D(2024, 5, 31), "languages": ["de"],
        "target_groups": ["Beschäftigte der Stadtverwaltung"],
        "summary": "Beitrag des Runden Tischs für gesellschaftliche Vielfalt in der Stadtverwaltung.",
        "partners": [("Büro OB", LEAD), ("Gleichstellungsstelle", PARTNER), ("Amt für Integration", PARTNER)],
        "measures": ["Fotoaktion zur Diversity-Woche"],
        "states": [("planned", D(2024, 4, 2)), ("done", D(2024, 5, 31))],
        "participants_actual": 65,
        "picture": ("© Foto Stadt Kempten (Allgäu), Büro OB",
                    "Beschäftigte der Stadtverwaltung halten Schilder mit dem Wort Vielfalt", True),
    },
    {
        "title": "Schulungsangebot zur kultursensiblen Öffentlichkeitsarbeit",
        "kind": "training", "starts_on": D(2024, 10, 8), "start_time": T(9, 0), "end_time": T(13, 0),
        "recurrence": "FREQ=DAILY;INTERVAL=13;COUNT=2",  # the workshops on 8 and 21 October
        "venue": "Rathaus, Sitzungssaal", "languages": ["de"], "target_groups": ["Beschäftigte der Stadtverwaltung"],
        "summary": "Zwei Workshops am 8. und 21.10.2024.",
        "partners": [("Stadtteilbüro Musterstadt-Ost", LEAD), ("IN VIA Bayern e.V.", PARTNER),
                     ("IQ-Netzwerk Integration durch Qualifizierung", FUNDER)],
        "measures": ["Schulungsangebot zur kultursensiblen Öffentlichkeitsarbeit"],
        "states": [("planned", D(2024, 5, 6))],
        "participants_expected": 16, "costs": "1800.00",
        "funding_note": "Gefördert durch das „IQ-Netzwerk Integration durch Qualifizierung“.",
    },
    {
        "title": "Kompakt-Info für Fachleute",
        "kind": "publication", "starts_on": D(2024, 1, 15), "recurrence": "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12",
        "languages": ["de"], "target_groups": ["Fachkräfte"],
        "summary": "Monatlicher Informationsbrief mit gebündelten Informationen für Fachleute.",
        "partners": [("Amt für Integration", LEAD)],
        "measures": ["Kompakt-Info für Fachleute"],
        "states": [("planned", D(2024, 1, 8))],
    },
    {
        "title": "Com-In für Communitys",
        "kind": "publication", "starts_on": D(2024, 2, 1), "recurrence": "FREQ=MONTHLY;INTERVAL=2;COUNT=6",
        "languages": ["de", "en", "tr", "uk", "ar"], "target_groups": ["migrantische Communitys"],
        "summary": "Informationsbrief für die migrantischen Communitys, alle zwei Monate.",
        "partners": [("Amt für Integration", LEAD)],
        "measures": ["Com-In: Informationsbrief für Communitys"],
        "states": [("planned", D(2024, 1, 8))],
    },
]  # fmt: skip


def load_demo(municipality):
    venues = {name: _venue(municipality, *rest, name=name) for name, *rest in VENUES}
    groups = {
        name: TargetGroup.objects.get_or_create(municipality=municipality, name=name)[0]
        for name in TARGET_GROUPS
    }
    organisations = {o.name: o for o in Organisation.objects.for_municipality(municipality)}
    measures = {}
    for measure in Measure.objects.for_municipality(municipality).filter(concept__is_current=True):
        measures.setdefault(measure.title, measure)
    focus = Focus.objects.for_municipality(municipality).filter(year=2024).first()
    existing = set(Activity.objects.for_municipality(municipality).values_list("title", flat=True))
    for spec in ACTIVITIES:
        if spec["title"] in existing:
            continue
        _activity(municipality, spec, venues, groups, organisations, measures, focus)


def _venue(municipality, address, step_free, hearing_loop, notes, link, *, name):
    venue, _created = Venue.objects.get_or_create(
        municipality=municipality,
        name=name,
        defaults={
            "address": address,
            "step_free": step_free,
            "hearing_loop": hearing_loop,
            "accessibility_notes": notes,
            "online_link": link,
        },
    )
    return venue


def _activity(municipality, spec, venues, groups, organisations, measures, focus):
    (first_state, first_on), *later = spec["states"]
    values = {key: spec[key] for key in (
        "title", "kind", "summary", "starts_on", "ends_on", "start_time", "end_time", "recurrence", "exdates",
        "languages", "participants_expected", "participants_actual", "participants_by_group", "funding_note",
        "outcomes",
    ) if key in spec}  # fmt: skip
    if "costs" in spec:
        from decimal import Decimal

        values["costs"] = Decimal(spec["costs"])
    values["venue"] = venues.get(spec.get("venue"))
    values["target_groups"] = [groups[name] for name in spec.get("target_groups", [])]
    values["measures"] = [measures[title] for title in spec.get("measures", []) if title in measures]
    if focus is not None and any(m.field_of_action_id in _focus_fields(focus) for m in values["measures"]):
        values["focus"] = focus
    values["state"], values["state_reached_on"] = first_state, first_on
    activity = save_activity(municipality, None, values)
    for name, role in spec.get("partners", []):
        if name in organisations:
            add_partner(activity, organisations[name], role, None)
    for state, reached_on in later:
        activity = change_state(activity, state, None, reached_on=reached_on)
    if "picture" in spec:
        credit, alt_text, people = spec["picture"]
        picture = add_picture(
            activity,
            None,
            SimpleUploadedFile("platzhalter.png", placeholder_png(spec["title"])),
            credit=credit,
            alt_text=alt_text,
            shows_people=people,
            people_consent=people,
        )
        update_picture(
            picture,
            None,
            credit=credit,
            alt_text=alt_text,
            shows_people=people,
            people_consent=people,
            public=True,
        )
    return activity


_FOCUS_FIELDS = {}


def _focus_fields(focus) -> set[int]:
    if focus.pk not in _FOCUS_FIELDS:
        _FOCUS_FIELDS[focus.pk] = set(focus.fields_of_action.values_list("pk", flat=True))
    return _FOCUS_FIELDS[focus.pk]


def placeholder_png(title: str, size=(480, 320)) -> bytes:
    """A calm placeholder picture: two colours chosen from the title, a few soft shapes. No text, no download."""
    from PIL import Image, ImageDraw

    seed = zlib.crc32(title.encode("utf-8"))
    palette = [(31, 78, 121), (46, 125, 50), (173, 20, 87), (230, 145, 56), (0, 121, 107), (94, 53, 177)]
    base = palette[seed % len(palette)]
    light = tuple(min(255, c + 150) for c in base)
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    width, height = size
    for index in range(5):
        x = (seed >> (index * 5)) % width
        y = (seed >> (index * 3 + 2)) % height
        radius = 40 + (seed >> index) % 80
        shade = tuple(min(255, c + 40 * (index % 3)) for c in base)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    draw.rectangle((0, height - 48, width, height), fill=base)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
