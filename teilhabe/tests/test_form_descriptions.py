"""Help texts and errors are announced with their field, and the error summary leads to the fields.

No checker engine sees a reference to a wrong id, so these are tested directly: on forms/form.html with every
kind of field, and on real pages of the site in their error state.
"""

import re

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from teilhabe.testing.a11y import broken_id_references


class EveryKindOfField(forms.Form):
    name = forms.CharField(label="Name", help_text="Wie im Register.")
    agreed = forms.BooleanField(label="Einverstanden", help_text="Sonst geht es nicht.")
    colour = forms.ChoiceField(
        label="Farbe", choices=[("r", "rot"), ("g", "grün")], widget=forms.RadioSelect, help_text="Eine."
    )
    tags = forms.MultipleChoiceField(
        label="Schlagworte", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label="Notiz", required=False)


def _described_by(html, element_id):
    tag = re.search(rf'<[^>]*\bid="{element_id}"[^>]*>', html).group(0)
    match = re.search(r'aria-describedby="([^"]*)"', tag)
    return match.group(1).split() if match else []


def test_help_texts_are_announced_with_their_field():
    html = render_to_string("forms/form.html", {"form": EveryKindOfField()})
    assert not broken_id_references(html)
    assert _described_by(html, "id_name") == ["id_name_helptext"]
    assert 'id="id_name_helptext">Wie im Register.<' in html
    assert _described_by(html, "id_agreed") == ["id_agreed_helptext"]
    assert _described_by(html, "id_colour_0") == ["id_colour_helptext"]
    assert _described_by(html, "id_note") == []


def test_errors_are_announced_with_their_field_and_the_summary_links_to_it():
    html = render_to_string("forms/form.html", {"form": EveryKindOfField(data={"name": ""})})
    assert not broken_id_references(html)
    assert _described_by(html, "id_name") == ["id_name_helptext", "id_name_error"]
    assert _described_by(html, "id_tags_0") == ["id_tags_error"]
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.DOTALL).group(0)
    links = re.findall(r'href="#([^"]+)"', summary)
    # a group of options is reached at its first option
    assert links == ["id_name", "id_agreed", "id_colour_0", "id_tags_0"]
    assert html.count('id="id_name_error"') == 1


@pytest.mark.django_db
def test_a_failed_login_leads_to_the_fields(client, office_user):
    response = client.post(reverse("accounts:login"), {"username": "amt@example.org", "password": "falsch"})
    html = response.content.decode()
    assert "error-summary" in html
    assert not broken_id_references(html)


@pytest.mark.django_db
def test_an_invitation_without_address_names_the_field(client, office_user, municipality):
    client.force_login(office_user)
    response = client.post(reverse("members:invite", args=[municipality.slug]), {"email": ""})
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert not broken_id_references(html)
    first_link = re.search(r'class="error-summary".*?href="#([^"]+)"', html, re.DOTALL).group(1)
    assert re.search(rf'<(input|select|textarea)[^>]*\bid="{first_link}"', html)
    assert f"{first_link}_error" in _described_by(html, first_link)
