"""E-mails the report workflow sends, through the one mail helper (`teilhabe.notifications.mail`): a round
opens (to the responsible editors who want it), a report is sent back (to its author). Each recipient reads
it in their own language; the sending is a background job queued with the step's transaction, so a
rolled-back step sends nothing and a failing mail server does not undo the step (the job list shows it)."""

from django.conf import settings
from django.urls import reverse

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import EDITORS
from teilhabe.concept.models import Measure
from teilhabe.notifications.mail import Recipient, queue_mail


def _link(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def editors_to_tell(a_round):
    """Active editors (with an e-mail address, not opted out) whose organisation leads or is involved in a
    measure of the round's concept. Two queries."""
    measures = Measure.objects.filter(concept_id=a_round.concept_id)
    organisations = set(measures.exclude(lead=None).values_list("lead_id", flat=True))
    organisations |= set(
        Measure.involved.through.objects.filter(measure__concept_id=a_round.concept_id).values_list(
            "organisation_id", flat=True
        )
    )
    return list(
        Membership.objects.filter(
            municipality_id=a_round.municipality_id,
            role__in=EDITORS,
            is_active=True,
            organisation_id__in=organisations,
            user__is_active=True,
            user__notify_round_opened=True,
        )
        .exclude(user__email="")
        .select_related("user", "organisation")
        .order_by("pk")
    )


def round_opened(a_round, started_by=None):
    """Tell the responsible editors that a round is open."""
    municipality = a_round.municipality
    return queue_mail(
        municipality,
        template="concept/email/round_opened",
        recipients=[
            Recipient.for_user(m.user, organisation=m.organisation) for m in editors_to_tell(a_round)
        ],
        context={
            "round": a_round,
            "link": _link("concept:my_reports", municipality.slug),
            "profile_link": _link("accounts:profile"),
            "municipality": municipality,
        },
        key=f"round-opened:{a_round.pk}",
        started_by=started_by,
    )


def report_returned(report, started_by=None):
    """Tell the report's author that the office sent it back, with the office's comment."""
    author = report.reported_by
    if author is None or not author.email or not author.is_active:
        return None
    a_round, measure = report.round, report.measure
    return queue_mail(
        a_round.municipality,
        template="concept/email/report_returned",
        recipients=[Recipient.for_user(author)],
        context={
            "report": report,
            "round": a_round,
            "measure": measure,
            "link": _link("concept:report_edit", a_round.municipality.slug, a_round.pk, measure.pk),
            "municipality": a_round.municipality,
        },
        # Each return is its own message: the version the office's save gave the report.
        key=f"report-returned:{report.pk}:{report.version}",
        started_by=started_by,
    )
