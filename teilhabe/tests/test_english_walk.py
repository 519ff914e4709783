"""Every page of the municipality area, read in English, shows no German interface text.

The walk renders each GET route as the office (sample objects from the URL walk), takes the visible text and
the labels a screen reader reads (aria-label, title, alt, placeholder), removes what is data (every text
value stored in the database: names, titles, the status vocabulary), and looks for German words. Exports
are read too: CSV header rows and XLSX sheet names and header rows."""

import csv
import io
import re
from html.parser import HTMLParser
from pprint import pformat

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes

GERMAN_WORDS = re.compile(
    r"\b(und|oder|nicht|für|mit|der|die|das|des|dem|den|ein|eine|einer|ist|sind|noch|wird|wurde|werden|"
    r"Sie|Ihre|Ihr|kein|keine|alle|Maßnahmen?|Berichtsrunden?|Meldungen?|Handlungsfeld(?:er)?|Ziele?|"
    r"Bearbeiten|Speichern|Löschen|zurück|Seite|Zeile|Datei|Übersicht|Adressbuch|Verlauf|Benutzer|"
    r"Organisationen|Ansprechpersonen?|Stichtag|Anzahl|Anteil|gesamt|insgesamt|Jahr|Status-Werte)\b"
)
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class VisibleText(HTMLParser):
    """The visible text, without scripts and without content an element declares to be in another language
    (`<div lang="de">`: a report version frozen in German is data, read in German by screen readers too)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0
        self._foreign = []  # [tag, depth of that tag] of an element with lang="de" being skipped

    def handle_starttag(self, tag, attrs):
        if self._foreign and tag == self._foreign[0]:
            self._foreign[1] += 1
        elif not self._foreign and any(n == "lang" and v and not v.startswith("en") for n, v in attrs):
            self._foreign = [tag, 1]
            self._skip += 1
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        if self._foreign and tag == self._foreign[0]:
            self._foreign[1] -= 1
            if not self._foreign[1]:
                self._foreign = []
                self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def stored_texts():
    """Every text value in the database (data, not interface), longest first."""
    values = set()
    for model in apps.get_models():
        fields = [
            f.name for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            values.update(v.strip() for v in row if isinstance(v, str) and len(v.strip()) > 2)
    return sorted(values, key=len, reverse=True)


def german_in(text, data):
    for value in data:
        text = text.replace(value, " ")
    return sorted(set(GERMAN_WORDS.findall(text)))


def export_texts(response):
    kind = response.get("Content-Type", "")
    if "csv" in kind:
        text = response.content.decode("utf-8-sig", errors="replace")
        first = next(csv.reader(io.StringIO(text), delimiter=";"), [])
        return " | ".join(first)
    if "spreadsheet" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(response.content), read_only=True)
        parts = list(book.sheetnames)
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=1, values_only=True):
                parts.extend(str(v) for v in row if v is not None)
        return " | ".join(parts)
    return None


#: Pages and exports still showing German text in English, named here until they are fixed: the test fails
#: on any German outside this list, and on an entry that is no longer needed. Exports write their headers and
#: sheet names in the interface language (sheets.Col.title(), sheets.Layout.title()); imports read both.
KNOWN: dict[str, list[str]] = {}


@pytest.mark.django_db
def test_the_english_interface_has_no_german_words(office_client, office_user, municipality):
    # Internal pages follow the member's stored choice, not a cookie (see accounts/language.py).
    office_user.language = "en"
    office_user.save(update_fields=["language"])
    pages = []
    for route in municipality_routes():
        url = reverse(route.name, kwargs=fill_kwargs(route, municipality))
        response = office_client.get(url)
        if response.status_code != 200:
            continue
        pages.append((route.name, response))
    data = stored_texts() + [municipality.name]
    found = {}
    for name, response in pages:
        text = export_texts(response)
        if text is None and "html" in response.get("Content-Type", ""):
            parser = VisibleText()
            parser.feed(response.content.decode())
            text = " ".join(parser.parts)
        if text:
            words = german_in(text, data)
            if words:
                found[name] = words
    assert len(pages) > 40
    assert found == KNOWN, pformat(found)


def test_text_marked_as_another_language_is_content_not_interface():
    parser = VisibleText()
    parser.feed(
        '<html lang="en"><h1>Preview</h1><article lang="tr"><div><h2>Angebote und Beratung</h2></div>'
        '<p>Wann</p></article><p>Seite</p><span lang="en-GB">Zeile</span></html>'
    )
    assert parser.parts == ["Preview", "Seite", "Zeile"]
