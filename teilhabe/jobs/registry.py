"""The kinds of background job. Each app declares its own in `<app>/jobs.py`:

    from django.utils.translation import gettext_lazy as _
    from teilhabe.jobs.registry import job_kind

    @job_kind("concept.import_preview", label=_("Konzept-Import: Vorschau"),
              result_template="concept/_import_result.html", upload_after_success=True)
    def import_preview(job):
        ...
        return {...}  # JSON: the job's result, shown by result_template

A handler takes the Job and returns a JSON-serialisable result (or None). It raises `JobFailed` with a
message for the user when the input is wrong; any other exception counts as a crash. Either way the job is
marked failed and the handler's writes are rolled back (see services.run_job).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


class JobFailed(Exception):
    """The input cannot be processed: `message` is shown to the user, `result` (optional) on the job page."""

    def __init__(self, message, result=None):
        super().__init__(str(message))
        self.message = str(message)
        self.result = result


@dataclass(frozen=True)
class JobKind:
    name: str
    label: Promise | str
    handler: Callable
    # Template included on the job page to show `job.result` (context: job, result).
    result_template: str = ""
    # Run the whole handler in one transaction. Turn it off only for jobs that commit in steps on purpose
    # (e.g. sending e-mail in batches, where each batch's send record commits with the batch).
    atomic: bool = True
    # Keep the uploads when the job succeeds because a follow-up job reads them (a preview, then the
    # confirmation). Otherwise a job's uploads are deleted when it ends, unless the user chose to keep them.
    upload_after_success: bool = False


KINDS: dict[str, JobKind] = {}


def job_kind(name: str, *, label, result_template: str = "", atomic: bool = True, upload_after_success=False):
    def decorator(handler):
        KINDS[name] = JobKind(
            name=name,
            label=label,
            handler=handler,
            result_template=result_template,
            atomic=atomic,
            upload_after_success=upload_after_success,
        )
        return handler

    return decorator
