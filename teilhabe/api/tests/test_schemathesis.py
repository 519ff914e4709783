"""Schemathesis against the generated OpenAPI description, inside the suite: for every operation, public and
internal (with a member's token), generated requests never get a 500 and every answer matches the schema
(status codes, content types, headers, bodies). Few examples per operation, so it stays well under a minute."""

import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode

from teilhabe.api import tokens
from teilhabe.api.api import api
from teilhabe.api.tests.helpers import published_world
from teilhabe.wsgi import application


def _load():
    # the very description /api/v1/openapi.json serves (test_public_api checks it is served)
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(api.get_openapi_schema())))
    loaded.app = application  # requests go through the WSGI app, middleware and all
    # Fuzzing only, positive and negative: the coverage phase (every boundary and invalid value of every
    # parameter, some 40 requests an operation) took 60–90 s on the shared test machine.
    loaded.config.phases.coverage.enabled = False
    return loaded


schema = _load()


@pytest.fixture
def key(municipality, other_municipality, office_user):
    published_world(municipality, other_municipality)
    _token, key = tokens.create_token(office_user, municipality, "schemathesis")
    # The WSGI handler closes the database connection after each request; the test's transaction must stay
    # open (Django's test client does the same).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield key
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _headers_made_invalid(case) -> bool:
    """A negative case whose headers were made to violate the schema (the Authorization header left out or
    garbled) must keep them: a valid token put back would turn it into a request the API rightly accepts."""
    info = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
    return info is not None and info.mode == GenerationMode.NEGATIVE


@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
def test_every_operation_answers_within_its_schema(case, key):
    headers = {}
    if case.path.startswith("/api/v1/internal/") and not _headers_made_invalid(case):
        headers["Authorization"] = f"Bearer {key}"
    case.call_and_validate(headers=headers)
