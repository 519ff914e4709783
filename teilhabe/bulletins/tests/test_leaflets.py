"""Leaflets: what they print (only what may be published), the PDF (pages, language, QR code, Stand), which
are older than their data, and the office's pages."""

import datetime
import io

import pypdf
import pytest
import segno
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from teilhabe.activities import samples as activity_samples
from teilhabe.activities.models import Activity
from teilhabe.activities.services.activities import save_activity
from teilhabe.bulletins.models import Leaflet
from teilhabe.bulletins.services import leaflets as service
from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.services import update_organisation

A5 = (419.53, 595.28)  # points
A4 = (595.28, 841.89)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://teilhabe.example"


def activity(municipality, title="Frauencafé", **values):
    return save_activity(
        municipality,
        None,
        {
            "title": title,
            "summary": "Treffpunkt für Frauen",
            "kind": Activity.Kind.EVENT,
            "state": Activity.State.PLANNED,
            "public": True,
            "starts_on": datetime.date(2026, 12, 10),
            "start_time": datetime.time(15, 0),
            "languages": ["tr", "ar"],
            **values,
        },
    )


def organisation(municipality, name="Caritas Beratung", public=("phone", "address")):
    return Organisation.objects.create(
        municipality=municipality,
        kind="partner",
        name=name,
        address="Haslacher Straße 2",
        phone="0831 5404-0",
        email="geheim@caritas.example",
        notes="interne Notiz",
        public_fields=list(public),
    )


def contact(organisation, name="Miriam Vogt", public=("name", "email"), consent=True):
    return Contact.objects.create(
        municipality=organisation.municipality,
        organisation=organisation,
        name=name,
        function="Migrationsberatung",
        email="m.vogt@caritas.example",
        phone="0831 99",
        consent_purpose="Flyer" if consent else "",
        consent_date=datetime.date(2026, 1, 5) if consent else None,
        consent_method="written" if consent else "",
        public_fields=list(public),
    )


def leaflet(municipality, **values):
    return service.save_leaflet(
        municipality,
        None,
        {
            "title": "Angebote für neu zugewanderte Frauen",
            "language": "de",
            "format": Leaflet.Format.A4,
            "intro": "Willkommen in Musterstadt.",
            "activities": [],
            "organisations": [],
            "contacts": [],
            "show_pictures": True,
            **values,
        },
    )


def pdf_of(item):
    return pypdf.PdfReader(io.BytesIO(service.render_pdf(item)))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


# What is printed -----------------------------------------------------------------------------------------------


def test_only_published_fields_are_printed(municipality):
    caritas = organisation(municipality)
    secret = organisation(municipality, "Verein ohne Freigabe", public=())
    printed = contact(caritas)
    contact(caritas, "Ohne Einwilligung", consent=False)
    contact(caritas, "Ohne Freigabe", public=())
    hidden = activity(municipality, "Internes Treffen", public=False)
    idea = activity(municipality, "Nur eine Idee", state=Activity.State.IDEA)
    item = leaflet(
        municipality,
        activities=[activity(municipality), hidden, idea],
        organisations=[caritas, secret],
        contacts=list(Contact.objects.all()),
    )
    text = text_of(pdf_of(item))
    assert "Frauencafé" in text and "Treffpunkt für Frauen" in text
    assert "Internes Treffen" not in text and "Nur eine Idee" not in text
    assert "Caritas Beratung" in text and "0831 5404-0" in text and "Haslacher Straße 2" in text
    assert "Verein ohne Freigabe" in text  # the name is always public …
    assert "geheim@caritas.example" not in text and "interne Notiz" not in text  # … the rest only if marked
    assert printed.name in text and "m.vogt@caritas.example" in text
    assert "Migrationsberatung" not in text and "0831 99" not in text  # not marked for print
    assert "Ohne Einwilligung" not in text and "Ohne Freigabe" not in text


def test_withdrawn_consent_takes_a_contact_off_the_leaflet(municipality):
    person = contact(organisation(municipality))
    item = leaflet(municipality, contacts=[person])
    assert person.name in text_of(pdf_of(item))
    person.consent_withdrawn = True
    person.save()
    assert person.name not in text_of(pdf_of(item))


def test_the_public_page_shows_no_contacts(client, municipality):
    person = contact(organisation(municipality))
    item = leaflet(municipality, contacts=[person], organisations=[person.organisation])
    page = client.get(reverse("public_leaflets:detail", args=[municipality.slug, item.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Caritas Beratung" in body and person.name not in body and "m.vogt" not in body


def test_pictures_are_printed_with_their_credit_and_only_when_released(municipality):
    picture = activity_samples.picture(municipality)
    item = leaflet(municipality, activities=[picture.activity])
    reader = pdf_of(item)
    assert f"© {municipality.slug}" in text_of(reader)
    assert len(_images(reader)) == 2  # the picture and the QR code
    picture.public = False
    picture.save()
    reader = pdf_of(item)
    assert f"© {municipality.slug}" not in text_of(reader)
    assert len(_images(reader)) == 1


# The PDF -------------------------------------------------------------------------------------------------------


def test_pdf_in_turkish_carries_the_turkish_texts_and_the_document_language(municipality):
    item = leaflet(
        municipality,
        title="Yeni gelen kadınlar için etkinlikler",
        intro="Musterstadt'a hoş geldiniz.",
        language="tr",
        activities=[activity(municipality)],
    )
    reader = pdf_of(item)
    text = text_of(reader)
    assert "Yeni gelen kadınlar için etkinlikler" in text and "Musterstadt'a hoş geldiniz." in text
    assert "Etkinlikler ve hizmetler" in text and "Ne zaman" in text  # the fixed words in Turkish
    assert "10 Aralık 2026" in text  # the date too
    assert "Güncelleme tarihi:" in text  # the Stand line
    assert reader.trailer["/Root"]["/Lang"] == "tr"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_pdf_in_arabic_runs_right_to_left_with_a_font_that_has_arabic(municipality):
    item = leaflet(
        municipality, title="عروض للنساء القادمات حديثًا", language="ar", activities=[activity(municipality)]
    )
    reader = pdf_of(item)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    text = text_of(reader)
    assert "العروض" in text  # the heading, extracted in logical order
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVu-Sans" in name for name in fonts), fonts
    context = service.leaflet_context(item, pdf=True)
    assert context["dir"] == "rtl"
    # German data keeps its own direction inside the Arabic leaflet (isolated; a German paragraph runs ltr)
    (row,) = context["activities"]
    assert row["title"] == "\u2068Frauencafé\u2069" and row["summary_dir"] == "ltr"
    assert "Frauencafé" in text


def test_leichte_sprache_is_german_with_its_own_words(municipality):
    item = leaflet(municipality, language="ls", organisations=[organisation(municipality)])
    reader = pdf_of(item)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "Hier bekommen Sie Beratung" in text_of(reader)


def test_a5_pages_have_the_a5_size_and_a4_the_a4_size(municipality):
    small = leaflet(municipality, format=Leaflet.Format.A5_FOLDED, activities=[activity(municipality)])
    for page in pdf_of(small).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A5, abs=0.5)
    large = leaflet(municipality, activities=[activity(municipality, "Sprachcafé")])
    page = pdf_of(large).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)


def test_two_pages_put_the_organisations_on_the_back(municipality):
    item = leaflet(
        municipality,
        format=Leaflet.Format.A4_TWO_PAGES,
        activities=[activity(municipality)],
        organisations=[organisation(municipality)],
    )
    reader = pdf_of(item)
    assert len(reader.pages) == 2
    assert "Frauencafé" in reader.pages[0].extract_text()
    assert "Caritas Beratung" in reader.pages[1].extract_text()


def test_the_qr_code_in_the_pdf_encodes_the_public_page(municipality):
    item = leaflet(municipality)
    url = f"https://teilhabe.example/{municipality.slug}/oeffentlich/flyer/{item.pk}/"
    assert service.public_url(item) == url
    (qr,) = _images(pdf_of(item))
    expected = segno.make(url, error="m").matrix
    assert _matrix(qr, len(expected)) == [[bool(v) for v in row] for row in expected]


def test_the_preview_shows_the_same_qr_code_as_svg(office_client, municipality):
    item = leaflet(municipality)
    page = office_client.get(reverse("leaflets:detail", args=[municipality.slug, item.pk]))
    expected = segno.make(service.public_url(item), error="m").svg_inline(scale=3, border=2, title="x")
    path = expected.split(' d="', 1)[1].split('"', 1)[0]
    assert path in page.content.decode()


def test_the_stand_line_shows_the_date(municipality):
    item = leaflet(municipality)
    Leaflet.objects.filter(pk=item.pk).update(stand_at=datetime.datetime(2026, 3, 9, 10, tzinfo=datetime.UTC))
    item.refresh_from_db()
    assert "Stand: 9. März 2026" in text_of(pdf_of(item))


def _images(reader):
    return [image for page in reader.pages for image in page.images]


def _matrix(image, size, border=2):
    """The QR code's modules read back from the embedded PNG (scale 4, border 2)."""
    picture = Image.open(io.BytesIO(image.data)).convert("L")
    scale = picture.width // (size + 2 * border)
    return [
        [
            picture.getpixel(((x + border) * scale + scale // 2, (y + border) * scale + scale // 2)) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


# Outdated ------------------------------------------------------------------------------------------------------


def test_a_change_after_the_stand_makes_a_leaflet_outdated_and_renewing_makes_it_current(municipality):
    caritas = organisation(municipality)
    item = leaflet(municipality, organisations=[caritas], activities=[activity(municipality)])
    assert not service.is_outdated(item)
    Leaflet.objects.filter(pk=item.pk).update(stand_at=timezone.now() - datetime.timedelta(days=3))
    item.refresh_from_db()
    assert service.is_outdated(item)
    (found,) = service.with_outdated(Leaflet.objects.filter(pk=item.pk))
    assert set(service.changes(found)) == {"organisations", "activities"}
    service.renew_leaflet(item)
    assert not service.is_outdated(item)
    update_organisation(caritas, {"phone": "0831 1"})
    assert set(service.changes(service.with_outdated(Leaflet.objects.filter(pk=item.pk)).get())) == {
        "organisations"
    }


def test_a_change_to_data_on_another_leaflet_leaves_this_one_current(municipality):
    item = leaflet(municipality, organisations=[organisation(municipality)])
    other = organisation(municipality, "Diakonie")
    Leaflet.objects.filter(pk=item.pk).update(stand_at=timezone.now() + datetime.timedelta(seconds=1))
    update_organisation(other, {"phone": "1"})
    assert not service.is_outdated(item)


def test_the_list_marks_outdated_leaflets_in_bounded_queries(
    office_client, municipality, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("leaflets:list", args=[municipality.slug])

    def add(numbers):
        for number in numbers:
            item = leaflet(
                municipality,
                title=f"Flyer {number}",
                activities=[activity(municipality, f"Angebot {number}")],
                organisations=[organisation(municipality, f"Organisation {number}")],
                contacts=[contact(organisation(municipality, f"Träger {number}"), f"Person {number}")],
            )
            if number % 2:
                Leaflet.objects.filter(pk=item.pk).update(
                    stand_at=timezone.now() - datetime.timedelta(days=1)
                )

    add(range(2))
    with CaptureQueriesContext(connection) as few:
        office_client.get(url)
    add(range(2, 8))
    with django_assert_max_num_queries(len(few.captured_queries)):  # as many for 8 leaflets as for 2
        page = office_client.get(url)
    body = page.content.decode()
    assert body.count("veraltet</span>") == 4
    assert "4 Flyer sind älter als ihre Daten." in body


def test_neu_erstellen_sets_a_new_stand(office_client, municipality):
    item = leaflet(municipality, organisations=[organisation(municipality)])
    Leaflet.objects.filter(pk=item.pk).update(stand_at=timezone.now() - datetime.timedelta(days=1))
    response = office_client.post(reverse("leaflets:renew", args=[municipality.slug, item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.stand_at > timezone.now() - datetime.timedelta(minutes=1)
    assert not service.is_outdated(item)


# Office pages --------------------------------------------------------------------------------------------------


def test_the_office_creates_a_leaflet_from_checkboxes(office_client, municipality):
    offer = activity(municipality)
    hidden = activity(municipality, "Internes Treffen", public=False)
    caritas = organisation(municipality)
    url = reverse("leaflets:create", args=[municipality.slug])
    form = office_client.get(url).content.decode()
    assert "Frauencafé" in form and "Internes Treffen" not in form
    response = office_client.post(
        url,
        {
            "title": "Beratungsstellen auf einen Blick",
            "language": "uk",
            "format": "a5",
            "intro": "Ласкаво просимо",
            "activities": [offer.pk],
            "organisations": [caritas.pk],
        },
    )
    assert response.status_code == 302
    item = Leaflet.objects.get()
    assert (item.language, item.format, item.show_pictures) == ("uk", "a5", False)
    assert list(item.activities.all()) == [offer] and list(item.organisations.all()) == [caritas]
    refused = office_client.post(
        url, {"title": "x", "language": "de", "format": "a4", "activities": [hidden.pk]}
    )
    assert refused.status_code == 200 and Leaflet.objects.count() == 1


def test_the_pdf_download_is_named_and_opens(office_client, municipality):
    item = leaflet(municipality)
    response = office_client.get(reverse("leaflets:pdf", args=[municipality.slug, item.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "Flyer-angebote-fur-neu-zugewanderte-frauen-de-" in response["Content-Disposition"]
    assert pypdf.PdfReader(io.BytesIO(response.content)).pages


def test_the_leaflet_is_audited(municipality):
    from auditlog.models import LogEntry

    item = leaflet(municipality)
    assert LogEntry.objects.get_for_object(item).exists()
