"""Content of the demo concept "Integrationskonzept der Stadt Musterstadt" (KIK), written as data.

Six fields of action, 43 goals and 144 measures in the spirit of the seed report. Lines:
    F <title> | <colour> | <description>
    G <title>
    M <title> | <lead> | <involved; involved> | <timeframe> | <priority>
Numbers are given in order (1, 1.1, 1.1.1 ...). Organisations are the demo directory's short names (see
teilhabe/directory/demo.py); the importer matches names and short names alike. load_demo() turns this into
a spreadsheet and imports it with the real importer.
"""

TITLE = "Integrationskonzept der Stadt Musterstadt"
SHORT_NAME = "KIK"
DESCRIPTION = (
    "Vom Stadtrat beschlossenes Integrationskonzept mit sechs Handlungsfeldern. Die Kommunale "
    "Integrationsarbeit im Amt für Integration koordiniert die Umsetzung und berichtet dem Integrationsbeirat "
    "regelmäßig über den Umsetzungsstand."
)
ADOPTED_ON = (2021, 7, 22)
RESOLUTION = "Stadtratsbeschluss Nr. 2021/114"
PERIOD = (2021, 2027)

FOCUS_YEAR = 2024
FOCUS_TITLE = "Gesellschaftliche Teilhabe verbessern"
FOCUS_DESCRIPTION = (
    "Schwerpunkt 2024: Teilhabe von neu Zugewanderten, insbesondere Frauen, am gesellschaftlichen Leben "
    "stärken; migrantische Communitys besser vernetzen und an Entscheidungen beteiligen."
)
FOCUS_FIELD = 5  # Gesellschaftliche Teilhabe und Partizipation

CONTENT = """
F Sprache und Bildung | #1f5f8b | Deutsch lernen, Mehrsprachigkeit wertschätzen, gleiche Bildungschancen von der Kita bis zur Weiterbildung.
G Frühkindliche Sprachförderung stärken
M Mehrsprachige Vorlesenachmittage in der Stadtbibliothek | StaBi | AfI; Ukr. Verein; TEV | seit 2021 | mittel
M Sprachkitas im Stadtgebiet ausbauen | ASKS | AfI | 2022-2025 | hoch
M Fortbildung „Alltagsintegrierte Sprachbildung“ für Kita-Fachkräfte | ASKS | Caritas | 2023-2024 | mittel
M Märchenstunde mit internationalen Märchen | StaBi | MGH; DRB | laufend | niedrig
G Eltern in die Bildungsbegleitung einbeziehen
M Video-Tutorials für Eltern zur Mittagsbetreuung in Schulen | AfI | ASKS; SJR | 2024 | hoch
M Elternabende mit Sprachmittlung an Grundschulen | ASKS | AfI; TEV; AKV | ab 2023 | mittel
M Elternlotsinnen und Elternlotsen ausbilden | AfI | Caritas; Diakonie; SmF | 2022-2026 | hoch
G Deutschkurse für Erwachsene zugänglich machen
M Übersicht aller Deutschkurse in einfacher Sprache | AfI | Jobcenter; IN VIA | laufend | hoch
M Deutschkurse mit Kinderbetreuung im Mehrgenerationenhaus | MGH | AfI; ASKS | seit 2022 | hoch
M Sprachcafés im Altstadthaus | AfI | Ukr. Verein; MGH | seit 12/2023 | mittel
M Online-Lernangebote in der Stadtbibliothek bekannt machen | StaBi | AfI | 2024 | niedrig
G Mehrsprachigkeit als Ressource sichtbar machen
M Mehrsprachige Medienbestände der Stadtbibliothek erweitern | StaBi | KA; Ukr. Verein; AKV | laufend | mittel
M Herkunftssprachlicher Unterricht an Schulen unterstützen | ASKS | TEV; DRB; AKV | 2023-2026 | mittel
M Verstärkte Werbung für mehrsprachige Angebote | StaBi | AfI | 2024 | niedrig
G Übergang Schule – Beruf begleiten
M Bildungsberatung für neu zugewanderte Jugendliche | AJ | AfI; IN VIA | seit 2021 | hoch
M Patenschaftsprogramm für Schulabschlüsse | AJ | Diakonie; SJR | 2022-2025 | mittel
M Informationsabende zur dualen Ausbildung in mehreren Sprachen | ASW | Jobcenter; TEV | ab 2023 | mittel
G Außerschulische Bildung öffnen
M Ferienprogramm mit Plätzen für geflüchtete Kinder | AJ | SJR; Ukr. Verein | laufend | mittel
M Digitallabor-Kurse für Jugendliche mit Migrationsgeschichte | SJR | AJ; AfI | 2024-2025 | mittel
M Museumsbesuche mit Sprachmittlung | KA | AfI; MGH | 2023 | niedrig
G Bildungsangebote für zugewanderte Frauen
M Alphabetisierungskurs für Frauen mit Kinderbetreuung | AfI | SmF; MGH | 2022-2024 | hoch
M Computerkurs „Digital im Alltag“ für Frauen | MGH | SmF; AfI | 2024 | mittel
M Projekt „Connected Women“ zur Teilhabe neu zugewanderter Frauen | AfI | minor; SmF; GS | 2024-2025 | hoch
M Schwimmkurse für Frauen | ASKS | GS; SmF | ab 2024 | niedrig
G Anerkennung ausländischer Abschlüsse erleichtern
M Lotsendienst zur Anerkennung von Berufsabschlüssen | AfI | IN VIA; Jobcenter | seit 2021 | hoch
M Übernahme von Übersetzungskosten für Zeugnisse | ASW | AfI | 2022-2025 | mittel
M Informationsveranstaltung „Anerkennung in Gesundheitsberufen“ | AfI | Klinikum; IN VIA | 2023 | mittel
F Arbeit und Ausbildung | #2e8540 | Zugang zu Arbeit und Ausbildung erleichtern, Fachkräfte gewinnen, Arbeitgeber für Vielfalt gewinnen.
G Zugang zum Arbeitsmarkt für Geflüchtete erleichtern
M Jobbörse für Geflüchtete | AfI | Jobcenter; IN VIA | 03/2024 | hoch
M Bewerbungswerkstatt im Stadtteilbüro | STB Ost | Jobcenter; Caritas | laufend | mittel
M Jobcoaching für Geflüchtete mit Arbeitserlaubnis | Jobcenter | AfI; Diakonie | 2022-2025 | hoch
M Arbeitsmarktintegration ukrainischer Geflüchteter | Jobcenter | Ukr. Verein; AfI | ab 2022 | hoch
G Ausbildungsbetriebe für Vielfalt gewinnen
M Ausbildungsmesse mit Schwerpunkt Vielfalt | ASW | Jobcenter; AJ | 2024 | mittel
M Beratung von Betrieben zur Beschäftigung Geflüchteter | Jobcenter | AfI | laufend | mittel
M Auszeichnung „Vielfältiger Ausbildungsbetrieb“ | OB | ASW; AfI | 2025 | niedrig
G Internationale Pflegekräfte gewinnen und halten
M Informationsnachmittag für internationale Pflegekräfte | AfI | Klinikum | 2024 | hoch
M Willkommenspaket für internationale Pflegekräfte | Klinikum | AfI; ASW | ab 2024 | mittel
M Info-Veranstaltung zu Pflegeberufen mit Jobcenter und Ukrainischem Verein | AfI | Jobcenter; Ukr. Verein | 2024 | hoch
M Anerkennungsberatung für ausländische Pflegefachkräfte | IN VIA | Klinikum | laufend | mittel
G Frauen mit Migrationsgeschichte beim Berufseinstieg unterstützen
M Berufsorientierung für Mütter in Teilzeit | Jobcenter | GS; SmF | 2023-2025 | mittel
M Mentoring-Programm „Frauen stärken Frauen“ | GS | AfI; SmF; IN VIA | 2022-2024 | mittel
M Kinderbetreuung während Qualifizierungsmaßnahmen | ASKS | Jobcenter | ab 2024 | hoch
G Selbstständigkeit von Migrantinnen und Migranten fördern
M Gründungsberatung in mehreren Sprachen | ASW | AfI; DRB | seit 2023 | niedrig
M Netzwerktreffen migrantischer Unternehmerinnen und Unternehmer | AfI | OB | 2024-2026 | niedrig
M Leitfaden „Gründen in Musterstadt“ in einfacher Sprache | AfI | ASW | 2025 | niedrig
G Die Stadt als vielfältige Arbeitgeberin
M Ausbildungsplätze der Stadtverwaltung gezielt bewerben | PA | AfI; AJ | laufend | hoch
M Praktika in der Verwaltung für Geflüchtete | PA | AfI; Jobcenter | ab 2023 | mittel
M Anonymisierte Bewerbungsverfahren erproben | PA | GS | 2024-2025 | mittel
G Sprache im Beruf fördern
M Berufsbezogene Deutschkurse in Kooperation mit Betrieben | Jobcenter | IN VIA; AfI | laufend | hoch
M Fachsprachkurs Pflege | Klinikum | Jobcenter | 2023-2025 | mittel
M Sprachpatenschaften am Arbeitsplatz | AfI | Caritas | 2024 | niedrig
M Deutsch am Arbeitsplatz für Beschäftigte des Bauhofs | PA | AfI | 2025 | niedrig
F Gesundheit und Pflege | #c0392b | Gesundheitsangebote verständlich und erreichbar machen, kultursensible Pflege stärken.
G Gesundheitsinformationen mehrsprachig bereitstellen
M Gesundheitswegweiser in acht Sprachen | AfI | Klinikum; GpD | 2022-2023 | hoch
M Vorträge zur häuslichen Pflege in türkischer und russischer Sprache | BZPD | Caritas; SmF; AfI | 2024 | hoch
M Mehrsprachige Informationen zu Vorsorgeuntersuchungen für Kinder | ASKS | Klinikum | ab 2023 | mittel
M Mehrsprachige Impfaufklärung | Klinikum | AfI; Caritas | 2023 | mittel
G Kultursensible Pflege fördern
M Fortbildung „Kultursensible Pflege“ für ambulante Dienste | BZPD | Caritas; Diakonie | laufend | mittel
M Pflegestammtisch für pflegende Angehörige mit Migrationsgeschichte | BZPD | TEV; DRB | seit 2022 | mittel
M Beratung zu Pflegeleistungen im Haus International | Caritas | BZPD; AfI | laufend | mittel
G Psychische Gesundheit stärken
M Lachyoga-Workshop zu den Tagen der seelischen Gesundheit | AfI | GpD; TEV; AKZ | 10/2024 | niedrig
M Psychosoziale Erstberatung für Geflüchtete | GpD | Diakonie; Caritas | seit 2021 | hoch
M Schulung von Sprachmittlerinnen und Sprachmittlern für Beratungsgespräche | AfI | GpD | 2024 | mittel
G Sprachmittlung im Gesundheitswesen sichern
M Dolmetscherpool für Arztbesuche und Beratung | AfI | Klinikum; Caritas | seit 2022 | hoch
M Video-Dolmetschen in der Notaufnahme erproben | Klinikum | AfI | 2024-2025 | mittel
M Qualitätsstandards für Laiendolmetscher | AfI | Diakonie | 2025 | niedrig
M Kultursensible Geburtsvorbereitung mit Hebammen | Pro Familia | Klinikum; SmF | ab 2024 | mittel
G Frauengesundheit und Schutz vor Gewalt
M Wiederaufnahme des Netzwerks FGM/C | AfI | Diakonie; IN VIA; Pro Familia; SmF | 2024 | hoch
M Mehrsprachige Sprechstunde zur Familienplanung | Pro Familia | AfI | laufend | mittel
M Informationsabende zum Gewaltschutz | GS | SmF; Diakonie | ab 2023 | mittel
G Gesunde Lebensweise und Sport
M Sportangebote für geflüchtete Kinder vermitteln | ASKS | SJR; AJ | laufend | mittel
M Bewegungskurse für ältere Migrantinnen und Migranten | MGH | BZPD; DRB | 2024 | niedrig
M Gesundheitstage im Stadtteil | STB Ost | Klinikum; AfI | 2023 | niedrig
G Älter werden in der Einwanderungsgesellschaft
M Seniorentreff mit Angeboten in mehreren Sprachen | ASW | MGH; DRB; TEV | seit 2022 | mittel
M Informationsreihe „Älter werden in Musterstadt“ | ASW | BZPD; AfI | 2024-2025 | mittel
M Besuchsdienst für ältere Zugewanderte | Caritas | ASW | ab 2024 | niedrig
F Zusammenleben im Quartier und Wohnen | #8e44ad | Gute Nachbarschaft, Begegnung im Stadtteil und Zugang zu Wohnraum.
G Zugang zu Wohnraum verbessern
M Wohnraumberatung für Geflüchtete | ASW | Diakonie; Caritas | laufend | hoch
M Mietführerschein für neu Zugewanderte | ASW | AfI; Diakonie | 2023-2025 | mittel
M Runder Tisch Wohnen mit der Wohnungswirtschaft | ASW | SPA; AfI | ab 2024 | mittel
G Begegnung in der Nachbarschaft fördern
M Nachbarschaftsfeste in den Stadtteilen | STB Ost | AfI; MGH | laufend | mittel
M Gemeinsames Kinderfest 2025 | AfI | AJ; Ukr. Verein; TEV | 2025 | niedrig
M Interkulturelle Woche mit Vereinen und Initiativen | AfI | KA; AKZ; DRB | laufend | hoch
G Öffentliche Räume gemeinsam gestalten
M Pocketgarden Friedrichstraße – Beteiligung neu denken | Grün | ATV; AfI | 2024-2025 | mittel
M Beteiligung von Zugewanderten an der Spielplatzplanung | SPA | AJ; AfI | 2023-2024 | niedrig
M Interkulturelle Gemeinschaftsgärten | AUN | Grün; MGH | ab 2023 | niedrig
G Stadtteilarbeit stärken
M Stadtteilbüro Ost als Anlaufstelle ausbauen | STB Ost | AfI | seit 2021 | hoch
M Sprechstunden des Amts für Integration im Stadtteil | AfI | STB Ost; MGH | laufend | mittel
M Quartiersmanagement in der Soziale-Stadt-Kulisse | SPA | STB Ost | 2022-2027 | hoch
G Konflikte im Zusammenleben früh klären
M Nachbarschaftsmediation in mehreren Sprachen | STB Ost | Caritas | laufend | mittel
M Hausordnungen und Mülltrennung mehrsprachig erklären | AUN | ASW; AfI | 2023 | niedrig
M Schulung von Hausmeistern und Verwaltern | ASW | AfI | 2025 | niedrig
G Unterbringung Geflüchteter menschenwürdig gestalten
M Qualitätsstandards für Gemeinschaftsunterkünfte | ASW | Diakonie; Caritas | 2022-2023 | hoch
M Ehrenamtskoordination in Unterkünften | AfI | Caritas; Diakonie | laufend | hoch
M Umzug aus Gemeinschaftsunterkünften in Wohnungen begleiten | ASW | Diakonie | ab 2023 | mittel
M Sanierung der Unterkunft Bahnhofstraße | AGW | ASW | 2024-2025 | mittel
G Klimaschutz und Nachhaltigkeit gemeinsam angehen
M Klimaschutz-ABC in mehreren Sprachen | KS | AfI; Ukr. Verein; TEV | 2024-2025 | mittel
M Netzwerktreffen der Communitys zum Thema Klimaschutz | AfI | KS | 2024 | niedrig
M Energiesparberatung für Haushalte mit geringem Einkommen | KS | Caritas | laufend | mittel
M Sichere Schulwege für neu zugewanderte Familien | ATV | ASKS | 2023-2024 | niedrig
F Gesellschaftliche Teilhabe und Partizipation | #e67e22 | Mitsprache, Ehrenamt, Kultur und Sport für alle; migrantische Communitys als Partner.
G Politische Teilhabe stärken
M Unterstützung der Wahl zum Integrationsbeirat | OB | AfI | 2025 | hoch
M Informationsreihe „Wie funktioniert unsere Stadt?“ | AfI | OB; MGH | ab 2023 | mittel
M Jugendbeteiligung mit Jugendlichen mit Migrationsgeschichte | AJ | SJR | laufend | mittel
G Migrantische Communitys vernetzen
M Netzwerk der migrantischen Communitys | AfI | Ukr. Verein; TEV; AKZ; AKV; DRB | seit 12/2023 | hoch
M Beratung von Vereinen zu Fördermitteln | AfI | KA | laufend | mittel
M Com-In: Informationsbrief für Communitys | AfI | - | laufend | mittel
M Räume für Vereinstreffen im Haus International | AfI | AGW | ab 2022 | mittel
G Ehrenamt von und für Zugewanderte fördern
M Qualifizierung von Ehrenamtskoordinatorinnen und -koordinatoren | AfI | Caritas; Diakonie | laufend | hoch
M Ehrenamtsbörse mit mehrsprachigen Angeboten | MGH | AfI | 2024 | mittel
M Anerkennungsabend für Ehrenamtliche | OB | AfI | laufend | niedrig
G Kulturelle Teilhabe ermöglichen
M Kulturpass für Familien mit geringem Einkommen | KA | ASW; AfI | ab 2023 | mittel
M Festival der Kulturen | KA | AfI; AKZ; Ukr. Verein; DRB | laufend | hoch
M Ausstellung „Angekommen in Musterstadt“ | KA | AfI | 2024 | niedrig
M Theaterprojekt mit Jugendlichen aus aller Welt | KA | AJ; SJR | 2025 | niedrig
G Sport als Brücke nutzen
M Gemeinsames Fußballturnier der Communitys | ASKS | AfI; TEV; AKV | 2025 | niedrig
M Übungsleiterinnen mit Migrationsgeschichte gewinnen | ASKS | GS | 2024-2026 | mittel
M Vereinsgutscheine für geflüchtete Kinder | ASKS | Jobcenter | laufend | mittel
G Teilhabe neu zugewanderter Frauen
M Frauencafé im Mehrgenerationenhaus | MGH | SmF; AfI | laufend | mittel
M Co-Forscherinnen für das Projekt „Connected Women“ gewinnen | AfI | minor | 2024 | hoch
M Fahrradkurse für Frauen | GS | AUN; SmF | 2024 | niedrig
G Demokratie stärken, Diskriminierung entgegentreten
M Partnerschaft für Demokratie im Programm „Demokratie leben!“ | AfI | AJ; SJR | seit 2021 | hoch
M Anlaufstelle bei Diskriminierung einrichten | AfI | GS; Inkl | 2024-2025 | hoch
M Fortbildungen zu Zivilcourage für Vereine | AJ | SJR | ab 2024 | mittel
G Informationen für alle zugänglich machen
M Kompakt-Info für Fachleute | AfI | - | laufend | mittel
M Faktencheck Migration veröffentlichen | AfI | OB | laufend | hoch
M Flyer und Übersichten in einfacher Sprache überarbeiten | AfI | Inkl | 2024 | mittel
M Barrierefreie Website mit Übersetzungsfunktion | OB | AfI; Inkl | 2025 | mittel
F Interkulturelle Öffnung der Verwaltung | #16a085 | Die Verwaltung als Dienstleisterin für eine vielfältige Stadtgesellschaft.
G Interkulturelle Kompetenz der Beschäftigten stärken
M Fortbildungsreihe „Interkulturelle Kompetenz“ für Beschäftigte | PA | AfI | laufend | hoch
M Schulungsangebot zur kultursensiblen Öffentlichkeitsarbeit | AfI | STB Ost; IN VIA | 10/2024 | mittel
M Hospitationen bei Migrationsberatungsstellen | PA | Caritas; Diakonie | 2025 | niedrig
M Einführungstag zur Einwanderungsgesellschaft für Auszubildende | PA | AfI | laufend | mittel
G Vielfalt in der Belegschaft fördern
M Runder Tisch für gesellschaftliche Vielfalt in der Stadtverwaltung | GS | PA; OB; AfI | seit 2023 | hoch
M Fotoaktion zur Diversity-Woche | OB | GS | 05/2024 | niedrig
M Mitarbeitendenbefragung zu Vielfalt und Vereinbarkeit | PA | GS | 2025 | mittel
G Verständliche Verwaltungssprache
M Bescheide und Formulare in einfacher Sprache | OB | Inkl; AfI | 2023-2026 | mittel
M Mehrsprachige Hinweise im Bürgerbüro | OB | AfI | 2024 | mittel
M Glossar wichtiger Verwaltungsbegriffe in zehn Sprachen | AfI | - | 2024-2025 | niedrig
G Sprachmittlung in der Verwaltung organisieren
M Interner Pool sprachkundiger Beschäftigter | PA | AfI | seit 2022 | mittel
M Rahmenvertrag für Telefondolmetschen | OB | AfI | 2024 | hoch
M Schulung zum Einsatz von Dolmetschenden | AfI | PA | 2025 | niedrig
G Schnittstellenmanagement zwischen den Ämtern
M Jährliche Fachrunde zur Umsetzung des Integrationskonzepts | AfI | OB | laufend | hoch
M Integrationsbeauftragte in allen Ämtern benennen | OB | PA; AfI | 2023-2024 | hoch
M Gemeinsame Datengrundlage im Faktencheck Migration | AfI | SPA | laufend | mittel
M Zwischenbericht an den Integrationsbeirat | AfI | OB | laufend | hoch
G Öffentliche Gebäude und Angebote für alle zugänglich machen
M Mehrsprachiges Leitsystem im Rathaus | AGW | OB; Inkl | 2025-2026 | niedrig
M Gebetsraum und Ruheraum im Verwaltungszentrum prüfen | AGW | AfI | 2024 | niedrig
M Barrierefreie und mehrsprachige Online-Terminvergabe | OB | AfI; Inkl | 2024-2025 | mittel
"""


def parse_content(text: str = CONTENT) -> list[dict]:
    """The content as a list of fields, each with its goals, each with its measures (numbered)."""
    fields: list[dict] = []
    for line in text.strip().splitlines():
        kind, _, rest = line.partition(" ")
        parts = [part.strip() for part in rest.split("|")]
        if kind == "F":
            fields.append(
                {
                    "number": len(fields) + 1,
                    "title": parts[0],
                    "colour": parts[1],
                    "description": parts[2],
                    "goals": [],
                }
            )
        elif kind == "G":
            field = fields[-1]
            field["goals"].append(
                {
                    "number": f"{field['number']}.{len(field['goals']) + 1}",
                    "title": parts[0],
                    "measures": [],
                }
            )
        elif kind == "M":
            goal = fields[-1]["goals"][-1]
            title, lead, involved, timeframe, priority = parts
            goal["measures"].append(
                {
                    "number": f"{goal['number']}.{len(goal['measures']) + 1}",
                    "title": title,
                    "lead": lead,
                    "involved": [] if involved in ("", "-") else [i.strip() for i in involved.split(";")],
                    "timeframe": timeframe,
                    "priority": priority,
                }
            )
        else:  # pragma: no cover - a typo in CONTENT
            raise ValueError(line)
    return fields
