"""Demo directory from the seed report: the 13 city departments it names, partners and communities."""

import datetime

from teilhabe.directory.models import Contact, Organisation

DEPARTMENT = Organisation.Kind.DEPARTMENT
PARTNER = Organisation.Kind.PARTNER
COMMUNITY = Organisation.Kind.COMMUNITY

# The 13 departments the seed names under "Zusammenarbeit mit Ämtern innerhalb der Verwaltung".
SEED_DEPARTMENTS = [
    ("Büro OB", "OB", ""),
    ("Gleichstellungsstelle", "GS", "Büro OB"),
    ("Inklusionsbeauftragte", "Inkl", "Büro OB"),
    ("Klimaschutz", "KS", "Büro OB"),
    ("Personalamt", "PA", ""),
    ("Amt für Jugendarbeit", "AJ", ""),
    ("Amt für Ausbildungsförderung, Senioren- und Wohnungsfragen", "ASW", ""),
    ("Amt für Schulen, Kindertagesstätten und Sport", "ASKS", ""),
    ("Kulturamt", "KA", ""),
    ("Amt für Umwelt- und Naturschutz", "AUN", ""),
    ("Stadtplanungsamt", "SPA", ""),
    ("Amt für Gebäudewirtschaft", "AGW", ""),
    ("Amt für Tiefbau und Verkehr", "ATV", ""),
]
OTHER_DEPARTMENTS = [
    ("Amt für Integration", "AfI", "", ["de", "en", "tr", "ru"]),
    ("Stadtbibliothek", "StaBi", "Kulturamt", ["de", "en", "tr", "uk", "ar"]),
    ("Abteilung Stadtgrün", "Grün", "Amt für Tiefbau und Verkehr", ["de"]),
]
PARTNERS = [
    ("Klinikum Musterstadt", "Klinikum", ["de", "en"]),
    ("Caritasverband Musterstadt", "Caritas", ["de", "ru", "tr", "ar"]),
    ("Diakonie Musterstadt", "Diakonie", ["de", "en", "fa"]),
    ("Jobcenter Musterstadt", "Jobcenter", ["de", "en", "ar", "uk"]),
    ("Stadtjugendring Musterstadt – Digitallabor", "SJR", ["de"]),
    ("Beratungszentrum Pflege und Demenz", "BZPD", ["de", "tr", "ru"]),
    ("Sozialdienst muslimischer Frauen e.V.", "SmF", ["de", "tr", "ar"]),
    ("Gemeindepsychiatrischer Dienst", "GpD", ["de"]),
    ("IN VIA Bayern e.V.", "IN VIA", ["de", "en"]),
    ("Pro Familia e.V.", "Pro Familia", ["de", "en", "fa"]),
    ("minor – Projektkontor für Bildung und Forschung", "minor", ["de", "en"]),
    ("Stadtteilbüro Musterstadt-Ost", "STB Ost", ["de", "tr", "ru"]),
    ("Mehrgenerationenhaus Musterstadt", "MGH", ["de"]),
    # Partners of the seed's activities (teilhabe/activities/demo.py)
    ("Integrationsbeirat Musterstadt", "Beirat", ["de", "tr", "ru"]),
    ("BIG Projekt", "BIG", ["de"]),
    ("IQ-Netzwerk Integration durch Qualifizierung", "IQ", ["de"]),
]
COMMUNITIES = [
    ("Ukrainischer Verein Musterstadt e.V.", "Ukr. Verein", ["uk", "ru", "de"]),
    ("Türkischer Elternverein e.V.", "TEV", ["tr", "de"]),
    ("Aleviten Kulturzentrum e.V.", "AKZ", ["tr", "ku", "de"]),
    ("Afghanischer Kulturverein e.V.", "AKV", ["fa", "ps", "de"]),
    ("Deutsch-Russische Begegnung e.V.", "DRB", ["ru", "de"]),
]
CONTACTS = [
    ("Caritasverband Musterstadt", "Miriam Vogt", "Migrationsberatung", "m.vogt@caritas-musterstadt.example", ["de", "ru"]),
    ("Jobcenter Musterstadt", "Jens Hartmann", "Team Integration in Arbeit", "j.hartmann@jobcenter.example", ["de", "en"]),
    ("Ukrainischer Verein Musterstadt e.V.", "Iryna Melnyk", "Vorsitzende", "vorstand@ukr-verein.example", ["uk", "ru", "de"]),
    ("Klinikum Musterstadt", "Dr. Anna Roth", "Pflegedirektion", "a.roth@klinikum.example", ["de", "en"]),
    ("Kulturamt", "Thomas Keller", "Sachbearbeitung Kulturförderung", "t.keller@musterstadt.example", ["de"]),
    ("Stadtbibliothek", "Katrin Wagner", "Interkulturelle Bibliotheksarbeit", "k.wagner@musterstadt.example", ["de", "en"]),
    ("Diakonie Musterstadt", "Sarah Becker", "Flüchtlings- und Integrationsberatung", "s.becker@diakonie-musterstadt.example", ["de", "en", "fa"]),
]  # fmt: skip


# People the office has met but whose consent is not yet on file: shown flagged until it is recorded.
CONTACTS_WITHOUT_CONSENT = [
    ("Türkischer Elternverein e.V.", "Mehmet Aydın", "Vorstand", "info@tev.example", ["tr", "de"]),
]  # fmt: skip


def load_demo(municipality):
    by_name = {}
    for name, short, _parent in SEED_DEPARTMENTS:
        by_name[name] = _organisation(municipality, DEPARTMENT, name, short, ["de"])
    for name, short, _parent, languages in OTHER_DEPARTMENTS:
        by_name[name] = _organisation(municipality, DEPARTMENT, name, short, languages)
    for name, _short, parent in SEED_DEPARTMENTS:
        _set_parent(by_name[name], by_name.get(parent))
    for name, _short, parent, _languages in OTHER_DEPARTMENTS:
        _set_parent(by_name[name], by_name.get(parent))
    for name, short, languages in PARTNERS:
        by_name[name] = _organisation(municipality, PARTNER, name, short, languages)
    for name, short, languages in COMMUNITIES:
        by_name[name] = _organisation(municipality, COMMUNITY, name, short, languages)
    for organisation_name, name, function, email, languages in CONTACTS:
        Contact.objects.get_or_create(
            municipality=municipality,
            organisation=by_name[organisation_name],
            name=name,
            defaults={
                "function": function,
                "email": email,
                "languages": languages,
                "consent_purpose": "Einladungen zu Netzwerktreffen und Kompakt-Info",
                "consent_date": datetime.date(2024, 2, 27),
                "consent_method": Contact.ConsentMethod.WRITTEN,
            },
        )
    for organisation_name, name, function, email, languages in CONTACTS_WITHOUT_CONSENT:
        Contact.objects.get_or_create(
            municipality=municipality,
            organisation=by_name[organisation_name],
            name=name,
            defaults={"function": function, "email": email, "languages": languages},
        )
    return by_name


def _organisation(municipality, kind, name, short, languages):
    organisation, _ = Organisation.objects.get_or_create(
        municipality=municipality,
        name=name,
        defaults={"kind": kind, "short_name": short, "languages": languages},
    )
    return organisation


def _set_parent(organisation, parent):
    if parent and organisation.parent_id != parent.pk:
        organisation.parent = parent
        organisation.save(update_fields=["parent"])
