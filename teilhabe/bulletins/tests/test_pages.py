"""The office composes an issue through the pages: series, issue, items pulled and written, order, texts and
translations, preview in German and Arabic; other roles read; the public archive shows sent issues only."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.bulletins.models import Bulletin, BulletinIssue, IssueItem
from teilhabe.bulletins.services.freeze import freeze_issue
from teilhabe.bulletins.services.texts import save_version
from teilhabe.bulletins.tests.compose_helpers import activity, draft, hand_written


def url(name, municipality, *args):
    return reverse(f"bulletins:{name}", args=[municipality.slug, *args])


def test_office_creates_a_series_and_an_issue(office_client, municipality):
    response = office_client.post(
        url("series_create", municipality),
        {
            "name": "Com-In",
            "audience": "communities",
            "languages": ["tr", "ar", "ls"],
            "sender_name": "Integrationsamt",
            "reply_to": "integration@musterstadt.example",
            "colour": "green",
        },
    )
    bulletin = Bulletin.objects.get(name="Com-In")
    assert response.status_code == 302
    assert bulletin.languages == ["tr", "ar", "ls"] and bulletin.layout.colour == "green"
    response = office_client.post(
        url("issue_create", municipality, bulletin.pk),
        {"number": 1, "issue_date": "2026-12-01", "editorial": "Liebe Leserinnen und Leser"},
    )
    issue = BulletinIssue.objects.get(bulletin=bulletin)
    assert response["Location"] == url("issue", municipality, issue.pk)
    again = office_client.post(
        url("issue_create", municipality, bulletin.pk), {"number": 1, "issue_date": "2026-12-02"}
    )
    assert "schon eine Ausgabe mit dieser Nummer" in again.content.decode()


def test_office_composes_from_an_upcoming_activity_and_reorders(office_client, municipality):
    issue = draft(municipality)
    cafe = activity(municipality)
    office_client.post(
        url("item_add", municipality, issue.pk), {"kind": "text", "title": "Neu im Amt", "body": "Hallo"}
    )
    response = office_client.post(
        url("item_add", municipality, issue.pk), {"kind": "activity", "activity": cafe.pk}
    )
    assert response.status_code == 302
    first, second = IssueItem.objects.filter(issue=issue).order_by("position")
    assert second.kind == "activity" and second.activity == cafe
    office_client.post(url("item_move", municipality, second.pk), {"richtung": "hoch"})
    assert list(issue.items.order_by("position").values_list("kind", flat=True)) == ["activity", "text"]
    page = office_client.get(url("issue", municipality, issue.pk)).content.decode()
    assert "Sprachcafé" in page and "fehlt" in page  # the translation overview: nothing translated yet
    save_version(first.text, None, language="tr", title="Daireden yenilikler", body="Merhaba")
    office_client.post(url("item_remove", municipality, first.pk))
    assert list(issue.items.values_list("kind", flat=True)) == ["activity"]


def test_item_add_names_what_is_missing(office_client, municipality):
    issue = draft(municipality)
    response = office_client.post(url("item_add", municipality, issue.pk), {"kind": "activity"})
    assert response.status_code == 200
    assert "Bitte wählen Sie aus, was übernommen werden soll." in response.content.decode()


def test_translation_overview_and_editing(office_client, municipality):
    issue = draft(municipality)
    item = hand_written(issue)
    response = office_client.post(
        url("item_text", municipality, item.pk, "ar"), {"title": "مواعيد جديدة", "body": "نص"}
    )
    assert response.status_code == 302
    office_client.post(
        url("item_text", municipality, item.pk, "de"), {"title": "Neue Beratungszeiten", "body": "Ab März."}
    )
    page = office_client.get(url("issue", municipality, issue.pk)).content.decode()
    assert "veraltet" in page
    form = office_client.get(url("item_text", municipality, item.pk, "ar")).content.decode()
    assert 'lang="ar"' in form and 'dir="rtl"' in form and "Ab März." in form  # the German source beside it


def test_preview_in_german_and_arabic(office_client, municipality, django_assert_max_num_queries):
    issue = draft(municipality)
    item = hand_written(issue)
    save_version(item.text, None, language="ar", title="مواعيد جديدة", body="نص")
    for index in range(5):
        from teilhabe.bulletins.services.issues import add_item

        add_item(issue, None, "activity", activity=activity(municipality, title=f"Kurs {index}"))
    with django_assert_max_num_queries(25):
        german = office_client.get(url("preview", municipality, issue.pk, "de"))
    assert '<article class="bulletin bulletin--blue" lang="de" dir="ltr"' in german.content.decode()
    with django_assert_max_num_queries(25):
        arabic = office_client.get(url("preview", municipality, issue.pk, "ar")).content.decode()
    assert 'lang="ar" dir="rtl"' in arabic and "مواعيد جديدة" in arabic
    assert office_client.get(url("preview", municipality, issue.pk, "ru")).status_code == 404


def test_issue_page_queries_are_bounded(office_client, municipality, django_assert_max_num_queries):
    issue = draft(municipality)
    for index in range(8):
        hand_written(issue, title=f"Beitrag {index}")
    with django_assert_max_num_queries(20):
        assert office_client.get(url("issue", municipality, issue.pk)).status_code == 200


def test_a_sent_issue_cannot_be_edited(office_client, municipality):
    issue = draft(municipality)
    item = hand_written(issue)
    freeze_issue(issue)
    response = office_client.post(url("item_text", municipality, item.pk, "de"), {"title": "x", "body": "y"})
    assert response.status_code == 302
    assert item.text.versions.count() == 1


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_archive_shows_sent_issues_only(client, municipality, language):
    issue = draft(municipality)
    hand_written(issue)
    page = reverse("bulletins_public:issue", args=[municipality.slug, issue.pk, language])
    assert client.get(page).status_code == 404
    freeze_issue(issue)
    issue.state, issue.sent_at = "sent", datetime.datetime.now(datetime.UTC)
    issue.save()
    response = client.get(page)
    assert response.status_code == 200
    assert "Neue Beratungszeiten" in response.content.decode()
    archive = client.get(reverse("bulletins_public:archive", args=[municipality.slug])).content.decode()
    assert "Com-In" in archive


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), (30, 80, 140)).save(out, format="PNG")
    return out.getvalue()


def test_header_picture_needs_a_credit_and_shows_with_its_alt_text(office_client, municipality, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teilhabe.bulletins.services.rendering import render_issue_mail

    issue = draft(municipality)
    hand_written(issue)
    bulletin = issue.bulletin
    values = {
        "name": bulletin.name,
        "audience": bulletin.audience,
        "languages": bulletin.languages,
        "sender_name": bulletin.sender_name,
        "colour": "red",
        "header_alt": "Menschen beim Sprachcafé",
    }
    refused = office_client.post(
        url("series_edit", municipality, bulletin.pk),
        {**values, "header_image": SimpleUploadedFile("kopf.png", _png())},
    )
    assert "Bitte geben Sie den Bildnachweis des Kopfbilds an." in refused.content.decode()
    response = office_client.post(
        url("series_edit", municipality, bulletin.pk),
        {**values, "header_credit": "Foto: Stadt", "header_image": SimpleUploadedFile("kopf.png", _png())},
    )
    assert response.status_code == 302
    html = render_issue_mail(issue, "de").html
    assert 'alt="Menschen beim Sprachcafé"' in html and "Bild: Foto: Stadt" in html and "#a3262a" in html
    picture = client.get(reverse("bulletins_public:header", args=[municipality.slug, bulletin.pk]))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"


def test_public_pages_read_a_fixed_number_of_queries(client, municipality, django_assert_max_num_queries):
    from teilhabe.bulletins.services.issues import add_item

    issue = draft(municipality)
    for index in range(6):
        hand_written(issue, title=f"Beitrag {index}")
        add_item(issue, None, "activity", activity=activity(municipality, title=f"Kurs {index}"))
    freeze_issue(issue)
    issue.state = "sent"
    issue.save()
    with django_assert_max_num_queries(12):
        assert (
            client.get(
                reverse("bulletins_public:issue", args=[municipality.slug, issue.pk, "ar"])
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(8):
        assert client.get(reverse("bulletins_public:archive", args=[municipality.slug])).status_code == 200
