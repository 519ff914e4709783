"""The layout of an existing distribution list brought into Teilhabe (XLSX or CSV), declared once: the
importer (services/list_import.py) binds an upload to it and the downloadable template is written from it.

The legal basis decides what happens to a person (see `BASES`): only where consent already exists is the
address put on the list at once; every other basis leaves it waiting for the person's own confirmation
(the double opt-in mail), and nothing is sent before that."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.directory.layout import parse_date, parse_email, parse_languages
from teilhabe.sheets import CellError, Col, Layout, fold
from teilhabe.sheets.layout import text

CONSENT, PUBLIC_TASK = "consent", "public_task"

#: The legal bases an import may name. The label is what the consent record keeps, verbatim, as proof.
BASES = {
    CONSENT: gettext_lazy("Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)"),
    PUBLIC_TASK: gettext_lazy("Erfüllung einer öffentlichen Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)"),
}
BASIS_WORDS = {
    "einwilligung": CONSENT, "einwilligung liegt vor": CONSENT, "consent": CONSENT, "a": CONSENT,
    "lit. a": CONSENT, "art. 6 abs. 1 lit. a dsgvo": CONSENT, "art. 6 abs. 1 a dsgvo": CONSENT,
    "öffentliche aufgabe": PUBLIC_TASK, "oeffentliche aufgabe": PUBLIC_TASK, "public task": PUBLIC_TASK,
    "e": PUBLIC_TASK, "lit. e": PUBLIC_TASK, "art. 6 abs. 1 lit. e dsgvo": PUBLIC_TASK,
    "art. 6 abs. 1 e dsgvo": PUBLIC_TASK,
}  # fmt: skip


def parse_basis(value):
    cell = text(value)
    if not cell:
        return ""
    found = {fold(word): key for word, key in BASIS_WORDS.items()}.get(fold(cell))
    if found is None:
        for key, label in BASES.items():
            if fold(cell) == fold(str(label)):
                found = key
    if found is None:
        raise CellError(
            _("„%(value)s“ ist keine bekannte Rechtsgrundlage (Einwilligung oder öffentliche Aufgabe).")
            % {"value": cell}
        )
    return found


def parse_consent_date(value):
    day = parse_date(value)
    if day and day > timezone.localdate():
        raise CellError(_("Das Datum der Einwilligung liegt in der Zukunft."))
    return day


def parse_required_email(value):
    address = parse_email(value)
    if not address:
        raise CellError(_("Die E-Mail-Adresse fehlt."))
    return address


def parse_topics(value):
    names = []
    for part in text(value).replace("|", ";").replace(",", ";").split(";"):
        name = " ".join(part.split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name[:80])
    return names


LIST = Layout(
    "Verteiler",
    (
        Col(
            "email",
            "E-Mail",
            english="Email",
            parse=parse_required_email,
            required=True,
            help="Eine Adresse je Zeile; dieselbe Adresse mehrfach wird zusammengeführt",
            width=34,
            aliases=("E-Mail-Adresse", "Mail", "Adresse"),
        ),
        Col("name", "Name", english="Name", width=26, aliases=("Vor- und Nachname",)),
        Col(
            "languages",
            "Sprachen",
            english="Languages",
            parse=parse_languages,
            help="Sprachen der Reihe, getrennt durch Komma (leer: die Sprache dieses Verteilers)",
            width=20,
            aliases=("Sprache",),
        ),
        Col(
            "topics",
            "Themen",
            english="Topics",
            parse=parse_topics,
            help="Getrennt durch Komma; unbekannte Themen werden angelegt",
            width=24,
            aliases=("Thema", "Interessen"),
        ),
        Col(
            "basis",
            "Rechtsgrundlage",
            english="Legal basis",
            field=None,
            parse=parse_basis,
            help="Einwilligung oder öffentliche Aufgabe (leer: die für die Datei gewählte)",
            width=22,
        ),
        Col(
            "consent_date",
            "Einwilligung am",
            english="Consent date",
            parse=parse_consent_date,
            help="TT.MM.JJJJ; Pflicht bei Einwilligung",
            width=16,
            aliases=("Einwilligungsdatum", "Datum der Einwilligung"),
        ),
        Col(
            "proof",
            "Nachweis",
            english="Proof",
            help="Wie und wo die Einwilligung vorliegt (etwa: Anmeldeliste Sprachcafé, Ordner 3)",
            width=36,
            aliases=("Einwilligung wie", "Nachweis der Einwilligung"),
        ),
    ),
    english="Distribution list",
)

EXAMPLE = {
    "email": "vorname.nachname@example.org",
    "name": "Vorname Nachname",
    "languages": "Türkisch",
    "topics": "Arbeit, Sprache",
    "basis": "Einwilligung",
    "consent_date": datetime.date(2024, 3, 12),
    "proof": "Anmeldeliste Sprachcafé, Ordner 3",
}


def template_xlsx() -> bytes:
    """The empty layout with one example row and a sheet explaining each column and the legal bases."""
    return LIST.template(
        [EXAMPLE],
        [
            "Eine Zeile je Adresse. Die Beispielzeile bitte überschreiben oder löschen.",
            "Ohne Rechtsgrundlage (je Zeile oder beim Hochladen für die ganze Datei) wird niemand übernommen.",
            "Einwilligung: die Adresse ist sofort eingetragen; Datum und Nachweis der Einwilligung sind "
            "Pflicht. Öffentliche Aufgabe: die Person bekommt eine Bestätigungs-E-Mail und erst nach ihrer "
            "Bestätigung Ausgaben.",
            "Wer sich abgemeldet hat, bleibt abgemeldet, auch wenn die Adresse in der Datei steht.",
            "Der Import ist „alles oder nichts“: Bei einem Fehler wird nichts gespeichert und jeder Fehler "
            "mit Zeile und Spalte genannt.",
        ],
    )
