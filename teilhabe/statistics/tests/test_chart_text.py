"""District names are text in the Faktencheck charts, never matplotlib math text."""

import pytest
from django.urls import reverse

from teilhabe.statistics.services import compute_and_store

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db


def test_a_district_named_with_dollar_signs_is_drawn_as_text(client, tmp_path, municipality, office_user):
    name = r"Nord $\frac{1}$"
    rows = [person("p%d" % i, district=name if i % 2 else "Süd") for i in range(40)]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    client.force_login(office_user)
    for url_name in ("statistics:districts", "statistics_public:districts"):
        response = client.get(reverse(url_name, args=[municipality.slug]))
        assert response.status_code == 200
        html = response.content.decode()
        assert name in html[html.index("<svg") : html.index("</svg>")]
