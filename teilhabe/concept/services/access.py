"""Responsibility: which organisation leads or is involved in which measure, and who may report on it."""

from django.db.models import Q

from teilhabe.accounts.roles import EDITORS, OFFICE
from teilhabe.concept.models import Measure


def responsible_q(organisation_id, prefix=""):
    """A Q matching measures the organisation leads or is involved in (prefix e.g. "measure__")."""
    return Q(**{f"{prefix}lead_id": organisation_id}) | Q(**{f"{prefix}involved__id": organisation_id})


def measures_of_organisation(municipality, organisation):
    """The measures an organisation leads or is involved in, each once."""
    ids = Measure.objects.for_municipality(municipality).filter(responsible_q(organisation.pk)).values("pk")
    return Measure.objects.filter(pk__in=ids)


def reporting_organisation(role, membership):
    """The organisation an editor reports for, or None (office, board, editors without organisation)."""
    if role in EDITORS and membership is not None:
        return membership.organisation
    return None


def is_responsible(organisation, measure):
    if organisation is None:
        return False
    if measure.lead_id == organisation.pk:
        return True
    return measure.involved.filter(pk=organisation.pk).exists()


def may_report(role, membership, measure):
    """Office staff may report for any measure; editors for the measures their organisation leads or is
    involved in; everyone else never."""
    if role == OFFICE:
        return True
    return is_responsible(reporting_organisation(role, membership), measure)
