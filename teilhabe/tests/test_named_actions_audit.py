"""The simple edit pages save through named actions (directory.services, concept.services.structure,
municipalities.services, statistics.services), and each save is in the audit trail with its author.

Each edit page is fetched, its form posted back with one change (so the test follows the form as it grows);
create pages post a minimal valid form."""

import re
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django import forms
from django.test import Client
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept
from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.tests.helpers import contact as make_contact
from teilhabe.statistics.models import StatisticsSettings

ROOT = Path(__file__).resolve().parents[1]


def form_data(client, url):
    """What the page's form would post back unchanged (booleans only when ticked, files left out)."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.FileField):
            continue
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        data[name] = value
    return data


def post_back(client, url, **changes):
    response = client.post(url, {**form_data(client, url), **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def last_entry(obj):
    return LogEntry.objects.get_for_object(obj).order_by("-pk").first()


def assert_audited(obj, user, action, field=None):
    entry = last_entry(obj)
    assert entry is not None, f"no audit entry for {obj!r}"
    assert entry.action == action and entry.actor == user
    if field:
        assert field in entry.changes_dict


@pytest.fixture
def concept(municipality, department, partner):
    return build_concept(municipality, fields=2, goals=1, measures=2, leads=[department, partner])


def test_address_book_changes_are_named_actions_in_the_audit_trail(
    office_client, office_user, department_user, municipality, partner, department
):
    slug = municipality.slug
    office_client.post(
        reverse("directory:organisation_create", args=[slug]),
        {"kind": "community", "name": "Kulturverein", "languages": ["de"]},
    )
    created = Organisation.objects.get(name="Kulturverein")
    assert_audited(created, office_user, LogEntry.Action.CREATE)

    post_back(office_client, reverse("directory:organisation_edit", args=[slug, partner.pk]), notes="Neu")
    assert_audited(partner, office_user, LogEntry.Action.UPDATE, "notes")

    editor = Client()  # office_client is the `client` fixture: a second browser for the editor
    editor.force_login(department_user)
    post_back(editor, reverse("directory:own_organisation_edit", args=[slug]), phone="0851 1")
    assert_audited(department, department_user, LogEntry.Action.UPDATE, "phone")

    response = office_client.post(
        reverse("directory:contact_create", args=[slug, partner.pk]),
        {"organisation": partner.pk, "name": "Jens Hartmann", "languages": ["de"]},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    person = Contact.objects.get(name="Jens Hartmann")
    assert person.municipality == municipality
    assert_audited(person, office_user, LogEntry.Action.CREATE)

    other = make_contact(partner)
    post_back(office_client, reverse("directory:contact_edit", args=[slug, other.pk]), function="Leitung")
    assert_audited(other, office_user, LogEntry.Action.UPDATE, "function")


def test_settings_are_named_actions_in_the_audit_trail(office_client, office_user, municipality):
    slug = municipality.slug
    post_back(office_client, reverse("municipalities:settings", args=[slug]), office_hours="Mo–Fr 8–12")
    municipality.refresh_from_db()
    assert municipality.office_hours == "Mo–Fr 8–12"
    assert_audited(municipality, office_user, LogEntry.Action.UPDATE, "office_hours")

    office_client.post(reverse("statistics:set_lead", args=[slug]), {"lead": "immigration_history"})
    settings_row = StatisticsSettings.objects.get(municipality=municipality)
    assert settings_row.lead == "immigration_history"
    assert_audited(settings_row, office_user, LogEntry.Action.CREATE)
    office_client.post(reverse("statistics:set_lead", args=[slug]), {"lead": "migration_background"})
    assert_audited(settings_row, office_user, LogEntry.Action.UPDATE, "lead")


def test_concept_structure_changes_are_named_actions_in_the_audit_trail(office_client, office_user, concept):
    slug = concept.municipality.slug

    def url(name, *args):
        return reverse(f"concept:{name}", args=[slug, *args])

    office_client.post(url("field_create", concept.pk), {"number": 9, "title": "Wohnen", "colour": "#1f5f8b"})
    field = m.FieldOfAction.objects.get(concept=concept, number=9)
    assert_audited(field, office_user, LogEntry.Action.CREATE)
    post_back(office_client, url("field_edit", field.pk), title="Wohnen und Leben")
    assert_audited(field, office_user, LogEntry.Action.UPDATE, "title")

    office_client.post(
        url("goal_create", concept.pk), {"field_of_action": field.pk, "number": 1, "title": "Ziel"}
    )
    goal = m.Goal.objects.get(field_of_action=field)
    assert_audited(goal, office_user, LogEntry.Action.CREATE)

    office_client.post(url("status_create"), {"name": "Ruht", "colour": "#777777", "order": 9, "progress": 0})
    status = m.Status.objects.get(municipality=concept.municipality, name="Ruht")
    assert_audited(status, office_user, LogEntry.Action.CREATE)
    post_back(office_client, url("status_edit", status.pk), counts_as_implemented="on")
    status.refresh_from_db()
    assert status.counts_as_started and status.counts_as_implemented
    assert_audited(status, office_user, LogEntry.Action.UPDATE, "counts_as_implemented")

    office_client.post(
        url("focus_create", concept.pk), {"year": 2026, "title": "Teilhabe", "fields_of_action": [field.pk]}
    )
    focus = m.Focus.objects.get(concept=concept, title="Teilhabe")
    assert list(focus.fields_of_action.all()) == [field]
    assert_audited(focus, office_user, LogEntry.Action.CREATE)
    post_back(office_client, url("focus_edit", focus.pk), title="Teilhabe stärken")
    assert_audited(focus, office_user, LogEntry.Action.UPDATE, "title")


def test_no_view_saves_a_form_itself():
    """Views call a named action; `form.save()` in a view would bypass it (and what it does besides saving)."""
    views = [*ROOT.glob("*/views.py"), *ROOT.glob("*/views/*.py")]
    assert len(views) > 8
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in views
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\bform\.save\(", line)
    ]
    assert not found, found
