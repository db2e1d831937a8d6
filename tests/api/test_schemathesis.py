"""Property-based tests of the whole v3 API from its own OpenAPI document (schemathesis).

Every operation in ``/api/v3/openapi.json`` gets generated requests, valid and invalid, once
anonymously and once with the bearer token of each editorial role (Redaktion, Kommune,
Koordinierungsstelle, administrator). All of schemathesis' checks run: no 5xx, responses, status
codes, content types and headers match the document, invalid input is refused, valid input is
not refused as malformed (400).

One expectation is widened: a request the document calls valid may still get a 422 problem, as
documented, when it names something that does not exist (a topic slug, a parent page) or breaks
a rule a schema cannot express (no moves next to the root page, Wagtail's page forms). A 400 for
valid input stays a failure: the request guard's limits are all declared in the document.

The small site the requests meet is built once per module (rolled back at its end); each
operation's requests run in their own transaction. Bounded (few examples per operation,
derandomised, no shrinking) so that CI stays fast and repeatable; the module reports what it
ran and how long.
"""

import json
import time
from collections import Counter
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from wagtail.api.v3.api import api
from wagtail.models import APIToken

import hypothesis
import pytest
import schemathesis
from schemathesis.config import ChecksConfig

from cms.roles import EDITORS, MODERATORS
from profiles.roles import municipality_group_of
from tests.conftest import make_home, rolled_back
from tests.search.conftest import make_network, make_topics

pytestmark = pytest.mark.django_db(transaction=False)

MAX_EXAMPLES = 3
SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    # A finding is reported as generated: shrinking it would cost minutes of CI per failure.
    phases=[phase for phase in hypothesis.Phase if phase != hypothesis.Phase.shrink],
)
PRINCIPALS = ("anonymous", "editor", "municipality", "moderator", "superuser")
# Schemathesis' default for valid requests, and 422 (see above); 5xx never.
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]


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
    loaded.config.checks = ChecksConfig.from_dict(
        {"positive_data_acceptance": {"expected-statuses": ACCEPTED}}
    )
    return loaded


schema = load_schema()


def _user(username, *groups, **extra):
    user = get_user_model().objects.create_user(username, password="passwort-123456", **extra)
    user.groups.add(*groups)
    return user


@pytest.fixture(scope="module")
def world(request, django_db_setup, django_db_blocker):
    """The small site of the search tests and one token per role, built once for the module
    inside a transaction that is rolled back at its end."""
    started = time.monotonic()
    with rolled_back(django_db_blocker):
        network = make_network(make_home(), make_topics())
        users = {
            "editor": _user("redaktion", Group.objects.get(name=EDITORS)),
            "municipality": _user("essen", municipality_group_of(network.essen)),
            "moderator": _user("koordination", Group.objects.get(name=MODERATORS)),
            "superuser": _user("admin", is_superuser=True, is_staff=True),
        }
        headers = {"anonymous": {}}
        for role, user in users.items():
            __, plaintext = APIToken.create_token(user=user, name="schemathesis")
            headers[role] = {"Authorization": f"Bearer {plaintext}"}
        calls = Counter()
        yield SimpleNamespace(network=network, headers=headers, calls=calls)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        counts = ", ".join(f"{role} {calls[role]}" for role in PRINCIPALS)
        reporter.write_line(
            f"\nschemathesis: {sum(calls.values())} requests ({counts}) over "
            f"{len(list(schema.get_all_operations()))} operations "
            f"in {time.monotonic() - started:.0f} s"
        )


@pytest.fixture(params=PRINCIPALS)
def principal(request, world, db) -> str:
    return request.param


@schema.parametrize()
@SETTINGS
def test_no_errors_and_documented_answers(case, world, principal):
    world.calls[principal] += 1
    response = case.call_and_validate(headers=world.headers[principal])  # raises on findings
    assert response.status_code < 500
