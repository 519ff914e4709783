"""The concept import as two background jobs: the preview (a dry run) and, once confirmed, the import.

Both read the same private upload; the confirmation imports it again from scratch, so nothing that changed
in between slips through. The result (JSON) is what `concept/_import_result.html` shows on the job page.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.concept.importing import ImportResult, import_concept
from teilhabe.concept.models import Concept
from teilhabe.directory.models import Organisation
from teilhabe.jobs.flow import nothing_saved
from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress, upload_paths

PREVIEW = "concept.import_preview"
IMPORT = "concept.import"


def _issues(issues) -> list[dict]:
    return [{"location": str(issue.location or ""), "message": str(issue.message)} for issue in issues]


def result_data(result: ImportResult, filename: str) -> dict:
    """The import result as plain JSON for the job page."""
    creates = [c for c in result.changes if c.action == "create"]
    updates = [c for c in result.changes if c.action == "update"]
    return {
        "filename": filename,
        "ok": result.ok,
        "saved": result.saved,
        "summary": result.summary(),
        "concept_id": result.concept.pk if result.concept else None,
        "concept_title": result.concept.title if result.concept else "",
        "new_concept_title": result.new_concept_title,
        "new_concept_short_name": result.new_concept_short_name,
        "errors": _issues(result.errors),
        "warnings": _issues(result.warnings),
        "unknown_organisations": [
            {
                "key": u.key,
                "name": u.name,
                "rows": u.rows,
                "spellings": u.spellings,
                "kind": u.kind,
                "suggestions": u.suggestions,
            }
            for u in result.unknown_organisations
        ],
        "needs_decisions": bool(result.unknown_organisations) and not result.errors,
        "new_organisations": [
            {"name": o.name, "kind_label": str(o.get_kind_display())} for o in result.new_organisations
        ],
        "mapped_organisations": [{"name": n, "to": to} for n, to in result.mapped_organisations],
        "creates": [
            {"row": c.row, "kind_label": str(c.kind_label), "number": c.number, "title": c.title}
            for c in creates
        ],
        "updates": [
            {
                "row": c.row,
                "kind_label": str(c.kind_label),
                "number": c.number,
                "title": c.title,
                "details": [[str(label), str(old), str(new)] for label, old, new in c.details],
            }
            for c in updates
        ],
        "unchanged_measures": result.unchanged.get("measure", 0),
        "has_changes": result.has_changes,
    }


def _run(job, dry_run: bool) -> tuple[ImportResult, str]:
    ((filename, path),) = upload_paths(job)
    concept = None
    if job.params.get("concept"):
        concept = Concept.objects.for_municipality(job.municipality).filter(pk=job.params["concept"]).first()
        if concept is None:
            raise JobFailed(_("Das Konzept, in das importiert werden sollte, gibt es nicht mehr."))
    report_progress(
        job,
        gettext_noop("Tabelle wird gelesen und geprüft")
        if dry_run
        else gettext_noop("Tabelle wird importiert"),
    )
    result = import_concept(
        job.municipality,
        path,
        concept,
        dry_run=dry_run,
        filename=filename,
        title=job.params.get("title", ""),
        short_name=job.params.get("short_name", ""),
        # Unknown organisations are a choice on the preview page: {} (none decided yet) or the office's.
        decisions=_decisions(job.params.get("decisions")),
    )
    return result, filename


def _decisions(raw) -> dict:
    """The confirmation's decisions as the import reads them: {group key: {"create": kind} | {"map": id}}."""
    decisions = {}
    for key, choice in (raw or {}).items():
        if isinstance(choice, dict) and ("create" in choice or "map" in choice):
            decisions[str(key)] = choice
    return decisions


@job_kind(
    PREVIEW,
    label=gettext_lazy("Konzept-Import: Vorschau"),
    result_template="concept/_import_result.html",
    upload_after_success=True,
)
def import_preview(job):
    result, filename = _run(job, dry_run=True)
    data = result_data(result, filename)
    if data["needs_decisions"]:
        data["organisations"] = [
            [o.pk, o.name] for o in Organisation.objects.for_municipality(job.municipality).order_by("name")
        ]
        return data  # the job page asks what each unknown organisation is; the upload waits
    if not result.ok:
        nothing_saved(filename, data)
    return data


@job_kind(IMPORT, label=gettext_lazy("Konzept-Import"), result_template="concept/_import_result.html")
def import_confirmed(job):
    result, filename = _run(job, dry_run=False)
    data = result_data(result, filename)
    if data["needs_decisions"]:
        raise JobFailed(
            _("Nicht jede unbekannte Organisation ist entschieden; es wurde nichts gespeichert."), result=data
        )
    if not result.saved:
        nothing_saved(filename, data)
    data["summary"] = _("Die Tabelle „%(file)s“ wurde importiert. %(summary)s") % {
        "file": filename,
        "summary": result.summary(),
    }
    return data
