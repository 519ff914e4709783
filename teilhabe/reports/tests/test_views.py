"""The report pages: the office creates a report, generates a version as a background job (immediate in
tests), downloads each format, releases it to the board and compares two versions; the board sees released
versions only; the template upload is checked; the pages run a bounded number of queries."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pptx import Presentation
from pptx.util import Inches

from teilhabe.conftest import PASSWORD
from teilhabe.jobs.models import Job
from teilhabe.reports.models import ActivityReport, ActivityReportVersion, ReportFile, ReportTemplate

SLUG = "musterstadt"


def _client(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _create(client):
    response = client.post(
        reverse("reports:create", args=[SLUG]),
        {
            "title": "Bericht an den Beirat",
            "audience": "advisory_board",
            "period_from": "2024-01-01",
            "period_to": "2024-12-31",
            "date": "2024-06-04",
            "sections": ["title", "team", "contact"],
            "order": "12, 1",
            "introduction": "Hallo Beirat",
            "note_contact": "Wir sind erreichbar.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ActivityReport.objects.get(title="Bericht an den Beirat")


def test_the_office_creates_generates_downloads_and_releases(client, office_user, municipality):
    client = _client(client, office_user)
    report = _create(client)
    assert report.sections == ["contact", "title", "team"]  # the order given first, then the rest
    assert report.notes == {"contact": "Wir sind erreichbar."}
    response = client.post(reverse("reports:generate", args=[SLUG, report.pk]))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url() and job.state == "succeeded", job.error
    version = ActivityReportVersion.objects.get(report=report)
    assert set(ReportFile.objects.filter(version=version).values_list("file_format", flat=True)) == {
        "pdf",
        "pptx",
        "docx",
    }
    page = client.get(version.get_absolute_url())
    assert "Wir sind erreichbar." in page.content.decode()
    for fmt, magic in (("pdf", b"%PDF"), ("pptx", b"PK"), ("docx", b"PK")):
        download = client.get(reverse("reports:download", args=[SLUG, version.pk, fmt]))
        assert download.status_code == 200 and download.content.startswith(magic)
        assert "attachment" in download["Content-Disposition"]
    client.post(reverse("reports:publish", args=[SLUG, version.pk]), {"published": "1"})
    version.refresh_from_db()
    assert version.published


def test_the_edit_form_keeps_the_dates_a_date_picker_can_show(client, office_user, municipality):
    """A date field holds ISO dates (a browser shows "01.01.2024" in an <input type=date> as empty, so saving
    the form would fail on three required fields the office never touched)."""
    client = _client(client, office_user)
    report = _create(client)
    page = client.get(reverse("reports:edit", args=[SLUG, report.pk])).content.decode()
    for name, value in (("period_from", "2024-01-01"), ("period_to", "2024-12-31"), ("date", "2024-06-04")):
        assert f'type="date" name="{name}" value="{value}"' in page


def test_the_board_sees_released_versions_only(client, board_user, municipality):
    from teilhabe.reports.services import generate_version, set_published
    from teilhabe.reports.tests.test_versions import _report

    hidden = generate_version(_report(municipality, title="Entwurf"))
    shown = generate_version(_report(municipality, title="Freigegeben"))
    set_published(shown, True)
    client = _client(client, board_user)
    listing = client.get(reverse("reports:list", args=[SLUG])).content.decode()
    assert "Freigegeben" in listing and "Entwurf" not in listing
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:download", args=[SLUG, hidden.pk, "pdf"])).status_code == 404
    assert client.get(shown.get_absolute_url()).status_code == 200
    assert client.get(reverse("reports:download", args=[SLUG, shown.pk, "docx"])).status_code == 200
    assert client.get(reverse("reports:detail", args=[SLUG, shown.report_id])).status_code == 403


def test_two_versions_side_by_side(client, office_user, municipality):
    from teilhabe.reports.services import generate_version, save_report
    from teilhabe.reports.tests.test_versions import _report

    report = _report(municipality, introduction="Alte Einleitung")
    first = generate_version(report)
    municipality.office_email = "neu@example.org"
    municipality.save()
    second = generate_version(save_report(municipality, None, {"introduction": "Neue Einleitung"}, report))
    client = _client(client, office_user)
    page = client.get(reverse("reports:compare", args=[SLUG, second.pk]), {"mit": first.pk}).content.decode()
    assert "Alte Einleitung" in page and "Neue Einleitung" in page
    assert "neu@example.org" in page
    assert page.count("unverändert") >= 1  # the team section did not change


def _pptx(width=13.333, height=7.5):
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(width), Inches(height)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def test_the_template_upload_is_checked(client, office_user, municipality):
    client = _client(client, office_user)
    url = reverse("reports:template", args=[SLUG])
    wrong = client.post(url, {"file": SimpleUploadedFile("alt.pptx", _pptx(10, 7.5))})
    assert "alt.pptx: Die Folien haben nicht das Format 16:9." in wrong.content.decode()
    junk = client.post(url, {"file": SimpleUploadedFile("notiz.pptx", b"kein zip")})
    assert "notiz.pptx: Das ist keine PowerPoint-Datei (.pptx)." in junk.content.decode()
    assert not ReportTemplate.objects.exists()
    good = client.post(url, {"file": SimpleUploadedFile("amt.pptx", _pptx())})
    assert good.status_code == 302
    template = ReportTemplate.objects.get()
    assert template.original_name == "amt.pptx" and "Title Slide" in template.layouts


@pytest.mark.parametrize("name", ["reports:list", "reports:version", "reports:detail", "reports:compare"])
def test_pages_run_a_bounded_number_of_queries(
    client, office_user, municipality, name, django_assert_max_num_queries
):
    from teilhabe.reports.services import generate_version
    from teilhabe.reports.tests.test_versions import _report

    report = _report(municipality)
    versions = [generate_version(report) for _ in range(3)]
    for _ in range(3):
        generate_version(_report(municipality))
    client = _client(client, office_user)
    args = {"reports:list": [SLUG], "reports:detail": [SLUG, report.pk]}.get(name, [SLUG, versions[-1].pk])
    with django_assert_max_num_queries(14):
        assert client.get(reverse(name, args=args)).status_code == 200
