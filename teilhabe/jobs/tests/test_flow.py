"""The shared import flow (jobs/flow.py) as each import's confirm view uses it: a second click shows the import
already started, a preview whose file is gone sends the office back to the upload page, and another
municipality's preview starts nothing."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from teilhabe.jobs.models import Job

pytestmark = pytest.mark.django_db

IMPORTS = {
    "activities": (
        "activities.import_preview",
        "activities.import",
        "activities:import_confirm",
        "activities:import",
    ),
    "directory": (
        "directory.import_preview",
        "directory.import",
        "directory:import_confirm",
        "directory:import",
    ),
    "concept": (
        "concept.import_preview",
        "concept.import",
        "concept:import_confirm",
        "concept:import_upload",
    ),
}


def preview_of(municipality, kind, **fields):
    return Job.objects.create(municipality=municipality, kind=kind, state=Job.State.SUCCEEDED, **fields)


@pytest.mark.parametrize("app", sorted(IMPORTS))
def test_a_second_confirmation_shows_the_import_already_running(office_client, municipality, app):
    preview_kind, import_kind, confirm, _upload = IMPORTS[app]
    preview = preview_of(municipality, preview_kind)
    running = Job.objects.create(municipality=municipality, kind=import_kind, follows=preview)
    response = office_client.post(reverse(confirm, args=[municipality.slug]), {"job": preview.pk})
    assert response.status_code == 302 and response["Location"] == running.get_absolute_url()
    assert Job.objects.filter(kind=import_kind).count() == 1


@pytest.mark.parametrize("app", sorted(IMPORTS))
@pytest.mark.parametrize("case", ["file gone", "other municipality", "not a number", "still running"])
def test_a_preview_that_cannot_be_confirmed_sends_back_to_the_upload(
    office_client, municipality, other_municipality, app, case
):
    preview_kind, import_kind, confirm, upload = IMPORTS[app]
    if case == "other municipality":
        job = preview_of(other_municipality, preview_kind).pk
    elif case == "not a number":
        job = "1 OR 1=1"
    elif case == "still running":
        job = Job.objects.create(municipality=municipality, kind=preview_kind, state=Job.State.RUNNING).pk
    else:
        job = preview_of(municipality, preview_kind).pk  # its upload was removed (24 h cron or ended)
    response = office_client.post(reverse(confirm, args=[municipality.slug]), {"job": job})
    assert response.status_code == 302
    assert response["Location"] == reverse(upload, args=[municipality.slug])
    assert not Job.objects.filter(kind=import_kind).exists()
    assert "nicht mehr vorhanden" in " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.parametrize("app", sorted(IMPORTS))
def test_confirming_is_post_only(office_client, municipality, app):
    _preview, _import, confirm, _upload = IMPORTS[app]
    assert office_client.get(reverse(confirm, args=[municipality.slug])).status_code == 405


@pytest.mark.parametrize(
    "preview, confirmed",
    [(p, c) for p, c, *_urls in IMPORTS.values()]
    + [("bulletins.list_import_preview", "bulletins.list_import")],
)
def test_each_import_preview_keeps_its_file_for_the_confirmation_and_the_import_does_not(preview, confirmed):
    from teilhabe.jobs.registry import KINDS

    assert KINDS[preview].upload_after_success and not KINDS[confirmed].upload_after_success
    # The job page shows both results with the same template (the preview's confirm form, the import's summary).
    assert KINDS[preview].result_template == KINDS[confirmed].result_template != ""
