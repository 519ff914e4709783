"""The bulletins' background jobs: sending an issue to its lists, the test send to oneself, and passing one
item straight on to chosen organisations and contacts."""

from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.services import forwarding, sending
from teilhabe.jobs.registry import job_kind


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
