"""E-mails about activities, through teilhabe.notifications (rendered in each recipient's language, sent by a
background job, once per address and key): the editors of an organisation learn that it was named a partner;
the partners' editors learn of a change of state. Never to the person who made the change."""

from django.conf import settings

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import EDITORS
from teilhabe.notifications.mail import Recipient, queue_mail


def _editors(organisation_ids, user):
    memberships = (
        Membership.objects.filter(
            role__in=EDITORS, is_active=True, organisation_id__in=list(organisation_ids), user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user", "organisation")
        .order_by("pk")
    )
    return [m for m in memberships if user is None or m.user_id != user.pk]


def _context(activity):
    return {
        "activity": activity,
        "link": settings.SITE_URL + activity.get_absolute_url(),
        "municipality": activity.municipality,
    }


def partner_added(partner, user):
    activity = partner.activity
    return queue_mail(
        activity.municipality,
        template="activities/email/partner_added",
        recipients=[Recipient.for_user(m.user) for m in _editors([partner.organisation_id], user)],
        context={**_context(activity), "partner": partner, "organisation": partner.organisation},
        key=f"activity-partner:{partner.pk}",
        started_by=user,
    )


def state_changed(activity, change, user):
    organisation_ids = set(activity.partners.values_list("organisation_id", flat=True))
    if not organisation_ids:
        return None
    return queue_mail(
        activity.municipality,
        template="activities/email/state_changed",
        recipients=[Recipient.for_user(m.user) for m in _editors(organisation_ids, user)],
        context={**_context(activity), "change": change},
        key=f"activity-state:{change.pk}",
        started_by=user,
    )
