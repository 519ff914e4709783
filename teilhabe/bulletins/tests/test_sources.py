"""Pulled items: Faktencheck figures as published (disclosure control), measures newly implemented since the
last sent issue, a network's last meeting; the machine-translation plug-in (a fake translator, defined here)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from teilhabe.bulletins.services.issues import add_item
from teilhabe.bulletins.services.machine import machine_translate, translator
from teilhabe.bulletins.services.rendering import render_issue_mail
from teilhabe.bulletins.services.texts import OUTDATED, UP_TO_DATE, Versions, approve
from teilhabe.bulletins.tests.compose_helpers import draft, hand_written


def _figures(municipality, **values):
    from teilhabe.statistics.models import FactCheck, Indicator

    date = datetime.date(2025, 12, 31)
    fact_check = FactCheck.objects.create(
        municipality=municipality, reference_date=date, source="statistics_office"
    )
    for key, value in values.items():
        Indicator.objects.create(
            municipality=municipality, fact_check=fact_check, reference_date=date, indicator=key, value=value
        )


def test_a_figure_is_taken_as_published(municipality):
    _figures(municipality, residents=72477, migration_background=30230, asylum_background=2)
    issue = draft(municipality)
    add_item(issue, None, "figure", figure="migration_background/residents")
    add_item(issue, None, "figure", figure="residents")
    html = render_issue_mail(issue, "de").html
    assert "41,7 %" in html and "72.477" in html and "Quelle: Faktencheck Migration" in html
    assert "72,477" in render_issue_mail(issue, "tr").html or "72.477" in render_issue_mail(issue, "tr").html
    with pytest.raises(ValidationError) as refused:  # 2 is under the disclosure threshold
        add_item(issue, None, "figure", figure="asylum_background")
    assert "nicht veröffentlicht" in str(refused.value)


def test_measures_since_the_last_sent_issue(municipality):
    from teilhabe.concept.models import Measure

    issue = draft(municipality)
    item = add_item(issue, None, "measures")
    assert item.text.versions.get().title == "Neu umgesetzte Maßnahmen"
    # no measure is implemented in this municipality: an empty list, no error
    assert Measure.objects.count() == 0
    assert "Neu umgesetzte Maßnahmen" in render_issue_mail(issue, "de").text


def test_network_news_shows_the_last_meeting(municipality):
    from teilhabe.networks.services.meetings import save_meeting
    from teilhabe.networks.services.networks import save_network

    network = save_network(
        municipality, None, {"name": "Runder Tisch Ehrenamt", "kind": "round_table", "purpose": "Austausch"}
    )
    save_meeting(
        network,
        None,
        {
            "title": "Herbsttreffen",
            "date": datetime.date(2026, 10, 1),
            "topics": ["Ehrenamt"],
            "decisions": "Fest im Mai",
        },
    )
    issue = draft(municipality)
    add_item(issue, None, "network", network=network)
    text = render_issue_mail(issue, "de").text
    assert "Neues aus: Runder Tisch Ehrenamt" in text
    assert (
        "Herbsttreffen, Donnerstag, 1. Oktober 2026" in text
        and "- Ehrenamt" in text
        and "Fest im Mai" in text
    )


class FakeTranslator:
    """Stands for a provider: marks each text with the target language, sends nothing anywhere."""

    calls: list = []

    def translate(self, texts, source, target):
        FakeTranslator.calls.append((source, target))
        return [f"[{target}] {text}" for text in texts]


def test_no_translator_by_default_and_nothing_is_sent(municipality, settings):
    assert settings.BULLETIN_TRANSLATOR == ""
    assert translator() is None
    item = hand_written(draft(municipality))
    with pytest.raises(ValidationError):
        machine_translate(item.text, None, "tr")


def test_a_machine_translation_is_marked_until_a_person_approves(municipality, settings, office_user):
    settings.BULLETIN_TRANSLATOR = "teilhabe.bulletins.tests.test_sources.FakeTranslator"
    issue = draft(municipality)
    item = hand_written(issue)
    version = machine_translate(item.text, office_user, "tr")
    assert version.machine and version.title == "[tr] Neue Beratungszeiten"
    assert FakeTranslator.calls[-1] == ("de", "tr")
    assert Versions.of([item.text]).state(item.text.pk, "tr") == UP_TO_DATE
    assert "Makine çevirisi, henüz kontrol edilmedi." in render_issue_mail(issue, "tr").html
    approve(version, office_user)
    assert "Makine çevirisi" not in render_issue_mail(issue, "tr").html
    from teilhabe.bulletins.services.texts import save_version

    save_version(item.text, None, language="de", title="Neue Beratungszeiten", body="Ab März.")
    assert Versions.of([item.text]).state(item.text.pk, "tr") == OUTDATED
