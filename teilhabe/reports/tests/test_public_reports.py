"""Published reports on the public site: the office publishes a version made for the public; the list shows
title, period, date and the PDF's size; the PDF served is the one stored at publication, whatever changes
afterwards; unpublished, board-only and other municipalities' versions are a 404; nothing personal."""

import datetime as D
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from teilhabe.conftest import PASSWORD
from teilhabe.reports.models import ActivityReportVersion, ReportFile
from teilhabe.reports.services import ReportError, generate_version, save_report, set_public, set_published
from teilhabe.reports.tests.conftest import team_member

SLUG = "musterstadt"


def _report(municipality, audience="public", **values):
    return save_report(
        municipality,
        None,
        {
            "title": f"Jahresbericht {municipality.slug}",
            "audience": audience,
            "period_from": D.date(2024, 1, 1),
            "period_to": D.date(2024, 12, 31),
            "date": D.date(2024, 12, 15),
            "sections": ["title", "team", "contact"],
            **values,
        },
    )


def _list(client, slug=SLUG):
    response = client.get(reverse("reports_public:list", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def _pdf_url(version):
    return reverse("reports_public:pdf", args=[version.municipality.slug, version.pk])


def test_a_published_version_is_listed_and_its_stored_pdf_served(client, municipality):
    version = generate_version(_report(municipality))
    assert "Jahresbericht musterstadt" not in _list(client)
    assert client.get(_pdf_url(version)).status_code == 404
    set_public(version, True)
    stored = ReportFile.objects.get(version=version, file_format="pdf")
    page = _list(client)
    assert "Jahresbericht musterstadt" in page
    assert "1. Januar 2024 – 31. Dezember 2024" in page and "15. Dezember 2024" in page
    assert "PDF, %s" % _size(stored.size) in page
    assert _pdf_url(version) in page
    response = client.get(_pdf_url(version))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == bytes(stored.content)
    assert "Jahresbericht musterstadt" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def _size(size):
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(size)


def test_the_pdf_stays_the_one_stored_when_the_report_changes(client, municipality):
    report = _report(municipality)
    version = generate_version(report)
    set_public(version, True)
    ReportFile.objects.filter(version=version).update(content=b"%PDF-1.7 stored at publication")
    save_report(municipality, None, {"title": "Ganz anderer Titel", "date": D.date(2025, 2, 1)}, report)
    response = client.get(_pdf_url(version))
    assert response.content == b"%PDF-1.7 stored at publication"
    page = _list(client)
    assert "Jahresbericht musterstadt" in page and "Ganz anderer Titel" not in page  # as generated


def test_unpublished_drafts_and_board_versions_are_not_public(client, municipality):
    public = generate_version(_report(municipality))
    set_public(public, True)
    set_public(public, False)
    draft = generate_version(_report(municipality, title="Entwurf"))
    board = generate_version(_report(municipality, audience="advisory_board", title="Beiratsbericht"))
    set_published(board, True)
    with pytest.raises(ReportError):
        set_public(board, True)
    page = _list(client)
    assert "Es ist noch kein Bericht veröffentlicht." in page
    for version in (public, draft, board):
        assert client.get(_pdf_url(version)).status_code == 404
    assert ActivityReportVersion.objects.get(pk=board.pk).public_since is None


def test_another_municipalitys_report_is_a_404(client, municipality, other_municipality):
    theirs = generate_version(_report(other_municipality))
    set_public(theirs, True)
    assert "Jahresbericht anderstadt" not in _list(client)
    url = reverse("reports_public:pdf", args=[SLUG, theirs.pk])
    assert client.get(url).status_code == 404
    assert client.get(_pdf_url(theirs)).status_code == 200


def test_the_public_reports_team_names_only_members_marked_public(client, municipality):
    team_member(municipality, "Priska Hecht", team_function="Sachgebietsleitung", name_public=True)
    team_member(municipality, "Karl Frick", team_function="Mitarbeiter*innen", name_public=False)
    version = generate_version(_report(municipality))
    set_public(version, True)
    pdf = client.get(_pdf_url(version)).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Priska Hecht" in text and "Mitarbeiter*innen" in text
    assert "Karl Frick" not in text and "Frick" not in text


def test_the_office_publishes_and_unpublishes_from_the_version_page(client, office_user, municipality):
    version = generate_version(_report(municipality))
    assert client.login(username=office_user.username, password=PASSWORD)
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Öffentlich machen" in page
    url = reverse("reports:public", args=[SLUG, version.pk])
    client.post(url, {"public": "1"})
    version.refresh_from_db()
    assert version.public_since is not None
    assert "Von den öffentlichen Seiten nehmen" in client.get(version.get_absolute_url()).content.decode()
    client.post(url, {"public": "0"})
    version.refresh_from_db()
    assert version.public_since is None
    client.logout()
    assert client.get(_pdf_url(version)).status_code == 404


def test_a_board_version_cannot_be_published_from_its_page(client, office_user, municipality):
    version = generate_version(_report(municipality, audience="advisory_board"))
    assert client.login(username=office_user.username, password=PASSWORD)
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Öffentlich machen" not in page and "Zielgruppe „Öffentlichkeit“" in page
    response = client.post(reverse("reports:public", args=[SLUG, version.pk]), {"public": "1"}, follow=True)
    assert "Veröffentlicht wird nur eine Version für die Zielgruppe" in response.content.decode()
    version.refresh_from_db()
    assert version.public_since is None


def test_the_public_list_runs_a_bounded_number_of_queries(
    client, municipality, django_assert_max_num_queries
):
    for n in range(3):
        set_public(generate_version(_report(municipality, title=f"Bericht {n}")), True)
    with django_assert_max_num_queries(6):
        page = _list(client)
    assert all(f"Bericht {n}" in page for n in range(3))
