"""The demo logins of Musterstadt, one per role, and the superuser. Idempotent."""

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR

DEMO_PASSWORD = "musterstadt"

# (e-mail, first name, last name, role, organisation name or None)
DEMO_USERS = [
    ("amt@musterstadt.example", "Sabine", "Berger", OFFICE, "Amt für Integration"),
    ("kulturamt@musterstadt.example", "Thomas", "Keller", DEPARTMENT_EDITOR, "Kulturamt"),
    ("caritas@musterstadt.example", "Aylin", "Demir", PARTNER_EDITOR, "Caritasverband Musterstadt"),
    ("beirat@musterstadt.example", "Olena", "Kovalenko", ADVISORY_BOARD, None),
]
DEMO_SUPERUSER = "admin@musterstadt.example"
# The office's team as the activity report shows it: (e-mail, function, name public, order)
DEMO_TEAM = [("amt@musterstadt.example", "Sachgebietsleitung", True, 1)]


def load_users(municipality):
    # The organisations the memberships point at (directory.Organisation, reached through the foreign key:
    # accounts sits below the directory, teilhabe/tests/test_import_layers.py).
    Organisation = Membership._meta.get_field("organisation").related_model
    organisations = {o.name: o for o in Organisation.objects.filter(municipality=municipality)}
    for email, first, last, role, organisation_name in DEMO_USERS:
        user = _user(email, first, last)
        Membership.objects.update_or_create(
            user=user,
            municipality=municipality,
            defaults={"role": role, "organisation": organisations.get(organisation_name), "is_active": True},
        )
    for email, function, public, order in DEMO_TEAM:
        Membership.objects.filter(user__username=email, municipality=municipality).update(
            team_function=function, name_public=public, team_order=order
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
