"""The engine's progress steps are message ids, shown translated: the job page of an English starter reads
English, whichever path the file takes."""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from teilhabe.jobs import services as job_services
from teilhabe.jobs.models import Job
from teilhabe.statistics import derivation
from teilhabe.statistics.jobs import REGISTER_EXTRACT

from .helpers import D, person, write_extract
from .test_fast_path import force_thorough


def test_every_step_has_an_english_text():
    with translation.override("en"):
        english = {step: gettext(step) for step in derivation.STEPS}
    assert english[derivation.THOROUGH_STEP] == "Checking the file thoroughly"
    assert all(text != step for step, text in english.items()), english


def test_both_paths_report_only_translated_steps(tmp_path, monkeypatch):
    path = write_extract(tmp_path, [person("a1"), person("a2", citizenship="TR")])
    for thorough in (False, True):
        if thorough:
            force_thorough(monkeypatch)
        steps = []
        derivation.compute(path, D, progress=lambda step, _fraction, seen=steps: seen.append(step))
        assert (derivation.THOROUGH_STEP in steps) is thorough
        assert set(steps) <= set(derivation.STEPS), steps


def test_the_job_page_shows_the_step_in_the_starters_language(client, municipality, office_user):
    office_user.language = "en"
    office_user.save(update_fields=["language"])
    client.force_login(office_user)
    job = Job.objects.create(
        municipality=municipality,
        kind=REGISTER_EXTRACT,
        started_by=office_user,
        language="en",
        state=Job.State.RUNNING,
        started_at=timezone.now(),
    )
    job_services.report_progress(job, derivation.THOROUGH_STEP, 40)
    body = client.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    assert "Checking the file thoroughly" in body
    assert "gründlich" not in body
