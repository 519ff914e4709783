"""The concept template's placeholder title is never taken as a concept's title."""

from django.urls import reverse
from django.utils import translation

from teilhabe.concept import models as m
from teilhabe.concept.services.structure import is_placeholder_title


def test_the_placeholder_is_recognised_in_both_languages_and_real_titles_are_not():
    assert is_placeholder_title("Integrationskonzept der Stadt … (Titel hier eintragen)")
    with translation.override("en"):
        from teilhabe.concept.sheet_template import PLACEHOLDER_TITLE

        english = str(PLACEHOLDER_TITLE)
    assert is_placeholder_title(english)
    assert not is_placeholder_title("Kommunales Integrationskonzept Musterstadt 2023–2028")


def test_the_concept_form_refuses_the_placeholder(office_client, municipality):
    response = office_client.post(
        reverse("concept:concept_create", args=[municipality.slug]),
        {"title": "Integrationskonzept der Stadt … (Titel hier eintragen)", "short_name": "KIK"},
    )
    assert response.status_code == 200
    assert "Platzhalter aus der Vorlage" in response.content.decode()
    assert not m.Concept.objects.exists()
