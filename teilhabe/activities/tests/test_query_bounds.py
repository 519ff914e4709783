"""The list and calendar pages need the same number of queries for 10 and for 2,000 activities."""

import datetime

import pytest

from teilhabe.activities.testdata import many_activities
from teilhabe.activities.tests.helpers import url

MAX_QUERIES = 16


@pytest.mark.parametrize("count", [10, 2000])
@pytest.mark.parametrize("page", ["list", "past", "calendar"])
def test_pages_stay_within_a_fixed_number_of_queries(
    client, municipality, office_user, django_assert_max_num_queries, count, page
):
    many_activities(municipality, count, today=datetime.date.today())
    client.force_login(office_user)
    client.get(url(page, municipality))  # session and language settle
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(page, municipality))
    assert response.status_code == 200
