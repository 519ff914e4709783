"""The background job that generates a version of a report: the data of every section (frozen), then the
PDF, the slides and the Word document written from it."""

from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress

GENERATE = "reports.generate"


@job_kind(
    GENERATE, label=gettext_lazy("Tätigkeitsbericht erzeugen"), result_template="reports/_job_result.html"
)
def generate(job):
    from django.utils.translation import gettext as _

    from teilhabe.reports.models import ActivityReport
    from teilhabe.reports.services import generate_version, render_files

    report = (
        ActivityReport.objects.for_municipality(job.municipality).filter(pk=job.params.get("report")).first()
    )
    if report is None:
        raise JobFailed(_("Den Bericht gibt es nicht mehr."))
    report_progress(job, gettext_noop("Daten werden gesammelt"), 5)
    version = generate_version(report, job.started_by)
    for index, file_format in enumerate(("pdf", "pptx", "docx")):
        report_progress(
            job, gettext_noop("%(format)s wird geschrieben"), 40 + 20 * index, format=file_format.upper()
        )
        render_files(version, [file_format])
    return {
        "version": version.pk,
        "number": version.number,
        "summary": _("Version %(n)s von „%(title)s“ erzeugt") % {"n": version.number, "title": report.title},
    }
