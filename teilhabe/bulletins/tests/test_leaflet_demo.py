"""The demo's two leaflets: one from the activities, up to date and on one A4 page; one from the counselling
services, A5 and outdated; loading twice changes nothing."""

import io

import pypdf
import pytest

from teilhabe.activities import demo as activity_demo
from teilhabe.bulletins import demo_leaflets
from teilhabe.bulletins.models import Leaflet
from teilhabe.bulletins.services import leaflets as service
from teilhabe.concept import demo as concept_demo
from teilhabe.directory import demo as directory_demo
from teilhabe.registrations import demo as registration_demo


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_leaflets(municipality):
    directory_demo.load_demo(municipality)
    concept_demo.load_demo(municipality)
    activity_demo.load_demo(municipality)
    registration_demo.load_demo(municipality)  # shows the planned and done activities publicly
    demo_leaflets.load(municipality)
    demo_leaflets.load(municipality)
    women, counselling = (
        Leaflet.objects.get(title="Angebote für neu zugewanderte Frauen"),
        Leaflet.objects.get(title="Beratungsstellen auf einen Blick"),
    )
    assert Leaflet.objects.count() == 2
    assert not service.is_outdated(women)
    assert service.is_outdated(counselling)

    women_pdf = pypdf.PdfReader(io.BytesIO(service.render_pdf(women)))
    assert len(women_pdf.pages) == 1  # "A4, eine Seite" holds
    text = women_pdf.pages[0].extract_text()
    assert "Connected Women" in text and "Sozialdienst muslimischer Frauen" in text
    assert "© Klinikum Kempten, Martin Fink" in text  # a picture's credit

    counselling_pdf = pypdf.PdfReader(io.BytesIO(service.render_pdf(counselling)))
    assert len(counselling_pdf.pages) <= 4  # one A4 sheet folded
    assert {round(float(page.mediabox.width)) for page in counselling_pdf.pages} == {420}
    text = "".join(page.extract_text() for page in counselling_pdf.pages)
    assert "0831 5404-0" in text and "Miriam Vogt" in text
