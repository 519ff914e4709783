"""The demo report, built once per test session from `teilhabe demo` (in a transaction rolled back at once,
so no other test sees the demo), and each format rendered once from it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

PERIOD = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
_FILES = {}


@pytest.fixture(scope="session")
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    from teilhabe.municipalities.models import Municipality
    from teilhabe.reports.services import build_data, default_context

    var = tmp_path_factory.getbasetemp() / "reports-var"
    # MEDIA_ROOT stays (the pictures' renditions are read back from the default storage)
    with override_settings(VAR_DIR=var), django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", quiet_logins=True)
        municipality = Municipality.objects.get(slug="musterstadt")
        data = build_data(default_context(municipality, *PERIOD))
        transaction.set_rollback(True)
    return data


@pytest.fixture(scope="session")
def rendered(demo_data):
    """rendered(fmt) -> bytes, each format rendered once per session."""
    from teilhabe.reports.render import render

    def get(file_format):
        if file_format not in _FILES:
            _FILES[file_format] = render(demo_data, file_format)
        return _FILES[file_format]

    return get


def team_member(municipality, name, **membership):
    """An office member called `name` with the given membership fields (team_function, name_public, …)."""
    from teilhabe.accounts.models import Membership
    from teilhabe.conftest import make_member

    first, last = name.split(" ", 1)
    user = make_member(municipality, "office", f"{first.lower()}@example.org")
    user.first_name, user.last_name = first, last
    user.save()
    Membership.objects.filter(user=user).update(**membership)
    return user
