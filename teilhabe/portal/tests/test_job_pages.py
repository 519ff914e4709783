"""The office's job pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.conftest import PASSWORD
from teilhabe.jobs import services
from teilhabe.jobs.models import Job
from teilhabe.jobs.tests import kinds  # noqa: F401
from teilhabe.jobs.tests.test_services import _upload


@pytest.fixture
def office(client, office_user):
    client.login(username=office_user.username, password=PASSWORD)
    return client


def _running(municipality, user, **extra):
    return Job.objects.create(
        municipality=municipality,
        kind="jobs.test_slow",
        started_by=user,
        state=Job.State.RUNNING,
        started_at=timezone.now(),
        file_names="register.csv",
        **extra,
    )


def test_the_list_shows_who_started_what_and_how_it_ended(office, municipality, office_user):
    done = services.start_job(
        municipality, office_user, "jobs.test_count_lines", uploads=[_upload(municipality, office_user)]
    )
    failed = services.start_job(municipality, office_user, "jobs.test_refuse")
    response = office.get(reverse("jobs:list", args=[municipality.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Test: Zeilen zählen" in body and "liste.csv" in body and str(office_user) in body
    assert "Fertig" in body and "Fehlgeschlagen" in body
    assert "Zeile 3, Spalte B: keine Zahl." in body
    assert reverse("jobs:detail", args=[municipality.slug, done.pk]) in body
    assert reverse("jobs:detail", args=[municipality.slug, failed.pk]) in body


def test_the_list_shows_only_the_own_municipality(office, municipality, other_municipality, outsider):
    Job.objects.create(municipality=other_municipality, kind="jobs.test_slow", file_names="fremd.csv")
    body = office.get(reverse("jobs:list", args=[municipality.slug])).content.decode()
    assert "fremd.csv" not in body and "Noch keine Aufgaben." in body


def test_a_running_job_page_polls_with_htmx_and_reloads_without_javascript(office, municipality, office_user):
    job = _running(municipality, office_user)
    services.report_progress(job, "Hochgeladene Datei wird gespeichert", 42)
    body = office.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    progress_url = reverse("jobs:progress", args=[municipality.slug, job.pk])
    assert f'data-hx-get="{progress_url}"' in body and 'data-hx-trigger="every 2s"' in body
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in body
    assert "Läuft" in body and "Hochgeladene Datei wird gespeichert" in body
    assert 'value="42"' in body and "42 %" in body and "seit 0 s" in body


def test_the_progress_region_alone_is_served_for_polling(office, municipality, office_user):
    job = _running(municipality, office_user)
    services.report_progress(job, "Hochgeladene Datei wird gespeichert", 10)
    response = office.get(reverse("jobs:progress", args=[municipality.slug, job.pk]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="job-progress"')
    assert "<html" not in body and 'value="10"' in body


def test_polling_a_finished_job_reloads_the_page_to_show_the_result(office, municipality, office_user):
    job = services.start_job(municipality, office_user, "jobs.test_refuse")
    response = office.get(reverse("jobs:progress", args=[municipality.slug, job.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Refresh"] == "true"


def test_a_finished_job_shows_its_error_and_no_longer_polls(office, municipality, office_user):
    job = services.start_job(municipality, office_user, "jobs.test_crash")
    body = office.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    assert "Es wurde nichts gespeichert" in body and 'role="alert"' in body
    assert "data-hx-get" not in body and "http-equiv" not in body
    assert "Dauer" in body


def test_the_job_page_speaks_english(office, municipality, office_user):
    job = services.start_job(municipality, office_user, "jobs.test_crash")
    office_user.language = "en"  # a member's own choice (the browser and the cookie do not switch it)
    office_user.save(update_fields=["language"])
    body = office.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    assert "Nothing was saved" in body and "Failed" in body and "Started by" in body


def test_a_waiting_job_says_so(office, municipality, office_user):
    job = Job.objects.create(municipality=municipality, kind="jobs.test_slow", started_by=office_user)
    body = office.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    assert "Wartet" in body and "wartet, bis der Hintergrunddienst frei ist" in body


def test_a_kept_file_is_listed_and_can_be_deleted(office, municipality, office_user):
    upload = _upload(municipality, office_user)
    job = services.start_job(
        municipality, office_user, "jobs.test_count_lines", uploads=[upload], keep_upload=True
    )
    url = reverse("jobs:detail", args=[municipality.slug, job.pk])
    assert "Aufbewahrte Datei" in office.get(url).content.decode()
    response = office.post(reverse("jobs:delete_upload", args=[municipality.slug, job.pk]))
    assert response.status_code == 302 and not upload.path.exists()
    assert "Aufbewahrte Datei" not in office.get(url).content.decode()


def test_editors_may_not_see_the_jobs(client, municipality, department_user):
    client.login(username=department_user.username, password=PASSWORD)
    assert client.get(reverse("jobs:list", args=[municipality.slug])).status_code == 403


@pytest.mark.parametrize("count", [2, 40])
def test_the_list_needs_the_same_few_queries_for_few_and_many_jobs(
    office, municipality, office_user, django_assert_max_num_queries, count
):
    Job.objects.bulk_create(
        Job(
            municipality=municipality, kind="jobs.test_slow", started_by=office_user, file_names="f%d.csv" % i
        )
        for i in range(count)
    )
    url = reverse("jobs:list", args=[municipality.slug])
    with django_assert_max_num_queries(9):
        assert office.get(url).status_code == 200
