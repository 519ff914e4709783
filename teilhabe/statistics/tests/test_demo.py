"""The demo municipality shows the seed report's table, computed from its synthetic extracts."""

import re

import pytest
from django.urls import reverse

from teilhabe.statistics.demo import load_demo
from teilhabe.statistics.models import FactCheck, Indicator

SEED = [
    ("Einwohner", "70.787", "72.477"),
    ("Nationen", "125", "125"),
    ("davon Menschen mit Migrationshintergrund", "27.027", "30.199"),
    ("Menschen mit Migrationshintergrund in %", "38,2\u202f%", "41,7\u202f%"),
    ("davon Ausländer", "11.689", "14.239"),
    ("Ausländer in %", "16,5\u202f%", "19,6\u202f%"),
    ("davon aus EU-Staaten", "45,2\u202f%", "40,5\u202f%"),
    ("davon aus Drittstaaten", "54,8\u202f%", "59,5\u202f%"),
    ("Personen mit Asylhintergrund", "1.372", "1.549"),
]

#: The Einwanderungsgeschichte of the same demo people, below the seed's rows.
HISTORY = [
    ("Menschen mit Einwanderungsgeschichte", "21.050", "23.554"),
    ("Menschen mit Einwanderungsgeschichte in %", "29,7\u202f%", "32,5\u202f%"),
    ("einseitige Einwanderungsgeschichte (nicht mitgezählt)", "2.797", "2.896"),
]


def table_rows(html: str, table_id: str) -> list[tuple[str, ...]]:
    table = html[html.index('id="%s"' % table_id) :]
    table = table[: table.index("</table>")]
    body = table[table.index("<tbody>") :]
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        rows.append(tuple(re.sub(r"<[^>]+>", "", c).strip() for c in cells))
    return rows


@pytest.mark.django_db
def test_the_demo_overview_shows_the_seed_table_exactly(client, demo_municipality, office_user):
    client.force_login(office_user)
    html = client.get(reverse("statistics:overview", args=[demo_municipality.slug])).content.decode()
    assert table_rows(html, "table-comparison") == SEED + HISTORY
    assert '<th scope="col" class="num">31.12.2020</th>' in html
    assert "lässt sich der Teil über die Eltern nicht ableiten" in html
    assert "Quelle: Faktencheck Migration 2020 &amp; 2023 Musterstadt" in html


@pytest.mark.django_db
def test_the_public_demo_overview_shows_the_seed_table_too(client, demo_municipality):
    html = client.get(reverse("statistics_public:index", args=[demo_municipality.slug])).content.decode()
    assert table_rows(html, "table-comparison") == SEED + HISTORY


@pytest.mark.django_db
def test_the_office_can_let_the_einwanderungsgeschichte_lead(client, demo_municipality, office_user):
    client.force_login(office_user)
    url = reverse("statistics:set_lead", args=[demo_municipality.slug])
    client.post(url, {"lead": "immigration_history"})
    html = client.get(reverse("statistics_public:index", args=[demo_municipality.slug])).content.decode()
    assert table_rows(html, "table-comparison") == SEED[:2] + HISTORY + SEED[2:]
    export = client.get(
        reverse("statistics_public:export", args=[demo_municipality.slug, "comparison", "csv"])
    ).content.decode("utf-8-sig")
    assert export.index("Einwanderungsgeschichte") < export.index("Migrationshintergrund")
    client.post(url, {"lead": "migration_background"})
    html = client.get(reverse("statistics_public:index", args=[demo_municipality.slug])).content.decode()
    assert table_rows(html, "table-comparison") == SEED + HISTORY


@pytest.mark.django_db
def test_only_the_office_chooses_the_lead(client, demo_municipality, department_user):
    client.force_login(department_user)
    response = client.post(
        reverse("statistics:set_lead", args=[demo_municipality.slug]), {"lead": "immigration_history"}
    )
    assert response.status_code == 403
    html = client.get(reverse("statistics_public:index", args=[demo_municipality.slug])).content.decode()
    assert table_rows(html, "table-comparison") == SEED + HISTORY


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(demo_municipality):
    before = sorted(
        Indicator.objects.values_list(
            "reference_date", "indicator", "dimension", "area", "group", "category", "value"
        )
    )
    load_demo(demo_municipality)
    after = sorted(
        Indicator.objects.values_list(
            "reference_date", "indicator", "dimension", "area", "group", "category", "value"
        )
    )
    assert before == after
    assert FactCheck.objects.count() == 2
