import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from teilhabe.activities.models import Activity
from teilhabe.activities.tests.helpers import activity
from teilhabe.networks.services.tasks import for_user
from teilhabe.programmes import services
from teilhabe.programmes.models import Funding, Programme, ProgrammeBudget

D = datetime.date


def url(name, municipality, *args):
    return reverse(f"programmes:{name}", args=[municipality.slug, *args])


@pytest.fixture
def iq(municipality, partner):
    programme = services.save_programme(municipality, None, {"name": "IQ-Netzwerk", "funder": partner})
    services.save_budget(programme, None, 2024, Decimal("6000"))
    for title, day in (("Workshop kultursensible Öffentlichkeitsarbeit I", 8), ("Workshop II", 21)):
        services.save_funding(
            programme,
            None,
            {
                "activity": activity(municipality, title, starts_on=D(2024, 10, day)),
                "year": 2024,
                "requested": Decimal("1200"),
                "granted": Decimal("1000"),
                "spent": Decimal("950.50"),
            },
        )
    return programme


def test_the_overview_sums_per_year_and_shows_what_is_left(iq):
    services.save_budget(iq, None, 2025, Decimal("3000"))
    (y2024, y2025) = services.overview(iq)
    assert (y2024.year, y2024.budget, y2024.requested, y2024.granted, y2024.spent) == (
        2024, Decimal("6000"), Decimal("2400"), Decimal("2000"), Decimal("1901.00"),
    )  # fmt: skip
    assert y2024.available == Decimal("4000") and y2025.granted == 0 and y2025.available == Decimal("3000")
    services.save_budget(iq, None, 2025, None)
    assert list(ProgrammeBudget.objects.values_list("year", flat=True)) == [2024]


def test_one_funding_per_activity_programme_and_year(municipality, iq):
    workshop = Funding.objects.first().activity
    with pytest.raises(ValidationError):
        services.save_funding(iq, None, {"activity": workshop, "year": 2024, "granted": Decimal("5")})
    with pytest.raises(ValidationError):
        services.save_funding(iq, None, {"activity": workshop, "year": 2025, "granted": Decimal("-5")})


def test_the_export_has_the_overview_and_the_fundings(client, municipality, office_user, iq):
    client.force_login(office_user)
    response = client.get(url("export", municipality, iq.pk))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    overview, fundings = book.worksheets
    values = [[c.value for c in row] for row in overview.iter_rows()]
    assert ["Jahr", "Budget", "beantragt", "bewilligt", "ausgegeben", "noch verfügbar"] in values
    assert [2024, 6000, 2400, 2000, 1901, 4000] in values
    titles = [row[1].value for row in fundings.iter_rows()]
    assert "Workshop II" in titles


def test_the_programme_page_shows_chart_and_table_and_the_activity_page_its_funding(
    client, municipality, office_user, iq
):
    client.force_login(office_user)
    page = client.get(url("detail", municipality, iq.pk)).content.decode()
    assert "<svg" in page and "6.000,00 €" in page and "1.901,00 €" in page
    workshop = Activity.objects.get(title="Workshop II")
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "IQ-Netzwerk" in page and "1.000" in page


def test_a_report_deadline_is_a_task_on_the_start_page(client, municipality, office_user, iq):
    task = services.add_report_deadline(
        iq, office_user, title="Verwendungsnachweis", due_on=D(2020, 1, 1), assignee_user=office_user
    )
    assert task.report_deadline.programme == iq and task.network is None
    assert for_user(municipality, office_user)[1] == 1
    client.force_login(office_user)
    page = client.get(url("detail", municipality, iq.pk)).content.decode()
    assert "Verwendungsnachweis" in page and "überfällig" in page
    assert client.get(reverse("networks:task_edit", args=[municipality.slug, task.pk])).status_code == 200


def test_editors_do_not_see_programmes_the_board_reads(client, municipality, partner_user, board_user, iq):
    client.force_login(partner_user)
    assert client.get(url("detail", municipality, iq.pk)).status_code == 403
    assert (
        "Förderprogramme"
        not in client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    )
    client.force_login(board_user)
    assert client.get(url("detail", municipality, iq.pk)).status_code == 200
    assert client.get(url("edit", municipality, iq.pk)).status_code == 403
    assert (
        "Förderprogramme"
        in client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    )


@pytest.mark.parametrize("count", [2, 200])
@pytest.mark.parametrize("page", ["list", "detail"])
def test_pages_stay_within_a_fixed_number_of_queries(
    client, municipality, office_user, django_assert_max_num_queries, count, page
):
    from teilhabe.activities.testdata import many_activities

    activities = many_activities(municipality, count, today=D(2024, 6, 1))
    programmes = Programme.objects.bulk_create(
        Programme(municipality=municipality, name=f"Programm {i}") for i in range(count)
    )
    ProgrammeBudget.objects.bulk_create(
        ProgrammeBudget(municipality=municipality, programme=p, year=2024, amount=1000) for p in programmes
    )
    Funding.objects.bulk_create(
        Funding(municipality=municipality, programme=programmes[0], activity=a, year=2024, granted=10)
        for a in activities
    )
    target = url(page, municipality) if page == "list" else url(page, municipality, programmes[0].pk)
    client.force_login(office_user)
    client.get(target)
    with django_assert_max_num_queries(18):
        response = client.get(target)
    assert response.status_code == 200


def test_other_municipalities_programmes_are_not_found(client, outsider, municipality, iq):
    client.force_login(outsider)
    assert client.get(url("detail", municipality, iq.pk)).status_code in (403, 404)
