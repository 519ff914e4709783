"""The measure list's filters: field, goal, status, lead/involved organisation, focus, tag, text, overdue."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses


@pytest.fixture
def concept(municipality, department, partner):
    concept = build_concept(
        municipality, fields=2, goals=2, measures=3, leads=[department], involved=[partner]
    )
    return concept


def listed(client, concept, query=""):
    response = client.get(reverse("concept:measure_list", args=["musterstadt", concept.pk]) + query)
    assert response.status_code == 200
    return [measure.number for measure in response.context["page"].object_list]


def test_without_filters_it_lists_all_measures_in_number_order(office_client, concept):
    numbers = listed(office_client, concept)
    assert len(numbers) == 12
    assert numbers[:4] == ["1.1.1", "1.1.2", "1.1.3", "1.2.1"]


def test_it_filters_by_field_goal_and_text(office_client, concept):
    field = m.FieldOfAction.objects.get(concept=concept, number=2)
    goal = m.Goal.objects.get(field_of_action__concept=concept, number="1.2")
    assert listed(office_client, concept, f"?handlungsfeld={field.pk}")[0] == "2.1.1"
    assert len(listed(office_client, concept, f"?handlungsfeld={field.pk}")) == 6
    assert listed(office_client, concept, f"?ziel={goal.pk}") == ["1.2.1", "1.2.2", "1.2.3"]
    m.Measure.objects.filter(concept=concept, number="2.2.2").update(description="Sprachkurse für Eltern")
    assert listed(office_client, concept, "?q=sprachkurse") == ["2.2.2"]


def test_it_filters_by_status_and_by_no_status(office_client, concept, municipality):
    vocabulary = statuses(municipality)
    m.Measure.objects.filter(concept=concept, number__in=["1.1.1", "2.1.3"]).update(
        current_status=vocabulary["umgesetzt"]
    )
    assert listed(office_client, concept, f"?status={vocabulary['umgesetzt'].pk}") == ["1.1.1", "2.1.3"]
    assert len(listed(office_client, concept, "?status=none")) == 10


def test_it_filters_by_organisation_as_lead_or_involved(
    office_client, concept, department, partner, municipality
):
    other = m.Measure.objects.get(concept=concept, number="1.1.2")
    other.lead = partner
    other.save()
    other.involved.set([department])
    assert listed(office_client, concept, f"?organisation={partner.pk}&rolle=lead") == ["1.1.2"]
    assert "1.1.2" not in listed(office_client, concept, f"?organisation={partner.pk}&rolle=involved")
    assert len(listed(office_client, concept, f"?organisation={partner.pk}&rolle=involved")) == 11
    assert len(listed(office_client, concept, f"?organisation={partner.pk}")) == 12
    assert listed(office_client, concept, f"?organisation={department.pk}&rolle=involved") == ["1.1.2"]


def test_it_filters_by_focus_and_tag(office_client, concept, municipality):
    focus = m.Focus.objects.create(municipality=municipality, concept=concept, year=2024, title="Teilhabe")
    focus.fields_of_action.add(m.FieldOfAction.objects.get(concept=concept, number=2))
    focus.measures.add(m.Measure.objects.get(concept=concept, number="1.1.3"))
    numbers = listed(office_client, concept, f"?schwerpunkt={focus.pk}")
    assert len(numbers) == 7 and numbers[0] == "1.1.3"
    tag = m.Tag.objects.create(municipality=municipality, name="Kita")
    m.Measure.objects.get(concept=concept, number="2.2.1").tags.add(tag)
    assert listed(office_client, concept, f"?schlagwort={tag.pk}") == ["2.2.1"]


def test_it_lists_overdue_measures(office_client, concept, municipality):
    vocabulary = statuses(municipality)
    m.Measure.objects.filter(concept=concept, number="1.1.1").update(end=datetime.date(2020, 1, 1))
    m.Measure.objects.filter(concept=concept, number="1.1.2").update(
        end=datetime.date(2020, 1, 1), current_status=vocabulary["umgesetzt"]
    )
    m.Measure.objects.filter(concept=concept, number="1.1.3").update(
        end=datetime.date(2020, 1, 1), ongoing=True
    )
    assert listed(office_client, concept, "?ueberfaellig=on") == ["1.1.1"]


def test_it_paginates_and_keeps_the_filter(office_client, municipality, department):
    concept = build_concept(municipality, fields=1, goals=3, measures=20, leads=[department], title="Groß")
    response = office_client.get(
        reverse("concept:measure_list", args=["musterstadt", concept.pk])
        + f"?organisation={department.pk}&seite=2"
    )
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 10
    assert f"organisation={department.pk}&amp;seite=1" in response.content.decode()


def test_filter_choices_only_offer_the_municipalitys_own_objects(office_client, concept, other_municipality):
    from teilhabe.directory.models import Organisation

    foreign = Organisation.objects.create(municipality=other_municipality, kind="department", name="Fremdamt")
    response = office_client.get(
        reverse("concept:measure_list", args=["musterstadt", concept.pk]) + f"?organisation={foreign.pk}"
    )
    assert "Fremdamt" not in response.content.decode()
    assert response.context["form"].errors


def test_the_filter_form_keeps_the_chosen_values_and_labels(office_client, concept, department):
    field = m.FieldOfAction.objects.get(concept=concept, number=2)
    url = reverse("concept:measure_list", args=["musterstadt", concept.pk])
    html = office_client.get(
        url + f"?handlungsfeld={field.pk}&organisation={department.pk}&rolle=lead"
    ).content.decode()
    assert f'<option value="{field.pk}" selected>2 Handlungsfeld 2</option>' in html
    assert f'<option value="{department.pk}" selected>Kulturamt</option>' in html
    assert '<option value="lead" selected>federführend</option>' in html
    assert '<select name="handlungsfeld" id="id_handlungsfeld">' in html
    assert '<option value="">alle</option>' in html
