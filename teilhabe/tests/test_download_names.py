"""Every download's file name follows the interface language (teilhabe/downloads.py builds them all): the walk
fetches every URL of the site (internal as the office, public anonymously, each export table and format) in
German and in English and reads the Content-Disposition of every attachment."""

import datetime
import re
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext_lazy

from teilhabe.directory.models import Contact
from teilhabe.downloads import download_name
from teilhabe.testing.isolation import plant_samples, url_variants
from teilhabe.testing.urlwalk import municipality_routes

#: The German words of download names; none of them may be in an English name.
GERMAN = re.compile(
    r"Umsetzungsstand|Berichtsrunde|Adressbuch|Organisationen|Ansprechperson|Faktencheck|Vergleich|"
    r"Entwicklung|Migrationshintergrund|Stadtteile|Staatsangeh|Altersaufbau|intern\b|Auskunft|Anhang|Bild\b|Aktivit|Vorlage|"
    r"Teilnehmende|Anwesenheitsliste|Anmeldungen|Termin\b|Förderprogramm|Flyer|"
    r"Ausgabe|Taetigkeitsbericht",
    re.IGNORECASE,
)


def file_name(disposition: str) -> str:
    starred = re.search(r"filename\*=utf-8''([^;]+)", disposition)
    if starred:
        return unquote(starred.group(1))
    return re.search(r'filename="([^"]+)"', disposition).group(1)


def test_download_name_joins_the_translated_word_and_the_data():
    what = pgettext_lazy("Dateiname", "Umsetzungsstand")
    with translation.override("de"):
        assert download_name(what, "KIK 2030", datetime.date(2024, 10, 1), ext="xlsx") == (
            "Umsetzungsstand-kik-2030-2024-10-01.xlsx"
        )
    with translation.override("en"):
        assert (
            download_name(what, "KIK 2030", "2024-10", ext="xlsx")
            == "implementation-status-kik-2030-2024-10.xlsx"
        )
        assert download_name(what, "", None, 7) == "implementation-status-7"
        assert download_name(what, 'a/b\\c"d', ext="csv") == "implementation-status-abcd.csv"


@pytest.mark.django_db
def test_every_download_is_named_in_the_interface_language(client, municipality, office_user):
    plant_samples(municipality)
    names = {}
    for route in municipality_routes():
        for url in url_variants(route, municipality):
            for user in (office_user, None):
                for language in ("de", "en"):
                    if user is None:
                        client.logout()
                        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
                    else:
                        user.language = language
                        user.save(update_fields=["language"])
                        client.force_login(user)
                    response = client.get(url)
                    disposition = response.get("Content-Disposition", "")
                    if response.status_code == 200 and disposition.startswith("attachment"):
                        names.setdefault((route.name, url, user is None), {})[language] = file_name(
                            disposition
                        )
    routes = {route for route, _url, _anonymous in names}
    assert {
        "concept:export_xlsx",
        "concept:export_csv",
        "concept:round_export_xlsx",
        "concept:round_export_csv",
        "directory:export_xlsx",
        "directory:export_organisations_csv",
        "directory:export_contacts_csv",
        "statistics:export",
        "statistics_public:export",
        "statistics:table_export_xlsx",
        "statistics:table_export_csv",
        "statistics:table_template",
    } <= routes, sorted(routes)
    problems = []
    for (_route, url, _anonymous), by_language in sorted(names.items()):
        german, english = by_language.get("de"), by_language.get("en")
        if german is None or english is None or german == english:
            problems.append(f"{url}: {by_language} (the same in both languages)")
        elif GERMAN.search(english) or not GERMAN.search(german):
            problems.append(f"{url}: {by_language}")
    assert not problems, "\n".join(problems)
    assert names[
        ("statistics:export", reverse("statistics:export", args=[municipality.slug, "pyramid", "csv"]), False)
    ] == {
        "de": f"Faktencheck-Altersaufbau-{municipality.slug}-intern.csv",
        "en": f"fact-check-age-structure-{municipality.slug}-internal.csv",
    }


@pytest.mark.django_db
def test_the_privacy_export_is_named_in_the_office_language(office_client, office_user, municipality):
    plant_samples(municipality)
    contact = Contact.objects.filter(municipality=municipality).first()
    url = reverse("directory:contact_export", args=[municipality.slug, contact.pk])
    assert (
        file_name(office_client.post(url)["Content-Disposition"])
        == f"Auskunft-Ansprechperson-{contact.pk}.json"
    )
    office_user.language = "en"
    office_user.save(update_fields=["language"])
    assert (
        file_name(office_client.post(url)["Content-Disposition"])
        == f"data-access-request-contact-{contact.pk}.json"
    )
