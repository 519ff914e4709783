"""Helpers for the accounts tests: URLs of the member pages and a client per role."""

import pytest
from django.urls import reverse

from teilhabe.accounts.models import Membership


@pytest.fixture
def member(municipality, board_user):
    """A membership the office manages in the tests (the advisory board member)."""
    return Membership.objects.get(user=board_user, municipality=municipality)


def member_url(name, municipality, membership=None):
    args = [municipality.slug] + ([membership.pk] if membership is not None else [])
    return reverse(f"members:{name}", args=args)
