"""Office editing: concepts, fields, goals, measures (with tags and foci), the status vocabulary, foci."""

from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses

SLUG = "musterstadt"


def url(name, *args):
    return reverse(f"concept:{name}", args=[SLUG, *args])


def test_creating_a_concept_sets_up_the_default_statuses_and_keeps_one_current(office_client, municipality):
    old = m.Concept.objects.create(municipality=municipality, title="Alt", short_name="A")
    response = office_client.post(
        url("concept_create"),
        {
            "title": "Kommunales Integrationskonzept",
            "short_name": "KIK",
            "adopted_on": "2022-07-14",
            "period_start": 2022,
            "period_end": 2027,
            "is_current": "on",
        },
    )
    concept = m.Concept.objects.get(short_name="KIK")
    assert response.url == url("structure", concept.pk)
    assert concept.municipality == municipality and concept.is_current
    old.refresh_from_db()
    assert not old.is_current
    assert m.Status.objects.filter(municipality=municipality).count() == 7


def test_a_concept_period_must_not_end_before_it_starts(office_client):
    response = office_client.post(
        url("concept_create"), {"title": "X", "short_name": "X", "period_start": 2027, "period_end": 2022}
    )
    assert response.status_code == 200
    assert "vor ihrem Beginn" in response.content.decode()


def test_fields_goals_and_measures_can_be_created_and_edited(
    office_client, municipality, department, partner
):
    concept = m.Concept.objects.create(municipality=municipality, title="KIK", short_name="KIK")
    office_client.post(
        url("field_create", concept.pk), {"number": 1, "title": "Sprache", "colour": "#1f5f8b"}
    )
    field = m.FieldOfAction.objects.get(concept=concept)
    duplicate = office_client.post(
        url("field_create", concept.pk), {"number": 1, "title": "Doppelt", "colour": "#1f5f8b"}
    )
    assert "Diese Nummer hat schon" in duplicate.content.decode()
    office_client.post(
        url("goal_create", concept.pk),
        {"field_of_action": field.pk, "number": "1.1", "title": "Deutsch lernen"},
    )
    goal = m.Goal.objects.get(field_of_action=field)
    focus = m.Focus.objects.create(municipality=municipality, concept=concept, year=2024, title="Teilhabe")
    response = office_client.post(
        url("measure_create", concept.pk),
        {
            "goal": goal.pk,
            "number": "1.1.1",
            "title": "Sprachcafé",
            "lead": department.pk,
            "involved": [partner.pk],
            "start": "2023-01-01",
            "end": "2024-12-31",
            "priority": "high",
            "cost_note": "Haushaltsmittel",
            "success_indicator": "20 Teilnehmende",
            "tags_text": "Sprache, Ehrenamt, sprache",
            "foci": [focus.pk],
        },
    )
    measure = m.Measure.objects.get(concept=concept, number="1.1.1")
    assert response.url == url("measure_detail", measure.pk)
    assert measure.field_of_action == field and measure.concept == concept
    assert list(measure.involved.all()) == [partner]
    assert sorted(t.name for t in measure.tags.all()) == ["Ehrenamt", "Sprache"]
    assert list(measure.foci.all()) == [focus]

    # moving the goal to another field takes its measures along
    office_client.post(url("field_create", concept.pk), {"number": 2, "title": "Arbeit", "colour": "#2e8540"})
    second = m.FieldOfAction.objects.get(concept=concept, number=2)
    office_client.post(
        url("goal_edit", goal.pk), {"field_of_action": second.pk, "number": "2.1", "title": "Deutsch lernen"}
    )
    measure.refresh_from_db()
    assert measure.field_of_action == second


def test_a_measure_form_offers_only_this_municipalitys_organisations(
    office_client, municipality, other_municipality
):
    from teilhabe.directory.models import Organisation

    concept = build_concept(municipality, fields=1, goals=1, measures=1)
    foreign = Organisation.objects.create(municipality=other_municipality, kind="department", name="Fremdamt")
    measure = m.Measure.objects.get(concept=concept)
    assert "Fremdamt" not in office_client.get(url("measure_edit", measure.pk)).content.decode()
    response = office_client.post(
        url("measure_edit", measure.pk),
        {"goal": measure.goal_id, "number": "1.1.1", "title": "x", "lead": foreign.pk},
    )
    assert response.status_code == 200
    measure.refresh_from_db()
    assert measure.lead is None


def test_fields_and_goals_with_content_cannot_be_deleted(office_client, municipality):
    concept = build_concept(municipality, fields=1, goals=1, measures=1)
    field = m.FieldOfAction.objects.get(concept=concept)
    goal = m.Goal.objects.get(field_of_action=field)
    assert office_client.post(url("field_delete", field.pk)).status_code == 409
    assert office_client.post(url("goal_delete", goal.pk)).status_code == 409
    m.Measure.objects.filter(goal=goal).delete()
    assert office_client.post(url("goal_delete", goal.pk)).status_code == 302
    assert office_client.post(url("field_delete", field.pk)).status_code == 302
    assert not m.FieldOfAction.objects.filter(pk=field.pk).exists()


def test_the_status_vocabulary_has_german_defaults_and_can_be_changed(office_client, municipality):
    empty = office_client.get(url("status_list"))
    assert list(empty.context["statuses"]) == []  # looking at the list writes nothing
    assert not m.Status.objects.filter(municipality=municipality).exists()
    office_client.post(url("status_list"), {"aktion": "standard"})
    page = office_client.get(url("status_list"))
    names = [status.name for status, _in_use in page.context["statuses"]]
    assert names == [
        "nicht begonnen",
        "in Vorbereitung",
        "in Umsetzung",
        "umgesetzt",
        "dauerhaft umgesetzt (laufend)",
        "zurückgestellt",
        "entfallen",
    ]
    office_client.post(
        url("status_create"),
        {
            "name": "verstetigt",
            "colour": "#004d40",
            "order": 45,
            "counts_as_implemented": "on",
            "progress": 100,
            "is_active": "on",
        },
    )
    created = m.Status.objects.get(municipality=municipality, name="verstetigt")
    assert created.counts_as_started  # implemented implies started
    duplicate = office_client.post(
        url("status_create"), {"name": "Umgesetzt", "colour": "#000000", "order": 1, "progress": 0}
    )
    assert "gibt es schon" in duplicate.content.decode()
    too_much = office_client.post(
        url("status_edit", created.pk),
        {"name": "verstetigt", "colour": "#004d40", "order": 45, "progress": 150},
    )
    assert too_much.status_code == 200


def test_a_status_in_use_cannot_be_deleted(office_client, municipality):
    concept = build_concept(municipality, fields=1, goals=1, measures=1)
    vocabulary = statuses(municipality)
    m.Measure.objects.filter(concept=concept).update(current_status=vocabulary["umgesetzt"])
    response = office_client.post(url("status_delete", vocabulary["umgesetzt"].pk))
    assert response.status_code == 409
    assert "wird von Maßnahmen oder Meldungen verwendet" in response.content.decode()
    assert m.Status.objects.filter(pk=vocabulary["umgesetzt"].pk).exists()
    assert office_client.post(url("status_delete", vocabulary["entfallen"].pk)).status_code == 302
    assert not m.Status.objects.filter(pk=vocabulary["entfallen"].pk).exists()


def test_an_inactive_status_is_not_offered_for_new_reports_but_kept_on_old_ones(municipality):
    from teilhabe.concept.forms import ReportForm

    vocabulary = statuses(municipality)
    old = vocabulary["zurückgestellt"]
    old.is_active = False
    old.save()
    assert old not in ReportForm(municipality=municipality).fields["status"].queryset
    assert old in ReportForm(municipality=municipality, current=old).fields["status"].queryset


def test_a_focus_ties_fields_and_measures(office_client, municipality):
    concept = build_concept(municipality, fields=2, goals=1, measures=2)
    field = m.FieldOfAction.objects.get(concept=concept, number=2)
    measure = m.Measure.objects.get(concept=concept, number="1.1.1")
    office_client.post(
        url("focus_create", concept.pk),
        {
            "year": 2024,
            "title": "Gesellschaftliche Teilhabe verbessern",
            "fields_of_action": [field.pk],
            "measures": [measure.pk],
        },
    )
    focus = m.Focus.objects.get(concept=concept)
    assert list(focus.fields_of_action.all()) == [field]
    assert list(focus.measures.all()) == [measure]
    structure = office_client.get(url("structure", concept.pk)).content.decode()
    assert "Gesellschaftliche Teilhabe verbessern" in structure


def test_the_measure_page_shows_the_audit_history_of_changes(office_client, municipality):
    concept = build_concept(municipality, fields=1, goals=1, measures=1)
    measure = m.Measure.objects.get(concept=concept)
    office_client.post(
        url("measure_edit", measure.pk), {"goal": measure.goal_id, "number": "1.1.1", "title": "Neuer Titel"}
    )
    page = office_client.get(url("measure_detail", measure.pk)).content.decode()
    assert "Verlauf" in page
    assert "Neuer Titel" in page and "Maßnahme 1.1.1" in page  # from -> to
