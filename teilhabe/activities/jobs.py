"""The activities import as two background jobs: the preview (a dry run) and, once confirmed, the import.

Both read the same private upload; the confirmation imports it again from scratch. The result (JSON) is what
`activities/_import_result.html` shows on the job page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.activities.transfer import ImportResult, import_activities
from teilhabe.jobs.flow import import_kinds, nothing_saved
from teilhabe.jobs.services import report_progress, upload_paths

PREVIEW = "activities.import_preview"
IMPORT = "activities.import"


def result_data(result: ImportResult, filename: str) -> dict:
    return {
        "filename": filename,
        "source": result.source,
        "ok": result.ok,
        "applied": result.applied,
        "summary": result.summary(),
        "errors": [str(e) for e in result.errors],
        "warnings": [str(w) for w in result.warnings],
        "created": [str(c) for c in result.created],
        "updated": [
            {"row": u["row"], "title": u["title"], "changes": [str(c) for c in u["changes"]]}
            for u in result.updated
        ],
        "unchanged": result.unchanged,
        "has_changes": bool(result.created or result.updated),
    }


def _run(job, dry_run: bool) -> dict:
    ((filename, path),) = upload_paths(job)
    report_progress(
        job,
        gettext_noop("Tabelle wird gelesen und geprüft")
        if dry_run
        else gettext_noop("Tabelle wird importiert"),
    )
    result = import_activities(
        job.municipality, path, filename=filename, user=job.started_by, dry_run=dry_run
    )
    data = result_data(result, filename)
    if not result.ok:
        nothing_saved(filename, data)
    return data


def _imported(data: dict) -> dict:
    data["summary"] = _("Die Tabelle „%(file)s“ wurde importiert: %(summary)s") % {
        "file": data["filename"],
        "summary": data["summary"],
    }
    return data


import_preview, import_confirmed = import_kinds(
    PREVIEW,
    IMPORT,
    preview_label=gettext_lazy("Aktivitäten-Import: Vorschau"),
    label=gettext_lazy("Aktivitäten-Import"),
    result_template="activities/_import_result.html",
    run=_run,
    imported=_imported,
)
