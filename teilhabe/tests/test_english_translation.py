"""The English catalogue: complete as committed, compiled from what is committed, and used by the pages."""

import gettext
import re
from pathlib import Path

import pytest

LC_MESSAGES = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
ESCAPE = re.compile(r'\\(["\\nt])')
ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def _entries():
    """(msgctxt, msgid, msgid_plural, msgstrs, flags) for every entry of the .po file, read without extra
    packages."""
    entries, current, key = [], None, None
    for raw in (LC_MESSAGES / "django.po").read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current and current["msgid"]:
                entries.append(current)
            current, key = None, None
            continue
        if current is None:
            current = {"msgctxt": None, "msgid": "", "msgid_plural": None, "msgstr": {}, "flags": set()}
        if line.startswith("#,"):
            current["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(current, key, line)
        else:
            keyword, _space, value = line.partition(" ")
            key = keyword
            if keyword in ("msgid_plural", "msgctxt"):
                current[keyword] = ""
            _append(current, key, value)
    return entries


def _append(entry, key, quoted):
    text = ESCAPE.sub(lambda m: ESCAPES[m.group(1)], quoted[1:-1])
    if key in ("msgid", "msgid_plural", "msgctxt"):
        entry[key] += text
    else:
        index = int(key[7:-1]) if key.startswith("msgstr[") else 0
        entry["msgstr"][index] = entry["msgstr"].get(index, "") + text


def test_every_german_text_has_an_english_translation_and_none_is_fuzzy():
    entries = _entries()
    assert len(entries) > 900
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values()) or not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_translations_keep_the_placeholders_of_the_german_text():
    for entry in _entries():
        sources = [entry["msgid"]] + ([entry["msgid_plural"]] if entry["msgid_plural"] else [])
        expected = set().union(*(PLACEHOLDER.findall(s) for s in sources))
        for translation in entry["msgstr"].values():
            assert set(PLACEHOLDER.findall(translation)) <= expected, entry["msgid"]
            if entry["msgid_plural"] is None:
                assert set(PLACEHOLDER.findall(translation)) == expected, entry["msgid"]


def test_the_compiled_catalogue_matches_the_committed_translations():
    with (LC_MESSAGES / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in _entries():
        if entry["msgctxt"] is not None:  # pgettext("Dateiname", …): the file-name spelling of a word
            assert entry["msgid_plural"] is None
            assert catalogue.pgettext(entry["msgctxt"], entry["msgid"]) == entry["msgstr"][0], entry["msgid"]
        elif entry["msgid_plural"] is None:
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"][0], entry["msgid"]
        else:
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr"][0]
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr"][1]


@pytest.mark.django_db
def test_a_member_who_chose_english_reads_the_internal_pages_in_english(
    office_client, office_user, municipality
):
    office_user.language = "en"
    office_user.save(update_fields=["language"])
    response = office_client.get(f"/{municipality.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    for english in ["Skip to content", "Log out", "Integration concept", "Directory", "History", "Users"]:
        assert english in html
    for german in ["Zum Inhalt springen", "Abmelden", "Adressbuch", "Hauptnavigation"]:
        assert german not in html


@pytest.mark.django_db
def test_without_a_choice_the_pages_stay_german(office_client, municipality):
    html = office_client.get(f"/{municipality.slug}/").content.decode()
    assert "Zum Inhalt springen" in html
    assert "Skip to content" not in html
