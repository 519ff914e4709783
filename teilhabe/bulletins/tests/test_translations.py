"""Language versions: German is the source; each other language is missing, outdated or up to date, computed
from the versions; a minor German edit outdates nothing; machine translations stay marked until approved."""

import pytest
from django.core.exceptions import ValidationError

from teilhabe.bulletins.services.texts import MISSING, OUTDATED, UP_TO_DATE, Versions, approve, save_version
from teilhabe.bulletins.tests.compose_helpers import draft, hand_written


def state(text, language):
    return Versions.of([text]).state(text.pk, language)


def test_states_follow_the_german_versions(municipality):
    item = hand_written(draft(municipality))
    text = item.text
    assert state(text, "tr") == MISSING
    save_version(
        text,
        None,
        language="tr",
        title="Yeni danışma saatleri",
        body="Ocak ayından itibaren salı günleri de.",
    )
    assert state(text, "tr") == UP_TO_DATE
    assert state(text, "ar") == MISSING

    save_version(
        text, None, language="de", title="Neue Beratungszeiten", body="Ab Januar auch dienstag.", minor=True
    )
    assert state(text, "tr") == UP_TO_DATE  # a minor edit outdates no translation

    save_version(text, None, language="de", title="Neue Beratungszeiten", body="Ab Februar auch dienstags.")
    assert state(text, "tr") == OUTDATED

    save_version(
        text,
        None,
        language="tr",
        title="Yeni danışma saatleri",
        body="Şubat ayından itibaren salı günleri de.",
    )
    assert state(text, "tr") == UP_TO_DATE


def test_a_translation_needs_a_german_version_and_an_offered_language(municipality):
    issue = draft(municipality, languages=("tr",))
    item = hand_written(issue)
    with pytest.raises(ValidationError):
        save_version(item.text, None, language="ru", title="Новое", body="Текст")
    from teilhabe.bulletins.services.texts import editorial_of

    empty = editorial_of(draft(municipality, number=2, name="Kompakt-Info"))
    empty.versions.all().delete()
    with pytest.raises(ValidationError):
        save_version(empty, None, language="tr", body="Merhaba")


def test_machine_translation_is_marked_until_approved(municipality, office_user):
    item = hand_written(draft(municipality))
    version = save_version(item.text, None, language="uk", title="Нові години", body="Текст", machine=True)
    assert version.awaiting_approval
    approve(version, office_user)
    version.refresh_from_db()
    assert not version.awaiting_approval and version.approved_by == office_user
    with pytest.raises(ValidationError):
        approve(version, office_user)
