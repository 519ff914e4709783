"""The directory's two spreadsheet layouts, declared once: organisations and contacts.

Export (transfer/exporting.py), import (transfer/reading.py and the savers), and the forms' field lists read
these. Each column's parser turns a cell into the model value or says in German what is wrong with it.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from teilhabe.directory.models import Contact, Organisation
from teilhabe.languages import language_code
from teilhabe.sheets import CellError, Col, Layout, fold
from teilhabe.sheets.layout import text

KIND_WORDS = {
    "department": Organisation.Kind.DEPARTMENT, "amt": Organisation.Kind.DEPARTMENT,
    "dienststelle": Organisation.Kind.DEPARTMENT, "amt / dienststelle": Organisation.Kind.DEPARTMENT,
    "verwaltung": Organisation.Kind.DEPARTMENT, "referat": Organisation.Kind.DEPARTMENT,
    "partner": Organisation.Kind.PARTNER, "kooperationspartner": Organisation.Kind.PARTNER,
    "community": Organisation.Kind.COMMUNITY, "verein": Organisation.Kind.COMMUNITY,
    "migrantische community": Organisation.Kind.COMMUNITY,
    "migrantische community / verein": Organisation.Kind.COMMUNITY,
    "migrantenorganisation": Organisation.Kind.COMMUNITY,
}  # fmt: skip
METHOD_WORDS = {
    "written": Contact.ConsentMethod.WRITTEN, "schriftlich": Contact.ConsentMethod.WRITTEN,
    "email": Contact.ConsentMethod.EMAIL, "e-mail": Contact.ConsentMethod.EMAIL,
    "per e-mail": Contact.ConsentMethod.EMAIL, "form": Contact.ConsentMethod.FORM,
    "online-formular": Contact.ConsentMethod.FORM, "formular": Contact.ConsentMethod.FORM,
    "verbal": Contact.ConsentMethod.VERBAL, "mündlich": Contact.ConsentMethod.VERBAL,
    "mündlich (dokumentiert)": Contact.ConsentMethod.VERBAL,
}  # fmt: skip
YES = {"ja", "j", "x", "1", "wahr", "true", "yes", "y"}
NO = {"", "nein", "n", "0", "falsch", "false", "no", "-"}


def _word_or_label(cell: str, words: dict, choices) -> str | None:
    """A value from the list of words, else from the model's choice labels in German or English (a file
    exported in either language reads back in both)."""
    key = fold(cell)
    found = {fold(word): value for word, value in words.items()}.get(key)
    if found is None:
        for language in ("de", "en"):
            with translation.override(language):
                found = next((value for value, label in choices if fold(str(label)) == key), None)
            if found is not None:
                break
    return found


def parse_kind(value):
    cell = text(value)
    if not cell:
        raise CellError(_("Bitte die Art angeben (Amt, Kooperationspartner oder Verein)."))
    kind = _word_or_label(cell, KIND_WORDS, Organisation.Kind.choices)
    if kind is None:
        raise CellError(
            _("„%(value)s“ ist keine bekannte Art (Amt, Kooperationspartner oder Verein).") % {"value": cell}
        )
    return kind


def parse_languages(value):
    codes, unknown = [], []
    for part in re.split(r"[,;|]|\s+und\s+", text(value)):
        part = part.strip()
        if not part:
            continue
        code = language_code(part)
        if code is None:
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise CellError(*(_("„%(value)s“ ist keine bekannte Sprache.") % {"value": part} for part in unknown))
    return codes


def parse_email(value):
    cell = text(value)
    if cell:
        try:
            validate_email(cell)
        except ValidationError:
            raise CellError(_("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": cell}) from None
    return cell


def parse_website(value):
    cell = text(value)
    if not cell:
        return ""
    url = cell if "://" in cell else "https://" + cell
    try:
        URLValidator()(url)
    except ValidationError:
        raise CellError(_("„%(value)s“ ist keine gültige Internetadresse.") % {"value": cell}) from None
    return url


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    cell = text(value)
    if not cell:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(cell, pattern).date()
        except ValueError:
            continue
    raise CellError(_("„%(value)s“ ist kein Datum (bitte TT.MM.JJJJ).") % {"value": cell})


def parse_consent_method(value):
    cell = text(value)
    if not cell:
        return ""
    method = _word_or_label(cell, METHOD_WORDS, Contact.ConsentMethod.choices)
    if method is None:
        raise CellError(
            _(
                "„%(value)s“ ist keine bekannte Art der Einwilligung (schriftlich, per E-Mail, Online-Formular, mündlich)."
            )
            % {"value": cell}
        )
    return method


def parse_yes_no(value):
    cell = text(value).casefold()
    if cell in YES:
        return True
    if cell in NO:
        return False
    raise CellError(_("Bitte „ja“ oder „nein“ eintragen, nicht „%(value)s“.") % {"value": text(value)})


def export_yes_no(value: bool) -> str:
    return _("ja") if value else _("nein")


ORGANISATIONS = Layout(
    "Organisationen",
    (
        Col(
            "kind",
            "Art",
            english="Kind",
            parse=parse_kind,
            required=True,
            help="Amt, Kooperationspartner oder Verein",
        ),
        Col(
            "name",
            "Name",
            english="Name",
            required=True,
            help="Der volle Name; über ihn wird die Organisation wiedererkannt",
        ),
        Col("short_name", "Kurzname", english="Short name", aliases=("Kurzbezeichnung", "Abkürzung")),
        Col(
            "parent",
            "Übergeordnete Einheit",
            english="Parent unit",
            aliases=("übergeordnet",),
            help="Name oder Kurzname",
        ),
        Col("address", "Anschrift", english="Address", aliases=("Adresse",)),
        Col("website", "Website", english="Website", parse=parse_website, aliases=("Homepage", "Webseite")),
        Col("email", "E-Mail", english="Email", parse=parse_email, aliases=("E-Mail-Adresse", "Mail")),
        Col("phone", "Telefon", english="Phone", aliases=("Telefonnummer", "Tel.")),
        Col("languages", "Sprachen", english="Languages", parse=parse_languages, help="Getrennt durch Komma"),
        Col("notes", "Notizen", english="Notes", aliases=("Bemerkungen", "Notiz")),
    ),
    english="Organisations",
)

CONTACTS = Layout(
    "Ansprechpersonen",
    (
        Col(
            "organisation",
            "Organisation",
            english="Organisation",
            required=True,
            help="Name oder Kurzname aus dem Adressbuch",
        ),
        Col("name", "Name", english="Name", required=True),
        Col("function", "Funktion", english="Function"),
        Col("email", "E-Mail", english="Email", parse=parse_email, aliases=("E-Mail-Adresse", "Mail")),
        Col("phone", "Telefon", english="Phone", aliases=("Telefonnummer", "Tel.")),
        Col("languages", "Sprachen", english="Languages", parse=parse_languages),
        Col(
            "consent_purpose",
            "Einwilligung Zweck",
            english="Consent purpose",
            aliases=("Zweck der Einwilligung",),
        ),
        Col("consent_date", "Einwilligung am", english="Consent date", parse=parse_date, help="TT.MM.JJJJ"),
        Col(
            "consent_method",
            "Einwilligung wie",
            english="Consent given how",
            parse=parse_consent_method,
            aliases=("Einwilligung erteilt",),
        ),
        Col(
            "consent_withdrawn",
            "widerrufen",
            english="Withdrawn",
            parse=parse_yes_no,
            aliases=("Einwilligung widerrufen",),
        ),
    ),
    english="Contacts",
)

# The consent columns belong together: all three or none.
CONSENT_KEYS = ("consent_purpose", "consent_date", "consent_method")
