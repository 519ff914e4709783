"""E-mail to the advisory board when the office releases a version of an activity report to it, through
teilhabe.notifications (each member's language, a background job, once per address and version: taking a
release back and giving it again sends nothing new). The mail carries a link, never the report itself: the
report is for signed-in members only."""

from django.conf import settings

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD
from teilhabe.notifications.mail import Recipient, queue_mail


def board_members(municipality):
    return [
        m.user
        for m in Membership.objects.filter(
            municipality=municipality, role=ADVISORY_BOARD, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    ]


def version_released(version, user=None):
    members = board_members(version.municipality)
    if not members:
        return None
    return queue_mail(
        version.municipality,
        template="reports/email/version_released",
        recipients=[Recipient.for_user(member) for member in members],
        context={
            "version": version,
            "title": version.data.get("title") or version.report.title,
            "link": settings.SITE_URL + version.get_absolute_url(),
            "municipality": version.municipality,
        },
        key=f"report-released:{version.pk}",
        started_by=user,
    )
