"""E-mails the report workflow sends: a round opens (to the responsible editors who want it), a report is
sent back (to its author). Sent after the transaction commits, so a rolled-back step sends nothing; a failing
mail server does not undo the step (the message stays visible on the page)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import EDITORS
from teilhabe.concept.models import Measure

logger = logging.getLogger(__name__)


def _link(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def _deliver(subject, body, to):
    try:
        send_mail(subject, body, None, [to])
    except OSError:  # SMTP down: the workflow step stands; the log says who missed the mail
        logger.warning("E-mail to %s failed: %s", to, subject)


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


def round_opened(a_round):
    """Tell the responsible editors that a round is open (after commit)."""
    transaction.on_commit(lambda: _send_round_opened(a_round))


def _send_round_opened(a_round):
    municipality = a_round.municipality
    with translation.override("de"):
        due = date_format(a_round.due_date, "DATE_FORMAT")
        link = _link("concept:my_reports", municipality.slug)
        subject = _("Neue Berichtsrunde „%(round)s“: Sachstandsmeldungen bis %(due)s") % {
            "round": a_round.title,
            "due": due,
        }
        for membership in editors_to_tell(a_round):
            context = {
                "round": a_round,
                "user": membership.user,
                "organisation": membership.organisation,
                "due": due,
                "link": link,
                "profile_link": _link("accounts:profile"),
                "municipality": municipality,
            }
            body = render_to_string("concept/email/round_opened.txt", context)
            _deliver(subject, body, membership.user.email)


def report_returned(report):
    """Tell the report's author that the office sent it back, with the office's comment (after commit)."""
    author = report.reported_by
    if author is None or not author.email or not author.is_active:
        return
    transaction.on_commit(lambda: _send_report_returned(report, author))


def _send_report_returned(report, author):
    a_round, measure = report.round, report.measure
    with translation.override("de"):
        context = {
            "report": report,
            "round": a_round,
            "measure": measure,
            "user": author,
            "due": date_format(a_round.due_date, "DATE_FORMAT"),
            "link": _link("concept:report_edit", a_round.municipality.slug, a_round.pk, measure.pk),
            "municipality": a_round.municipality,
        }
        subject = _("Ihre Meldung zu %(number)s wurde zurückgegeben") % {"number": measure.number}
        body = render_to_string("concept/email/report_returned.txt", context)
    _deliver(subject, body, author.email)
