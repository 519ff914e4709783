"""Demo networks from the seed report (Tätigkeitsbericht 2024): the six standing networks and round tables,
the FGM/C network taken up again and the round table for diversity in the city administration, two meetings
each with minutes and tasks, and the ideas of the network of migrant communities with what arose from them.
Idempotent: objects are found by name (network), date (meeting), title (task, idea)."""

import datetime

from teilhabe.activities.models import Activity
from teilhabe.directory.models import Contact, Organisation
from teilhabe.networks.models import Idea, Meeting, Network, Task
from teilhabe.networks.services import ideas, meetings, networks, tasks

D = datetime.date
COMMUNITIES = "Netzwerk der migrantischen Communitys"

# name, kind, purpose, rhythm, format, convener (organisation), members, public
NETWORKS = [
    ("Netzwerk Perspektivberatung", "network", "Beratungsstellen stimmen ihre Angebote zur beruflichen Perspektive Zugewanderter ab.", "4x jährlich", "on_site", "Amt für Integration", ["Jobcenter Musterstadt", "Caritasverband Musterstadt", "Diakonie Musterstadt"], True),
    ("Ehrenamtskoordinator*innen", "network_round", "Austausch der Koordinierenden im Ehrenamt mit Geflüchteten.", "3x jährlich", "on_site", "Amt für Integration", ["Caritasverband Musterstadt", "Diakonie Musterstadt", "Mehrgenerationenhaus Musterstadt"], True),
    ("Kemptener Modell", "working_group", "Abgestimmte Begleitung neu zugewanderter Familien zwischen Kita, Schule und Beratung.", "monatlich", "on_site", "Amt für Schulen, Kindertagesstätten und Sport", ["Amt für Integration", "Amt für Jugendarbeit", "Caritasverband Musterstadt"], False),
    ("Runder Tisch der Bildungsträger KE + OA", "round_table", "Bildungsträger der Stadt und des Landkreises stimmen Sprach- und Integrationskurse ab.", "2x jährlich", "on_site", "Amt für Integration", ["IN VIA Bayern e.V.", "Jobcenter Musterstadt", "Stadtteilbüro Musterstadt-Ost"], True),
    (COMMUNITIES, "network", "Neu seit Dezember 2023: migrantische Vereine und Communitys treffen sich zweimal im Jahr zu einem Thema, z. B. Klimaschutz oder Kultur.", "2x jährlich, themenbezogen", "on_site", "Amt für Integration", ["Ukrainischer Verein Musterstadt e.V.", "Türkischer Elternverein e.V.", "Aleviten Kulturzentrum e.V.", "Afghanischer Kulturverein e.V.", "Deutsch-Russische Begegnung e.V.", "Klimaschutz"], True),
    ("„Informeller Austausch“ Online", "network_round", "Offener Austausch für Fachleute der Integrationsarbeit, online.", "monatlich", "online", "Amt für Integration", ["Caritasverband Musterstadt", "Diakonie Musterstadt", "Sozialdienst muslimischer Frauen e.V."], False),
    ("Netzwerk FGM/C", "network", "Wiederaufnahme: Schutz und Beratung bei weiblicher Genitalverstümmelung, mit TAFF-Projekt der Diakonie, IN VIA Bayern, Pro Familia, SmF und der Hebammensprecherin.", "2x jährlich", "on_site", "Amt für Integration", ["Diakonie Musterstadt", "IN VIA Bayern e.V.", "Pro Familia e.V.", "Sozialdienst muslimischer Frauen e.V."], False),
    ("Runder Tisch für gesellschaftliche Vielfalt in der Stadtverwaltung", "round_table", "Einberufen durch die Beauftragte für Chancengleichheit und Vielfalt in der Stadtverwaltung (Kompetenzstelle Vereinbarkeit Familie und Beruf).", "3x jährlich", "on_site", "Gleichstellungsstelle", ["Personalamt", "Amt für Integration", "Inklusionsbeauftragte"], False),
]  # fmt: skip

# network, date, title, topics, minutes, decisions, [(task title, due, done)]
MEETINGS = [
    (COMMUNITIES, D(2023, 12, 6), "Auftakt", ["Kennenlernen"], "<p>Vorstellung der Vereine und ihrer Anliegen. Wunsch nach festen Terminen zweimal im Jahr.</p>", "Treffen zweimal jährlich zu einem Thema.", [("Themen für 2024 sammeln", D(2024, 1, 31), True)]),
    (COMMUNITIES, D(2024, 5, 15), "Netzwerktreffen Klimaschutz und Kultur", ["Klimaschutz", "Kultur"], "<p>Das Klimaschutzmanagement stellt Mitmachangebote vor. Der Ukrainische Verein möchte ein <strong>Sprachcafé</strong> im Altstadthaus anbieten.</p><ul><li>Klimaschutz-ABC mehrsprachig</li><li>Sprachcafé mit dem Ukrainischen Verein</li></ul>", "Sprachcafé ab Sommer; Klima-ABC wird mit den Vereinen geplant.", [("Raum im Altstadthaus anfragen", D(2024, 6, 15), True), ("Übersetzungen für das Klima-ABC sammeln", D(2024, 9, 30), False)]),
    ("Netzwerk Perspektivberatung", D(2024, 2, 20), "", ["Arbeitsmarkt"], "<p>Abstimmung zur Jobbörse für Geflüchtete am 4. März.</p>", "Gemeinsamer Stand auf der Jobbörse.", [("Flyer der Beratungsstellen bündeln", D(2024, 2, 28), True)]),
    ("Netzwerk Perspektivberatung", D(2024, 10, 8), "", ["Anerkennung"], "<p>Erfahrungen mit der Anerkennung ausländischer Abschlüsse.</p>", "", [("Ansprechpersonen Anerkennung in die Kompakt-Info", D(2024, 11, 15), False)]),
    ("Ehrenamtskoordinator*innen", D(2024, 3, 12), "", ["Ehrenamt"], "<p>Neue Ehrenamtliche gewinnen und halten.</p>", "", [("Fortbildungswünsche abfragen", D(2024, 4, 30), True)]),
    ("Ehrenamtskoordinator*innen", D(2024, 11, 5), "", ["Ehrenamt", "Schutzkonzept"], "<p>Schutzkonzepte in der Begleitung.</p>", "", [("Musterschutzkonzept verschicken", D(2024, 12, 1), False)]),
    ("Kemptener Modell", D(2024, 4, 10), "", ["Kita", "Schule"], "<p>Übergänge von der Kita in die Schule.</p>", "", [("Elternbrief übersetzen lassen", D(2024, 5, 15), True)]),
    ("Kemptener Modell", D(2024, 9, 18), "", ["Schule"], "<p>Videotutorials für Eltern vorgestellt.</p>", "", [("Tutorials an die Schulen geben", D(2024, 10, 31), False)]),
    ("Runder Tisch der Bildungsträger KE + OA", D(2024, 3, 6), "", ["Sprachkurse"], "<p>Kursplanung für das zweite Halbjahr.</p>", "Gemeinsame Kursübersicht.", [("Kursübersicht aktualisieren", D(2024, 4, 15), True)]),
    ("Runder Tisch der Bildungsträger KE + OA", D(2024, 10, 16), "", ["Sprachkurse", "Kinderbetreuung"], "<p>Kinderbetreuung während der Kurse.</p>", "", [("Bedarf an Kinderbetreuung erheben", D(2024, 12, 15), False)]),
    ("„Informeller Austausch“ Online", D(2024, 1, 24), "", ["Aktuelles"], "<p>Offener Austausch zu aktuellen Fragen.</p>", "", []),
    ("„Informeller Austausch“ Online", D(2024, 6, 26), "", ["Aktuelles"], "<p>Neuigkeiten aus den Beratungsstellen.</p>", "", [("Termine im zweiten Halbjahr festlegen", D(2024, 7, 15), True)]),
    ("Netzwerk FGM/C", D(2024, 7, 9), "Wiederaufnahme", ["Schutz", "Beratung"], "<p>Wiederaufnahme des Netzwerks, Bestandsaufnahme der Angebote.</p>", "Das Netzwerk trifft sich wieder zweimal im Jahr.", [("Beratungsangebote in einer Übersicht sammeln", D(2024, 9, 30), False)]),
    ("Netzwerk FGM/C", D(2024, 11, 26), "", ["Fortbildung"], "<p>Fortbildung für Hebammen und Fachkräfte geplant.</p>", "", [("Referentin für die Fortbildung anfragen", D(2025, 1, 31), False)]),
    ("Runder Tisch für gesellschaftliche Vielfalt in der Stadtverwaltung", D(2024, 4, 23), "", ["Diversity"], "<p>Fotoaktion zur Diversityweek 2024 geplant.</p>", "Fotoaktion zur Diversityweek.", [("Fotoaktion mit dem Büro OB abstimmen", D(2024, 5, 15), True)]),
    ("Runder Tisch für gesellschaftliche Vielfalt in der Stadtverwaltung", D(2024, 10, 22), "", ["Personalgewinnung"], "<p>Interkulturelle Öffnung der Stellenausschreibungen.</p>", "", [("Textbausteine für Ausschreibungen entwerfen", D(2024, 12, 31), False)]),
]  # fmt: skip

# title, state, description, proposed by (organisation), activity title (arose from it)
IDEAS = [
    ("Sprachcafé mit dem Ukrainischen Verein", "taken_up", "Sprachcafés im Altstadthaus in Kooperation mit dem Ukrainischen Verein.", "Ukrainischer Verein Musterstadt e.V.", "Sprachcafé mit dem Ukrainischen Verein"),
    ("Klimaschutz-ABC mit den Vereinen", "taken_up", "Kooperation zwischen Klimaschutz und Vereinen: ein mehrsprachiges Klima-ABC.", "Klimaschutz", "Klima-ABC"),
    ("Gemeinsames Fußballturnier", "considering", "Ein Fußballturnier der Communitys und Vereine.", "Türkischer Elternverein e.V.", None),
    ("Gemeinsames Kinderfest 2025", "new", "Ein gemeinsames Kinderfest der Communitys im Jahr 2025.", "Afghanischer Kulturverein e.V.", None),
]  # fmt: skip


def _organisations(municipality):
    return {o.name: o for o in Organisation.objects.for_municipality(municipality)}


def _activity(municipality, title):
    """The activity the activities demo seeded under `title`, or a planned one made by save_activity."""
    from teilhabe.activities.services.activities import save_activity

    found = Activity.objects.for_municipality(municipality).filter(title=title).first()
    if found is None:
        found = save_activity(municipality, None, {"title": title, "state": "planned", "kind": "series"})
    return found


def load_demo(municipality):
    organisations = _organisations(municipality)
    office_user = _office_user(municipality)
    by_name = {}
    for name, kind, purpose, rhythm, format_, convener, members, public in NETWORKS:
        network = Network.objects.for_municipality(municipality).filter(name=name).first()
        values = {
            "name": name,
            "kind": kind,
            "purpose": purpose,
            "rhythm": rhythm,
            "format": format_,
            "convened_by_organisation": organisations.get(convener),
            "public": public,
        }
        if network is None:
            network = networks.save_network(municipality, None, values)
        for member_name in members:
            if member_name in organisations:
                networks.add_member(network, None, organisation=organisations[member_name], role="Mitglied")
        by_name[name] = network
    iryna = Contact.objects.for_municipality(municipality).filter(name="Iryna Melnyk").first()
    if iryna is not None:
        networks.add_member(by_name[COMMUNITIES], None, contact=iryna, role="Sprecherin")
    for name, date, title, topics, minutes, decisions, agreed in MEETINGS:
        network = by_name[name]
        meeting = Meeting.objects.filter(network=network, date=date).first()
        if meeting is None:
            meeting = meetings.save_meeting(
                network,
                None,
                {
                    "title": title,
                    "date": date,
                    "start_time": datetime.time(15, 0),
                    "end_time": datetime.time(17, 0),
                    "place": "Online" if network.format == "online" else "Rathaus, Sitzungssaal",
                    "agenda": "1. Begrüßung\n2. %s\n3. Verschiedenes" % ", ".join(topics),
                    "topics": topics,
                    "minutes": minutes,
                    "decisions": decisions,
                },
            )
            members = list(network.members.all())
            meeting.invited.set(members)
            meeting.attending.set(members[: max(1, len(members) - 1)])
        for task_title, due, done in agreed:
            task = Task.objects.filter(meeting=meeting, title=task_title).first()
            if task is None:
                task = tasks.save_task(
                    municipality,
                    None,
                    {"title": task_title, "meeting": meeting, "due_on": due, "assignee_user": office_user},
                )
                if done:
                    tasks.set_done(task, None, True, today=due)
            elif task.assignee_user_id is None and office_user is not None:
                tasks.save_task(municipality, None, {"assignee_user": office_user}, task=task)
    autumn = Meeting.objects.filter(network=by_name[COMMUNITIES], date=D(2024, 5, 15)).first()
    for title, state, description, proposer, activity_title in IDEAS:
        idea = Idea.objects.for_municipality(municipality).filter(title=title).first()
        if idea is None:
            idea = ideas.save_idea(
                municipality,
                None,
                {
                    "title": title,
                    "description": description,
                    "network": by_name[COMMUNITIES],
                    "meeting": autumn,
                    "proposed_by_organisation": organisations.get(proposer),
                    "state": state,
                },
            )
        if activity_title and idea.activity_id is None:
            ideas.link(idea, None, activity=_activity(municipality, activity_title))
    fachrunde = Idea.objects.for_municipality(municipality).filter(title="Mehrsprachige Elterninfos").first()
    if fachrunde is None:
        ideas.save_idea(
            municipality,
            None,
            {
                "title": "Mehrsprachige Elterninfos",
                "description": "Impuls der Fachrunde: Elterninformationen in den häufigsten Sprachen.",
                "collected_at": "Fachrunde am 27.2.2024",
                "proposed_by": "Fachrunde",
                "state": "considering",
            },
        )


def _office_user(municipality):
    from teilhabe.accounts.models import Membership

    membership = (
        Membership.objects.filter(municipality=municipality, role="office", is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None
