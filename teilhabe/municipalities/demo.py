"""The demo municipality Musterstadt with one demo login per role. Idempotent."""

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.municipalities.models import Municipality

DEMO_SLUG = "musterstadt"
DEMO_PASSWORD = "musterstadt"

# (e-mail, first name, last name, role, organisation name or None)
DEMO_USERS = [
    ("amt@musterstadt.example", "Sabine", "Berger", OFFICE, "Amt für Integration"),
    ("kulturamt@musterstadt.example", "Thomas", "Keller", DEPARTMENT_EDITOR, "Kulturamt"),
    ("caritas@musterstadt.example", "Aylin", "Demir", PARTNER_EDITOR, "Caritasverband Musterstadt"),
    ("beirat@musterstadt.example", "Olena", "Kovalenko", ADVISORY_BOARD, None),
]
DEMO_SUPERUSER = "admin@musterstadt.example"


def load_municipality():
    municipality, _ = Municipality.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "name": "Musterstadt",
            "ags": "09763000",
            "federal_state": "BY",
            "office_name": "Amt für Integration – Kommunale Integrationsarbeit",
            "office_address": "Gerberstraße 2\n87400 Musterstadt",
            "office_email": "integration@musterstadt.example",
            "office_phone": "0831 2525-0",
            "office_hours": "Mo–Do 8:30–12:00 und 14:00–16:00\nFr 8:30–12:00",
        },
    )
    return municipality


def load_users(municipality):
    from teilhabe.directory.models import Organisation

    organisations = {o.name: o for o in Organisation.objects.for_municipality(municipality)}
    for email, first, last, role, organisation_name in DEMO_USERS:
        user = _user(email, first, last)
        Membership.objects.update_or_create(
            user=user,
            municipality=municipality,
            defaults={"role": role, "organisation": organisations.get(organisation_name), "is_active": True},
        )
    admin = _user(DEMO_SUPERUSER, "System", "Verwaltung")
    if not admin.is_superuser:
        admin.is_superuser = admin.is_staff = True
        admin.save(update_fields=["is_superuser", "is_staff"])


def _user(email, first, last):
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def demo_logins():
    rows = [(email, role.label) for email, _f, _l, role, _o in DEMO_USERS]
    rows.append((DEMO_SUPERUSER, "Superuser (Systemverwaltung)"))
    return rows
