"""The issue as e-mail (HTML and text), per language, and its freezing at sending."""

import re

import pytest
from django.core.exceptions import ValidationError

from teilhabe.bulletins.models import IssueFreeze
from teilhabe.bulletins.services.freeze import freeze_issue
from teilhabe.bulletins.services.issues import add_item, remove_item
from teilhabe.bulletins.services.rendering import render_issue_mail, render_item
from teilhabe.bulletins.services.texts import save_version
from teilhabe.bulletins.tests.compose_helpers import activity, draft, hand_written


def test_german_mail_has_headings_facts_and_the_registration_link(municipality):
    issue = draft(municipality)
    cafe = activity(municipality)
    from teilhabe.registrations.services.setup import save_registration_settings

    save_registration_settings(
        cafe, None, {"is_open": True, "consent_text": "Ich willige ein.", "max_people": 2}
    )
    add_item(issue, None, "activity", activity=cafe)
    hand_written(issue)
    mail = render_issue_mail(issue, "de")
    assert mail.subject == "Com-In – Ausgabe 1"
    assert '<html lang="de" dir="ltr">' in mail.html
    assert "<h1>Com-In</h1>" in mail.html
    assert re.search(r"<h2 id=\"beitrag-1\">Sprachcafé</h2>", mail.html)
    assert "Stadtbibliothek, Marktplatz 1" in mail.html
    assert f"/oeffentlich/aktivitaeten/{cafe.pk}/#anmeldung" in mail.html
    assert "Deutsch, Arabisch und Türkisch" in mail.html
    # no tracking pixel, links as written, dark mode declared
    assert mail.html.count("<img") == 0
    assert 'name="color-scheme" content="light dark"' in mail.html
    assert "== Sprachcafé ==" in mail.text and "Zur Anmeldung: http" in mail.text
    assert "<" not in mail.text.replace("<integration@musterstadt.example>", "")


def test_arabic_mail_is_right_to_left_and_marks_german_fallbacks(municipality):
    issue = draft(municipality)
    item = hand_written(issue)
    other = hand_written(issue, title="Nur deutsch", body="Noch nicht übersetzt.")
    save_version(
        item.text,
        None,
        language="ar",
        title="مواعيد استشارة جديدة",
        body="اعتبارًا من يناير أيضًا يوم الثلاثاء.",
    )
    mail = render_issue_mail(issue, "ar")
    assert '<html lang="ar" dir="rtl">' in mail.html
    assert "مواعيد استشارة جديدة" in mail.html
    assert "العدد 1" in mail.subject
    # the German text keeps its own language and direction, with a note in Arabic
    assert '<section lang="de" dir="ltr">' in mail.html
    assert "هذه المقالة متوفرة باللغة الألمانية فقط." in mail.html
    assert render_item(other, "ar").title == "Nur deutsch"


def test_a_pulled_item_shows_current_data_until_frozen(municipality):
    issue = draft(municipality)
    cafe = activity(municipality)
    add_item(issue, None, "activity", activity=cafe)
    venue = cafe.venue
    venue.name = "Rathaus"
    venue.save()
    assert "Rathaus" in render_issue_mail(issue, "de").html  # linked: the current venue

    freeze = freeze_issue(issue)
    venue.name = "Volkshochschule"
    venue.save()
    html = render_issue_mail(issue, "de").html
    assert "Rathaus" in html and "Volkshochschule" not in html  # frozen copy
    assert freeze_issue(issue).pk == freeze.pk  # a resumed send gets the same freeze
    assert IssueFreeze.objects.filter(issue=issue).count() == 1


def test_a_frozen_issue_sends_the_versions_it_had(municipality):
    issue = draft(municipality)
    item = hand_written(issue)
    freeze_issue(issue)
    with pytest.raises(ValidationError):
        save_version(item.text, None, language="de", title="Später", body="geändert")
    with pytest.raises(ValidationError):
        remove_item(item, None)
    assert "Neue Beratungszeiten" in render_issue_mail(issue, "de").html
