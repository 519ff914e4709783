"""Faktencheck uploads as background jobs: a register extract (up to millions of rows, DuckDB) and a
finished table of the statistics office. The page returns at once; the job page shows progress and result."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress, upload_paths
from teilhabe.statistics import services
from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.headers import column_report
from teilhabe.statistics.models import FactCheck

REGISTER_EXTRACT = "statistics.register_extract"
TABLE = "statistics.table_import"


def _refused(error: ExtractError, job) -> JobFailed:
    """The refusal, naming the files as the user uploaded them (not by their random stored names)."""
    names = {upload.path.name: upload.name for upload in job.uploads.all()}

    def named(text: str) -> str:
        for stored, original in names.items():
            text = text.replace(stored, original)
        return text

    message = _("Die Datei „%(name)s“ wurde nicht übernommen, nichts wurde gespeichert.") % {
        "name": named(error.file_name)
    }
    return JobFailed(
        message,
        result={
            "problems": [named(str(p)) for p in error.problems],
            "columns": column_report(getattr(error, "columns", [])),
        },
    )


def overview_url(municipality, date: dt.date) -> str:
    """The overview comparing `date` with the reference date before it."""
    earlier = (
        FactCheck.objects.for_municipality(municipality)
        .filter(reference_date__lt=date)
        .order_by("-reference_date")
        .values_list("reference_date", flat=True)
        .first()
    )
    url = reverse("statistics:overview", args=[municipality.slug]) + "?stichtag2=%s" % date.isoformat()
    return url + ("&stichtag1=%s" % earlier.isoformat() if earlier else "")


def _figures(fact_check: FactCheck) -> dict:
    return {
        "reference_date": fact_check.reference_date.isoformat(),
        "residents": fact_check.residents,
        "foreigners": fact_check.foreigners,
        "migration_background": fact_check.migration_background,
    }


# Not atomic as a whole: reading a register extract takes DuckDB a minute for 10 M rows, and on SQLite a
# transaction held that long would block every other writer. store_result saves in its own short
# transaction at the end; until then nothing is written.
@job_kind(
    REGISTER_EXTRACT,
    label=gettext_lazy("Registerauszug auswerten"),
    result_template="statistics/_job_result.html",
    atomic=False,
)
def register_extract(job):
    paths = upload_paths(job)
    file_name, path = paths[0]
    columns = paths[1][1] if len(paths) > 1 else None
    reference_date = dt.date.fromisoformat(job.params["reference_date"])

    def progress(step: str, fraction: float) -> None:
        report_progress(job, step, round(100 * fraction))

    try:
        result = compute(path, reference_date, columns=columns, progress=progress)
    except ExtractError as error:
        raise _refused(error, job) from error
    fact_check = services.store_result(job.municipality, result, file_name=file_name, user=job.started_by)
    date = fact_check.reference_date.strftime("%d.%m.%Y")
    return {
        **_figures(fact_check),
        "columns": column_report(result.columns),
        "summary": _("Der Faktencheck zum %(date)s wurde berechnet und gespeichert.") % {"date": date},
        "overview_url": overview_url(job.municipality, fact_check.reference_date),
    }


@job_kind(
    TABLE,
    label=gettext_lazy("Tabelle des Statistikamts importieren"),
    result_template="statistics/_job_result.html",
)
def table_import(job):
    ((file_name, path),) = upload_paths(job)
    report_progress(job, gettext_noop("Tabelle wird gelesen und geprüft"))
    try:
        stored = services.import_statistics_table(
            job.municipality, path, user=job.started_by, file_name=file_name
        )
    except ExtractError as error:
        raise _refused(error, job) from error
    dates = ", ".join(f.reference_date.strftime("%d.%m.%Y") for f in stored)
    return {
        "fact_checks": [_figures(f) for f in stored],
        "summary": _("Die Tabelle wurde übernommen: %(dates)s.") % {"dates": dates},
        "overview_url": overview_url(job.municipality, stored[-1].reference_date),
    }
