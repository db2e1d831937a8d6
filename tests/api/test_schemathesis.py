"""Property-based tests of the whole v3 API from its own OpenAPI document (schemathesis).

Every operation in ``/api/v3/openapi.json`` gets generated requests, valid and invalid, once
anonymously and once with the bearer token of a superuser (who may write). The checks: no 5xx,
responses match the documented schema, status codes and content types are documented.
Bounded (few examples per operation, derandomised) so that CI stays fast and repeatable.
"""

import json

from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from wagtail.api.v3.api import api
from wagtail.models import APIToken

import hypothesis
import pytest
import schemathesis
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

pytestmark = pytest.mark.django_db(transaction=False)

MAX_EXAMPLES = 5
SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
# Checks that judge what the generator thinks is valid or invalid input: our routers refuse
# more than the schema can express (an unknown topic slug, an unknown parameter), and Wagtail's
# writes refuse payloads its page forms reject; both are documented 4xx answers, not bugs.
EXCLUDED = [negative_data_rejection, positive_data_acceptance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes database connections when a request finishes; its test client switches
    that off, a bare WSGI handler does not, and a closed connection would end the test's
    transaction (on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def load_schema():
    """The OpenAPI document as the API serves it, generated in-process (no server, no DB)."""
    loaded = schemathesis.openapi.from_dict(
        json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
    )
    loaded.app = WSGIHandler()
    return loaded


schema = load_schema()


@schema.parametrize()
@SETTINGS
def test_anonymous_clients_get_no_errors_and_documented_answers(case, network):
    response = case.call_and_validate(excluded_checks=EXCLUDED)  # raises on any finding
    assert response.status_code < 500


@pytest.fixture
def bearer(admin_user) -> dict:
    __, plaintext = APIToken.create_token(user=admin_user, name="schemathesis")
    return {"Authorization": f"Bearer {plaintext}"}


@schema.parametrize()
@SETTINGS
def test_a_token_holder_gets_no_errors_and_documented_answers(case, network, bearer):
    response = case.call_and_validate(headers=bearer, excluded_checks=EXCLUDED)
    assert response.status_code < 500
