"""The BITV statement (Erklärung zur Barrierefreiheit): public, with the municipality's contact and a way to
report a barrier, linked from every page's footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement_url(municipality):
    municipality.office_name = "Amt für Integration"
    municipality.office_email = "integration@musterstadt.example"
    municipality.office_phone = "0831 2525-0"
    municipality.save()
    return reverse("public:accessibility", args=[municipality.slug])


def test_anyone_reads_it_with_the_contact_and_a_feedback_link(client, statement_url):
    response = client.get(statement_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in html
    assert "BITV 2.0" in html and "WCAG 2.1" in html
    assert "Amt für Integration" in html and "0831 2525-0" in html
    assert 'href="mailto:integration@musterstadt.example?subject=Barriere%20melden%3A%20Teilhabe"' in html
    assert "Durchsetzungsverfahren" in html


def test_every_page_links_to_it(office_client, municipality, statement_url):
    for url in (
        reverse("public:home", args=[municipality.slug]),
        reverse("municipalities:home", args=[municipality.slug]),
    ):
        assert f'href="{statement_url}"' in office_client.get(url).content.decode()
