"""Participant data is kept only as long as needed: `teilhabe purge_participants` (daily by cron) anonymises
every registration whose event lies more than the municipality's `retention_days` back (default 90). The row
stays (status, number of people, attendance) for the counts; name, contact details, needs and the network
address hash go, also from the audit trail."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from teilhabe.municipalities.models import Municipality
from teilhabe.registrations.models import Registration, retention_days
from teilhabe.registrations.services.privacy import anonymise


def expired(municipality, today=None):
    cutoff = (today or timezone.localdate()) - timedelta(days=retention_days(municipality))
    rows = Registration.objects.filter(municipality=municipality, anonymised_at=None)
    return rows.filter(
        Q(activity_date__isnull=False, activity_date__date__lt=cutoff)
        | Q(activity_date=None, activity__last_on__lt=cutoff)
        | Q(
            activity_date=None, activity__last_on=None, activity__first_on__lt=cutoff, activity__recurrence=""
        )
    )


def purge_participants(today=None) -> int:
    count = 0
    for municipality in Municipality.objects.all():
        for registration in expired(municipality, today).select_related("activity"):
            anonymise(registration, None, reason="retention")
            count += 1
    return count
