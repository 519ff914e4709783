"""Import and export of the directory: one spreadsheet layout for both directions (a round trip changes nothing).

Organisations are matched by name (no duplicates on re-import), contacts by organisation and name. Columns a
file lacks leave the fields alone; empty cells empty them. An import is all-or-nothing and reports every
row's errors in German naming file, row and column.

Exported contacts: every contact except those whose consent was withdrawn or whose data was erased: their
data must not leave the system any more. The consent columns travel with each row, so a list can be checked.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.directory.languages import LANGUAGE_NAMES, language_code
from teilhabe.directory.models import Contact, Organisation

ORGANISATIONS_SHEET = "Organisationen"
CONTACTS_SHEET = "Ansprechpersonen"

# column header -> model field, in the order of the file
ORGANISATION_COLUMNS = {
    "Art": "kind", "Name": "name", "Kurzname": "short_name", "Übergeordnete Einheit": "parent",
    "Anschrift": "address", "Website": "website", "E-Mail": "email", "Telefon": "phone",
    "Sprachen": "languages", "Notizen": "notes",
}  # fmt: skip
CONTACT_COLUMNS = {
    "Organisation": "organisation", "Name": "name", "Funktion": "function", "E-Mail": "email",
    "Telefon": "phone", "Sprachen": "languages", "Einwilligung Zweck": "consent_purpose",
    "Einwilligung am": "consent_date", "Einwilligung wie": "consent_method", "widerrufen": "consent_withdrawn",
}  # fmt: skip
ORGANISATION_HEADERS = list(ORGANISATION_COLUMNS)
CONTACT_HEADERS = list(CONTACT_COLUMNS)

# Other spellings people use for the same columns.
ALIASES = {
    "email": "E-Mail", "e-mail-adresse": "E-Mail", "mail": "E-Mail", "telefonnummer": "Telefon",
    "tel.": "Telefon", "adresse": "Anschrift", "homepage": "Website", "webseite": "Website",
    "kurzbezeichnung": "Kurzname", "abkürzung": "Kurzname", "übergeordnet": "Übergeordnete Einheit",
    "zweck der einwilligung": "Einwilligung Zweck", "einwilligung erteilt": "Einwilligung wie",
    "einwilligung widerrufen": "widerrufen", "bemerkungen": "Notizen", "notiz": "Notizen",
}  # fmt: skip

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


# -- export -----------------------------------------------------------------------------------------------


def organisation_rows(municipality):
    organisations = (
        Organisation.objects.for_municipality(municipality).select_related("parent").order_by("name")
    )
    for o in organisations:
        yield [
            o.get_kind_display(), o.name, o.short_name, o.parent.name if o.parent else "", o.address,
            o.website, o.email, o.phone, ", ".join(o.language_names()), o.notes,
        ]  # fmt: skip


def exported_contacts(municipality):
    return (
        Contact.objects.for_municipality(municipality)
        .filter(erased_at__isnull=True, consent_withdrawn=False)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )


def contact_rows(municipality, *, dates_as_text=False):
    for c in exported_contacts(municipality):
        consent_date = c.consent_date
        if dates_as_text and consent_date:
            consent_date = consent_date.strftime("%d.%m.%Y")
        yield [
            c.organisation.name, c.name, c.function, c.email, c.phone, ", ".join(c.language_names()),
            c.consent_purpose, consent_date, c.get_consent_method_display() if c.consent_method else "",
            _("ja") if c.consent_withdrawn else _("nein"),
        ]  # fmt: skip


def export_xlsx(municipality) -> bytes:
    return sheets.write_xlsx(
        [
            sheets.Out(ORGANISATIONS_SHEET, ORGANISATION_HEADERS, organisation_rows(municipality)),
            sheets.Out(CONTACTS_SHEET, CONTACT_HEADERS, contact_rows(municipality)),
        ]
    )


def export_csv(municipality, table, *, encoding="utf-8-sig", delimiter=";") -> bytes:
    """table: "organisations" or "contacts". Raises SheetError when the encoding cannot hold a value."""
    if table == "contacts":
        return sheets.write_csv(
            CONTACT_HEADERS,
            contact_rows(municipality, dates_as_text=True),
            encoding=encoding,
            delimiter=delimiter,
        )
    return sheets.write_csv(
        ORGANISATION_HEADERS, organisation_rows(municipality), encoding=encoding, delimiter=delimiter
    )


# -- import -----------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # "kontakte.csv (Ansprechpersonen, Windows-1252, „;“)"
    organisations: dict = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    contacts: dict = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    applied: bool = False

    @property
    def ok(self):
        return not self.errors


class _Problems:
    def __init__(self, result):
        self.result = result

    def add(self, table, row, column, message):
        self.result.errors.append("%s: %s" % (table.sheet.where(row, column), message))


def import_directory(municipality, files, *, dry_run=False) -> ImportResult:
    """files: [(file name, bytes)]. Applies everything or nothing; with dry_run nothing is kept either way."""
    result = ImportResult()
    organisation_tables, contact_tables = _classify(files, result)
    if result.errors:
        return result
    with transaction.atomic():
        problems = _Problems(result)
        by_name = _import_organisations(municipality, organisation_tables, result, problems)
        _import_contacts(municipality, contact_tables, by_name, result, problems)
        if result.errors or dry_run:
            transaction.set_rollback(True)
        else:
            result.applied = True
    return result


def _classify(files, result):
    organisations, contacts = [], []
    for filename, data in files:
        try:
            workbook = sheets.read(data, kind="directory", filename=filename)
        except sheets.SheetError as error:
            result.errors.append(str(error))
            continue
        result.warnings.extend(workbook.notes())
        tables = [table for table in (sheet.table() for sheet in workbook.sheets) if table.headers]
        if not tables:
            result.errors.append(
                "%s: %s" % (sheets.location(filename), _("Die Datei enthält keine Tabelle."))
            )
        for table in tables:
            _normalise_headers(table)
            kind = _table_kind(table)
            if kind is None:
                result.errors.append(
                    _(
                        "%(source)s: Nicht erkannt. Organisationen brauchen die Spalten „Art“ und „Name“, "
                        "Ansprechpersonen die Spalten „Organisation“ und „Name“."
                    )
                    % {"source": table.source}
                )
                continue
            columns = ORGANISATION_COLUMNS if kind == "organisations" else CONTACT_COLUMNS
            for header in table.headers:
                if header and header not in columns:
                    result.warnings.append(
                        _("%(source)s: Die Spalte „%(column)s“ ist unbekannt und wird nicht übernommen.")
                        % {"source": table.source, "column": header}
                    )
            (organisations if kind == "organisations" else contacts).append(table)
            result.files.append(_describe_table(table, kind))
    return organisations, contacts


def _describe_table(table, kind):
    label = _("Organisationen") if kind == "organisations" else _("Ansprechpersonen")
    details = [label, _("%(count)s Zeilen") % {"count": len(table.rows)}]
    if table.sheet.encoding:
        details.append(sheets.ENCODING_NAMES.get(table.sheet.encoding, table.sheet.encoding))
        delimiter = table.sheet.delimiter
        details.append(
            _("getrennt mit „%(delimiter)s“") % {"delimiter": "Tab" if delimiter == "\t" else delimiter}
        )
    return "%s (%s)" % (table.source, ", ".join(details))


def _normalise_headers(table: sheets.Table):
    known = {h.casefold(): h for h in [*ORGANISATION_HEADERS, *CONTACT_HEADERS]}
    mapping = {}
    for header in table.headers:
        key = re.sub(r"\s+", " ", header).strip().casefold()
        mapping[header] = known.get(key) or ALIASES.get(key) or header
    table.headers = [mapping[h] for h in table.headers]
    for row in table.rows:
        row.values = {mapping.get(h, h): v for h, v in row.values.items()}


def _table_kind(table):
    headers = set(table.headers)
    if "Name" not in headers:
        return None
    if "Organisation" in headers:
        return "contacts"
    if "Art" in headers:
        return "organisations"
    title = table.title.casefold()
    if "person" in title or "kontakt" in title:
        return "contacts"
    if "organisation" in title:
        return "organisations"
    return None


def _text(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value or "").strip()


def _parse_languages(value):
    codes, unknown = [], []
    for part in re.split(r"[,;|]|\s+und\s+", _text(value)):
        part = part.strip()
        if not part:
            continue
        code = language_code(part)
        if code is None:
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _field_values(table, row, columns, problems):
    """Convert one row's cells to model field values; report bad cells. Returns {field: value}."""
    values = {}
    for header, field_name in columns.items():
        if header not in table.headers:
            continue
        raw = row.values.get(header, "")
        text = _text(raw)
        if field_name == "kind":
            kind = KIND_WORDS.get(text.casefold())
            if kind is None:
                kind = next(
                    (k for k, label in Organisation.Kind.choices if str(label).casefold() == text.casefold()),
                    None,
                )
            if kind is None:
                problems.add(
                    table,
                    row.number,
                    header,
                    _("„%(value)s“ ist keine bekannte Art (Amt, Kooperationspartner oder Verein).")
                    % {"value": text}
                    if text
                    else _("Bitte die Art angeben (Amt, Kooperationspartner oder Verein)."),
                )
            values[field_name] = kind
        elif field_name == "languages":
            codes, unknown = _parse_languages(raw)
            for part in unknown:
                problems.add(
                    table, row.number, header, _("„%(value)s“ ist keine bekannte Sprache.") % {"value": part}
                )
            values[field_name] = codes
        elif field_name == "email":
            if text:
                try:
                    validate_email(text)
                except ValidationError:
                    problems.add(
                        table,
                        row.number,
                        header,
                        _("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": text},
                    )
            values[field_name] = text
        elif field_name == "website":
            if text and "://" not in text:
                text = "https://" + text
            if text:
                try:
                    URLValidator()(text)
                except ValidationError:
                    problems.add(
                        table,
                        row.number,
                        header,
                        _("„%(value)s“ ist keine gültige Internetadresse.") % {"value": _text(raw)},
                    )
            values[field_name] = text
        elif field_name == "consent_date":
            values[field_name] = None
            if text:
                try:
                    values[field_name] = _parse_date(raw)
                except ValueError:
                    problems.add(
                        table,
                        row.number,
                        header,
                        _("„%(value)s“ ist kein Datum (bitte TT.MM.JJJJ).") % {"value": text},
                    )
        elif field_name == "consent_method":
            method = METHOD_WORDS.get(text.casefold(), "") if text else ""
            if text and not method:
                method = next(
                    (
                        k
                        for k, label in Contact.ConsentMethod.choices
                        if str(label).casefold() == text.casefold()
                    ),
                    "",
                )
            if text and not method:
                problems.add(
                    table,
                    row.number,
                    header,
                    _(
                        "„%(value)s“ ist keine bekannte Art der Einwilligung (schriftlich, per E-Mail, Online-Formular, mündlich)."
                    )
                    % {"value": text},
                )
            values[field_name] = method
        elif field_name == "consent_withdrawn":
            if text.casefold() in YES:
                values[field_name] = True
            elif text.casefold() in NO:
                values[field_name] = False
            else:
                problems.add(
                    table,
                    row.number,
                    header,
                    _("Bitte „ja“ oder „nein“ eintragen, nicht „%(value)s“.") % {"value": text},
                )
        elif field_name in ("parent", "organisation"):
            values[field_name] = text
        else:
            values[field_name] = text
    return values


def _check_model(instance, table, row, columns, problems, exclude):
    headers = {field_name: header for header, field_name in columns.items()}
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            for message in messages:
                problems.add(table, row.number, headers.get(field_name, ""), message)


def _assign(instance, values, fields):
    changed = []
    for name in fields:
        if name in values and getattr(instance, name) != values[name]:
            setattr(instance, name, values[name])
            changed.append(name)
    return changed


def _import_organisations(municipality, tables, result, problems):
    by_name = {o.name.casefold(): o for o in Organisation.objects.for_municipality(municipality)}
    plain_fields = [f for f in ORGANISATION_COLUMNS.values() if f != "parent"]
    seen = {}
    parents = []  # (organisation, parent name, table, row)
    touched = set()
    for table in tables:
        for row in table.rows:
            errors_before = len(result.errors)
            values = _field_values(table, row, ORGANISATION_COLUMNS, problems)
            name = values.get("name", "")
            if not name:
                problems.add(table, row.number, "Name", _("Der Name fehlt."))
                continue
            key = name.casefold()
            if key in seen:
                problems.add(
                    table,
                    row.number,
                    "Name",
                    _("„%(name)s“ steht schon in Zeile %(row)s.") % {"name": name, "row": seen[key]},
                )
                continue
            seen[key] = row.number
            organisation = by_name.get(key)
            is_new = organisation is None
            if is_new:
                organisation = Organisation(municipality=municipality)
            values["name"] = organisation.name if not is_new else name  # keep the stored spelling
            changed = _assign(organisation, values, plain_fields)
            _check_model(
                organisation, table, row, ORGANISATION_COLUMNS, problems, exclude=["parent", "municipality"]
            )
            if len(result.errors) > errors_before:
                continue
            if is_new or changed:
                organisation.save()
            by_name[key] = organisation
            touched.add(organisation.pk)
            bucket = "created" if is_new else ("updated" if changed else "unchanged")
            result.organisations[bucket].append(organisation.name)
            if "Übergeordnete Einheit" in table.headers:
                parents.append((organisation, values.get("parent", ""), table, row))
    _assign_parents(parents, by_name, result, problems)
    return by_name


def _assign_parents(parents, by_name, result, problems):
    by_short = {}
    for organisation in by_name.values():
        if organisation.short_name:
            by_short.setdefault(organisation.short_name.casefold(), []).append(organisation)
    for organisation, parent_name, table, row in parents:
        parent = None
        if parent_name:
            parent = by_name.get(parent_name.casefold())
            if parent is None and len(by_short.get(parent_name.casefold(), [])) == 1:
                parent = by_short[parent_name.casefold()][0]
            if parent is None:
                problems.add(
                    table,
                    row.number,
                    "Übergeordnete Einheit",
                    _("„%(name)s“ gibt es weder im Adressbuch noch in der Datei.") % {"name": parent_name},
                )
                continue
            if parent.pk == organisation.pk or _is_below(parent, organisation, by_name):
                problems.add(
                    table,
                    row.number,
                    "Übergeordnete Einheit",
                    _("„%(name)s“ kann nicht über sich selbst stehen.") % {"name": parent_name},
                )
                continue
        if organisation.parent_id != (parent.pk if parent else None):
            organisation.parent = parent
            organisation.save(update_fields=["parent"])
            if organisation.name in result.organisations["unchanged"]:
                result.organisations["unchanged"].remove(organisation.name)
                result.organisations["updated"].append(organisation.name)


def _is_below(candidate, organisation, by_name):
    """Would making `candidate` the parent of `organisation` create a loop?"""
    by_pk = {o.pk: o for o in by_name.values()}
    current, steps = candidate, 0
    while current is not None and steps < 100:
        if current.parent_id == organisation.pk:
            return True
        current = by_pk.get(current.parent_id)
        steps += 1
    return False


def _import_contacts(municipality, tables, organisations_by_name, result, problems):
    if not tables:
        return
    by_short = {}
    for organisation in organisations_by_name.values():
        if organisation.short_name:
            by_short.setdefault(organisation.short_name.casefold(), []).append(organisation)
    existing = {}
    for contact in Contact.objects.for_municipality(municipality).filter(erased_at__isnull=True):
        existing[(contact.organisation_id, contact.name.casefold())] = contact
    plain_fields = [f for f in CONTACT_COLUMNS.values() if f != "organisation"]
    seen = {}
    for table in tables:
        for row in table.rows:
            errors_before = len(result.errors)
            values = _field_values(table, row, CONTACT_COLUMNS, problems)
            organisation_name = values.get("organisation", "")
            organisation = organisations_by_name.get(organisation_name.casefold())
            if organisation is None and len(by_short.get(organisation_name.casefold(), [])) == 1:
                organisation = by_short[organisation_name.casefold()][0]
            if organisation is None:
                message = (
                    _("„%(name)s“ gibt es weder im Adressbuch noch in der Datei.")
                    % {"name": organisation_name}
                    if organisation_name
                    else _("Die Organisation fehlt.")
                )
                problems.add(table, row.number, "Organisation", message)
            name = values.get("name", "")
            if not name:
                problems.add(table, row.number, "Name", _("Der Name fehlt."))
            consent = [
                values.get("consent_purpose"),
                values.get("consent_date"),
                values.get("consent_method"),
            ]
            if any(consent) and not all(consent) and len(result.errors) == errors_before:
                missing = [
                    h
                    for h, v in zip(
                        ("Einwilligung Zweck", "Einwilligung am", "Einwilligung wie"), consent, strict=True
                    )
                    if not v and h in table.headers
                ]
                problems.add(
                    table,
                    row.number,
                    missing[0] if missing else "",
                    _(
                        "Zweck, Datum und Art der Einwilligung gehören zusammen: bitte alle drei angeben oder keins."
                    ),
                )
            if len(result.errors) > errors_before:
                continue
            key = (organisation.pk, name.casefold())
            if key in seen:
                problems.add(
                    table,
                    row.number,
                    "Name",
                    _("„%(name)s“ bei „%(organisation)s“ steht schon in Zeile %(row)s.")
                    % {"name": name, "organisation": organisation.name, "row": seen[key]},
                )
                continue
            seen[key] = row.number
            contact = existing.get(key)
            is_new = contact is None
            if contact is not None and contact.consent_withdrawn:
                result.warnings.append(
                    _(
                        "%(source)s, Zeile %(row)s: %(name)s hat die Einwilligung widerrufen; die Zeile wird nicht übernommen."
                    )
                    % {"source": table.source, "row": row.number, "name": contact.name}
                )
                continue
            if is_new:
                contact = Contact(municipality=municipality, organisation=organisation)
            else:
                values["name"] = contact.name
            changed = _assign(contact, values, plain_fields)
            _check_model(
                contact, table, row, CONTACT_COLUMNS, problems, exclude=["municipality", "organisation"]
            )
            if len(result.errors) > errors_before:
                continue
            if is_new or changed:
                contact.save()
            label = "%s (%s)" % (contact.name, organisation.name)
            result.contacts["created" if is_new else ("updated" if changed else "unchanged")].append(label)


def language_list(codes):
    return ", ".join(LANGUAGE_NAMES.get(code, code) for code in codes)
