"""The bulletins' background jobs: sending an issue to its lists, the test send to oneself, passing one
item straight on to chosen organisations and contacts, and the import of an existing distribution list
(preview, then the confirmed import; services/list_import.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from teilhabe.bulletins.models import DistributionList
from teilhabe.bulletins.services import forwarding, sending
from teilhabe.bulletins.services.list_import import import_list
from teilhabe.jobs.flow import import_kinds, nothing_saved
from teilhabe.jobs.registry import job_kind
from teilhabe.jobs.services import report_progress, upload_paths


# Not atomic: each address's send record commits with its hand-over to the SMTP server (services/sending.py).
@job_kind(
    sending.KIND,
    label=_("Ausgabe versenden"),
    result_template="bulletins/sending/_job_result.html",
    atomic=False,
)
def send_issue(job):
    return sending.run(job)


@job_kind(
    sending.TEST_KIND,
    label=_("Testversand"),
    result_template="bulletins/sending/_job_result.html",
    atomic=False,
)
def test_send(job):
    return sending.run_test(job)


# Not atomic: each address's record commits with its hand-over (services/forwarding.py).
@job_kind(
    forwarding.KIND,
    label=_("Direkt weitergeben"),
    result_template="bulletins/forwarding/_job_result.html",
    atomic=False,
)
def forward(job):
    return forwarding.run(job)


IMPORT_PREVIEW = "bulletins.list_import_preview"
IMPORT = "bulletins.list_import"


def _import(job, dry_run: bool) -> dict:
    ((filename, path),) = upload_paths(job)
    dlist = DistributionList.objects.select_related("bulletin", "municipality").get(
        municipality=job.municipality, pk=job.params["list"]
    )
    step = (
        gettext_noop("Tabelle wird gelesen und geprüft")
        if dry_run
        else gettext_noop("Verteiler wird ergänzt")
    )
    report_progress(job, step)
    result = import_list(
        dlist,
        path,
        filename=filename,
        basis=job.params.get("basis", ""),
        proof=job.params.get("proof", ""),
        user=job.started_by,
        dry_run=dry_run,
    )
    data = {
        "list": dlist.pk,
        "list_name": str(dlist),
        "source": result.source,
        "ok": result.ok,
        "applied": result.applied,
        "summary": result.summary(),
        "errors": [str(e) for e in result.errors],
        "warnings": [str(w) for w in result.warnings],
        **{
            key: getattr(result, key)
            for key in ("rows", "people", "merged_in_file", "known", "activated", "to_confirm", "already")
        },
        "stay_unsubscribed": result.stay_unsubscribed,
        "suspended": result.suspended,
        "new_topics": result.new_topics,
        "lists": result.lists,
        "has_changes": bool(result.activated or result.to_confirm),
    }
    if not result.ok:
        nothing_saved(filename, data)
    return data


list_import_preview, list_import = import_kinds(
    IMPORT_PREVIEW,
    IMPORT,
    preview_label=_("Verteiler-Import: Vorschau"),
    label=_("Verteiler-Import"),
    result_template="bulletins/lists/_import_result.html",
    run=_import,
)
