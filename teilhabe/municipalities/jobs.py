"""Background jobs of the municipalities app: the first office user's invitation after `add_municipality`."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress
from teilhabe.municipalities.provisioning import INVITE_OFFICE


@job_kind(INVITE_OFFICE, label=gettext_lazy("Einladung an das Integrationsamt"))
def invite_office(job):
    from teilhabe.accounts.models import Membership
    from teilhabe.accounts.services import send_invitation

    membership = (
        Membership.objects.filter(municipality=job.municipality, pk=job.params.get("membership_id"))
        .select_related("user", "municipality", "invited_by")
        .first()
    )
    if membership is None:
        raise JobFailed(_("Den Zugang, an den die Einladung gehen sollte, gibt es nicht mehr."))
    report_progress(job, gettext_noop("Einladung wird gesendet"))
    send_invitation(membership, settings.SITE_URL)
    return {"summary": _("Einladung an %(email)s gesendet.") % {"email": membership.user.email}}
