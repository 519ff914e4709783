"""The directory import as two background jobs: the preview (a dry run) and, once confirmed, the import."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.directory import transfer
from teilhabe.jobs.flow import import_kinds
from teilhabe.jobs.registry import JobFailed
from teilhabe.jobs.services import report_progress, upload_paths

PREVIEW = "directory.import_preview"
IMPORT = "directory.import"


def _names(objects) -> list[str]:
    return [str(o) for o in objects]


def result_data(result: transfer.ImportResult) -> dict:
    return {
        "ok": result.ok,
        "applied": result.applied,
        "errors": [str(e) for e in result.errors],
        "warnings": [str(w) for w in result.warnings],
        "files": [str(f) for f in result.files],
        "organisations": {key: _names(value) for key, value in result.organisations.items()},
        "contacts": {key: _names(value) for key, value in result.contacts.items()},
    }


def _summary(data: dict) -> str:
    return _(
        "Import abgeschlossen: %(org_new)s Organisationen neu, %(org_changed)s geändert; %(c_new)s Ansprechpersonen neu, %(c_changed)s geändert."
    ) % {
        "org_new": len(data["organisations"]["created"]),
        "org_changed": len(data["organisations"]["updated"]),
        "c_new": len(data["contacts"]["created"]),
        "c_changed": len(data["contacts"]["updated"]),
    }


def _run(job, dry_run: bool) -> dict:
    files = [(name, path.read_bytes()) for name, path in upload_paths(job)]
    report_progress(
        job,
        gettext_noop("Dateien werden gelesen und geprüft")
        if dry_run
        else gettext_noop("Adressbuch wird aktualisiert"),
    )
    data = result_data(transfer.import_directory(job.municipality, files, dry_run=dry_run))
    if not data["ok"]:
        raise JobFailed(_("Die Dateien enthalten Fehler; es wurde nichts gespeichert."), result=data)
    return data


def _imported(data: dict) -> dict:
    data["summary"] = _summary(data)
    return data


import_preview, import_confirmed = import_kinds(
    PREVIEW,
    IMPORT,
    preview_label=gettext_lazy("Adressbuch-Import: Vorschau"),
    label=gettext_lazy("Adressbuch-Import"),
    result_template="directory/_import_result.html",
    run=_run,
    imported=_imported,
)
