"""Helpers for the accounts tests: URLs of the member pages and a client per role."""

import pytest
from django.urls import reverse

from teilhabe.accounts.models import Membership
from teilhabe.accounts.tests.fake_oidc_provider import FakeProvider, switch_on


@pytest.fixture
def member(municipality, board_user):
    """A membership the office manages in the tests (the advisory board member)."""
    return Membership.objects.get(user=board_user, municipality=municipality)


def member_url(name, municipality, membership=None):
    args = [municipality.slug] + ([membership.pk] if membership is not None else [])
    return reverse(f"members:{name}", args=args)


@pytest.fixture(scope="session")
def provider():
    """The fake OpenID Connect provider (fake_oidc_provider.py), one for the whole run."""
    fake = FakeProvider()
    yield fake
    fake.stop()


@pytest.fixture
def sso(settings, provider):
    """Single sign-on switched on against the fake provider, which starts each test well-behaved."""
    switch_on(settings, provider.settings())
    provider.signing_key = provider.key
    provider.audience = provider.client_id
    provider.userinfo_only_sub = False
    provider.userinfo_sub = None
    provider.clock_offset = 0
    provider.token_lifetime = 300
    provider.issuer_claim = None
    provider.jwks_status = 200
    provider.end_session = False
    return provider
