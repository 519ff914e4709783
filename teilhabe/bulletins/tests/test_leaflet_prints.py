"""A leaflet keeps a frozen copy of what was printed ("Druckfassung erstellen"): the PDF as it was made, with its
date, in private media, listed on the leaflet's page and downloaded unchanged after the data change; the list's
"older than its data" compares against the latest print; another municipality's print is a 404."""

import datetime
import io
from pathlib import Path

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import Leaflet, LeafletPrint
from teilhabe.bulletins.services import leaflets as service
from teilhabe.bulletins.tests.test_leaflets import activity, leaflet, organisation
from teilhabe.directory.services import update_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://teilhabe.example"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def fresh(item):
    return service.with_outdated(Leaflet.objects.filter(pk=item.pk)).get()


def test_the_print_is_frozen_with_its_date_and_downloads_as_it_was_made(
    office_client, municipality, office_user, settings
):
    caritas = organisation(municipality)
    item = leaflet(municipality, organisations=[caritas])
    Leaflet.objects.filter(pk=item.pk).update(stand_at=timezone.now() - datetime.timedelta(days=9))
    response = office_client.post(reverse("leaflets:print", args=[municipality.slug, item.pk]))
    assert response.status_code == 302
    frozen = LeafletPrint.objects.get(leaflet=item)
    assert frozen.created_by == office_user
    item.refresh_from_db()
    assert frozen.stand_at == item.stand_at and timezone.now() - item.stand_at < datetime.timedelta(minutes=1)
    path = Path(frozen.file.path)
    assert path.is_relative_to(Path(settings.MEDIA_ROOT) / "leaflets") and path.suffix == ".pdf"
    assert "leaflets/" not in str(frozen.file.name).split("/", 2)[-1]  # a random name, in its own folder
    original = path.read_bytes()
    assert "0831 5404-0" in text_of(original) and frozen.size == len(original)

    detail = office_client.get(reverse("leaflets:detail", args=[municipality.slug, item.pk])).content.decode()
    download = reverse("leaflets:print_file", args=[municipality.slug, frozen.pk])
    assert download in detail and "Druckfassung vom" in detail

    update_organisation(caritas, {"phone": "0831 1111"})  # the data change after printing
    answer = office_client.get(download)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer.content == original  # the copy as it was made, not rendered again
    assert "0831 5404-0" in text_of(answer.content) and "0831 1111" not in text_of(answer.content)
    assert (
        'filename="Flyer-' in answer["Content-Disposition"]
        and "Druckfassung" in answer["Content-Disposition"]
    )

    with pytest.raises(ValidationError):
        frozen.size = 1
        frozen.save()


def test_older_than_its_data_compares_against_the_latest_print(municipality, office_user):
    caritas = organisation(municipality)
    item = leaflet(municipality, organisations=[caritas], activities=[activity(municipality)])
    first = service.create_print(item, office_user)
    assert fresh(item).printed_at == first.created_at
    assert service.changes(fresh(item)) == {}
    update_organisation(caritas, {"phone": "0831 2"})
    assert set(service.changes(fresh(item))) == {"organisations"}
    service.renew_leaflet(item)  # a new Stand is not a new print: what is out there is still the old one
    assert set(service.changes(fresh(item))) == {"organisations"}
    second = service.create_print(item, office_user)
    assert fresh(item).printed_at == second.created_at
    assert service.changes(fresh(item)) == {}
    assert list(item.prints.all()) == [second, first]  # both kept, the latest first


def test_the_list_shows_the_print_date_and_marks_a_print_older_than_its_data(office_client, municipality):
    caritas = organisation(municipality)
    item = leaflet(municipality, organisations=[caritas])
    service.create_print(item, None)
    update_organisation(caritas, {"phone": "0831 3"})
    body = office_client.get(reverse("leaflets:list", args=[municipality.slug])).content.decode()
    assert "1 Flyer ist älter als seine Daten." in body
    assert reverse("leaflets:print", args=[municipality.slug, item.pk]) in body  # offered: a new print


def test_another_municipalitys_print_is_404(office_client, municipality, other_municipality):
    foreign = service.create_print(leaflet(other_municipality), None)
    answer = office_client.get(reverse("leaflets:print_file", args=[municipality.slug, foreign.pk]))
    assert answer.status_code == 404
    answer = office_client.post(reverse("leaflets:print", args=[municipality.slug, foreign.leaflet_id]))
    assert answer.status_code == 404 and LeafletPrint.objects.count() == 1


def test_only_the_office_makes_a_print(client, municipality, board_user):
    item = leaflet(municipality)
    client.force_login(board_user)
    answer = client.post(reverse("leaflets:print", args=[municipality.slug, item.pk]))
    assert answer.status_code == 403 and not LeafletPrint.objects.exists()
