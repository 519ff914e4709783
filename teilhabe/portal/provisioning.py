"""Setting up municipalities from a file (`teilhabe add_municipality --from FILE`).

An installation that serves many municipalities (a federal state, a hosting provider) sets them up from one
CSV/XLSX sheet (one row per municipality) or a JSON file (one object, or a list of objects):

    Name;AGS;Bundesland;E-Mail;Fachämter
    Stadt Kempten (Allgäu);09763000;BY;integration@kempten.de;Kulturamt; Jugendamt

All rows or none: every row is checked first (AGS of 8 digits that fits the federal state and is unique in the
file and in the installation, a valid e-mail, a free short name), every problem is reported with its row, and
only a file without problems is saved, in one transaction. Each municipality gets the default status
vocabulary, its departments (optional, separated by ";" or line breaks, or a JSON list) and its first office
user; the invitation e-mails are sent by the background worker (one job of kind `notifications.send` each), so
the command does not wait for the mail server and a failed e-mail can be retried from the job list.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.municipalities.models import AGS_STATE_PREFIX, FederalState, Municipality
from teilhabe.sheets.layout import Col, Layout
from teilhabe.sheets.layout import text as cell_value


def _ags(value) -> str:
    """A key typed into Excel as a number loses its leading zero (9763000): put it back."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return "%08d" % int(value)
    return cell_value(value)


def _departments(value) -> list[str]:
    return _split_departments(value)


# The columns of a municipality file, German first (English and other spellings are recognised).
LAYOUT = Layout(
    "Kommunen",
    (
        Col("name", "Name", english="Name", required=True, aliases=("Kommune",)),
        Col("ags", "AGS", english="AGS", parse=_ags, required=True,
            aliases=("Gemeindeschlüssel", "Amtlicher Gemeindeschlüssel")),
        Col("state", "Bundesland", english="State", required=True, aliases=("Land",)),
        Col("office_email", "E-Mail", english="Office e-mail", required=True,
            aliases=("E-Mail Integrationsamt", "office_email", "email")),
        Col("departments", "Fachämter", english="Departments", parse=_departments, aliases=("Ämter",)),
        Col("slug", "Kurzname", english="Slug"),
    ),
)  # fmt: skip
MAX_JSON_BYTES = 2_000_000
STATE_NAMES = {label.casefold(): value for value, label in FederalState.choices}


class ProvisioningError(Exception):
    """The file cannot be set up; `messages` are German sentences, each naming file and row."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class MunicipalityRow:
    number: int | None  # the row as the spreadsheet shows it (None for a single JSON object)
    name: str = ""
    ags: str = ""
    state: str = ""
    office_email: str = ""
    departments: list[str] = field(default_factory=list)
    slug: str = ""
    labels: dict = field(default_factory=dict)  # column key -> the header as the file writes it


@dataclass
class SetUp:
    municipality: Municipality
    email: str
    new_account: bool
    job_id: int | None = None


def _split_departments(value) -> list[str]:
    if isinstance(value, list | tuple):
        parts = [str(v) for v in value]
    else:
        parts = str(value or "").replace("\r", "\n").replace(";", "\n").split("\n")
    seen, names = set(), []
    for part in (p.strip() for p in parts):
        if part and part.casefold() not in seen:
            seen.add(part.casefold())
            names.append(part)
    return names


def _row_from(values: dict, number: int | None) -> MunicipalityRow:
    """A row from {column key: value} (JSON keys are matched to the layout like headers)."""
    row = MunicipalityRow(number)
    for key, value in values.items():
        col = LAYOUT.match(key)
        if col is None:
            continue
        if col.key == "departments":
            row.departments = _split_departments(value)
        elif col.key == "ags":
            row.ags = _ags(value)
        else:
            setattr(row, col.key, cell_value(value))
    return row


def read_file(path) -> tuple[str, list[MunicipalityRow]]:
    """The rows of a municipality file: CSV or XLSX through the sheet layer, JSON with the standard library."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return path.name, _read_json(path)
    workbook = sheets.read(path, kind="municipalities")
    table = workbook.sheets[0].table() if workbook.sheets else None
    if table is None or not table.rows:
        raise ProvisioningError([_("%(file)s: Die Datei enthält keine Kommune.") % {"file": path.name}])
    bound = LAYOUT.bind(table)
    missing = bound.missing()
    if missing:
        raise ProvisioningError(
            [
                _("%(file)s: Es fehlen die Spalten %(columns)s.")
                % {"file": table.source, "columns": ", ".join("„%s“" % col.header for col in missing)}
            ]
        )
    rows = []
    for record in bound.rows:
        row = MunicipalityRow(record.number)
        for key, value in bound.values(record).items():
            setattr(row, key, value)
        row.labels = dict(bound.headers)
        rows.append(row)
    return table.source, rows


def _read_json(path: Path) -> list[MunicipalityRow]:
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ProvisioningError([_("%(file)s: Die Datei ist zu groß.") % {"file": path.name}])
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ProvisioningError(
            [
                _("%(file)s: Die Datei ist kein lesbares JSON (%(error)s).")
                % {"file": path.name, "error": error}
            ]
        ) from None
    if isinstance(data, dict):
        return [_row_from(data, None)]
    if isinstance(data, list) and all(isinstance(item, dict) for item in data) and data:
        return [_row_from(item, index) for index, item in enumerate(data, 1)]
    raise ProvisioningError(
        [
            _("%(file)s: Erwartet wird ein Objekt oder eine Liste von Objekten je Kommune.")
            % {"file": path.name}
        ]
    )


def _state(value: str) -> str:
    value = value.strip()
    if value.upper() in FederalState.values:
        return value.upper()
    return STATE_NAMES.get(value.casefold(), value)


def check_rows(file: str, rows: list[MunicipalityRow]) -> list[str]:
    """Every problem of every row, as German sentences naming file, row and column; empty when all is well."""
    errors: list[str] = []
    seen_ags: dict[str, int | None] = {}
    seen_slugs: dict[str, int | None] = {}
    taken_ags = set(Municipality.objects.filter(ags__in=[r.ags for r in rows]).values_list("ags", flat=True))
    taken_slugs = set(Municipality.objects.values_list("slug", flat=True))

    for row in rows:

        def problem(column: str, message: str, row=row) -> None:
            label = row.labels.get(column) or LAYOUT[column].header
            errors.append("%s: %s" % (sheets.location(file, "", row.number, label), message))

        row.state = _state(row.state)
        row.office_email = row.office_email.strip().lower()
        row.slug = (row.slug or slugify(row.name.replace("ß", "ss")))[:60]
        if not row.name:
            problem("name", _("Der Name fehlt."))
        if not row.ags:
            problem("ags", _("Der Gemeindeschlüssel (AGS) fehlt."))
        elif not (len(row.ags) == 8 and row.ags.isdigit()):
            problem("ags", _("Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern."))
        elif row.state in FederalState.values and AGS_STATE_PREFIX.get(row.ags[:2]) != row.state:
            problem("ags", _("Der Gemeindeschlüssel passt nicht zum gewählten Bundesland."))
        elif row.ags in taken_ags:
            problem("ags", _("Eine Kommune mit diesem Gemeindeschlüssel gibt es bereits."))
        elif row.ags in seen_ags:
            problem(
                "ags",
                _("Derselbe Gemeindeschlüssel steht schon in Zeile %(row)s.") % {"row": seen_ags[row.ags]},
            )
        seen_ags.setdefault(row.ags, row.number)
        if row.state not in FederalState.values:
            problem(
                "state",
                _("„%(value)s“ ist kein Bundesland; erwartet wird ein Kürzel wie BY oder NW.")
                % {"value": row.state},
            )
        try:
            validate_email(row.office_email)
        except ValidationError:
            problem(
                "office_email",
                _("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": row.office_email},
            )
        if row.name and not row.slug:
            problem("slug", _("Aus dem Namen entsteht kein Kurzname; bitte einen Kurznamen angeben."))
        elif row.slug in taken_slugs:
            problem("slug", _("Der Kurzname „%(slug)s“ ist schon vergeben.") % {"slug": row.slug})
        elif row.slug in seen_slugs:
            problem(
                "slug",
                _("Derselbe Kurzname „%(slug)s“ steht schon in Zeile %(row)s.")
                % {"slug": row.slug, "row": seen_slugs[row.slug]},
            )
        seen_slugs.setdefault(row.slug, row.number)
        for department in row.departments:
            if len(department) > 200:
                problem("departments", _("Ein Name ist länger als 200 Zeichen."))
    return errors


@transaction.atomic
def set_up_municipalities(
    file: str, rows: list[MunicipalityRow], *, send_invitations: bool = True
) -> list[SetUp]:
    """Check every row, then save all of them or none. Raises ProvisioningError with every problem."""
    errors = check_rows(file, rows)
    if errors:
        raise ProvisioningError(errors)
    return [set_up_one(row, send_invitation=send_invitations) for row in rows]


def set_up_one(row: MunicipalityRow, *, send_invitation: bool = True) -> SetUp:
    """One municipality with its statuses, departments and office user (the caller checked the row)."""
    from django.conf import settings

    from teilhabe.accounts.models import Membership, User
    from teilhabe.accounts.roles import OFFICE
    from teilhabe.accounts.services import send_invitation as queue_invitation
    from teilhabe.concept.models import ensure_default_statuses
    from teilhabe.directory.models import Organisation

    municipality = Municipality(name=row.name, slug=row.slug, ags=row.ags, federal_state=row.state)
    municipality.full_clean()
    municipality.save()
    ensure_default_statuses(municipality)
    for name in row.departments:
        Organisation.objects.create(municipality=municipality, kind=Organisation.Kind.DEPARTMENT, name=name)
    email = row.office_email
    user = User.objects.filter(email__iexact=email).order_by("-is_active", "pk").first()
    new_account = user is None
    if new_account:
        user, _created = User.objects.get_or_create(username=email, defaults={"email": email})
        user.set_unusable_password()
        user.save(update_fields=["password"])
    membership = Membership.objects.create(user=user, municipality=municipality, role=OFFICE)
    job = None
    if send_invitation:
        job = queue_invitation(membership, settings.SITE_URL)
    return SetUp(municipality, email, new_account, job.pk if job else None)
