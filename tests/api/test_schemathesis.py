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

Sampling (CI budget). Schemathesis' coverage phase attaches a fixed list of boundary cases to
every operation (from about 10 to about 1,700 for ``POST /api/v3/pages/``); sent once per role
that was most of the module's four minutes. Every operation still runs once per principal, with
schemathesis' own examples and its fuzzing phase (``MAX_EXAMPLES`` generated requests) for all
of them, so every role meets every operation, writes included; the coverage cases are shared
out (``COVERAGE_STRIDE``):

- the administrator gets every coverage case of every operation: it passes every permission
  check, so its requests reach the deepest code (validation, writes);
- anonymous requests get every 4th coverage case of the reads: the public answers are the ones
  hostile input meets; authenticated reads differ from them only in what they include;
- every other principal and operation gets every 16th case (the editorial roles' permission
  checks and the anonymous 401 answers to writes are the same for every case of an operation),
  each principal at its own offset, so that together they meet different cases.

The checks are the same for every request. The small site the requests meet is built once per
module (rolled back at its end); each operation's requests run in their own transaction.
Bounded (few examples per operation, derandomised, no shrinking) so that CI stays fast and
repeatable; the module reports what it ran and how long.
"""

import functools
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
# Each principal runs every n-th coverage case of an operation (see above): (reads, writes).
COVERAGE_STRIDE = {
    "anonymous": (4, 16),
    "editor": (16, 16),
    "municipality": (16, 16),
    "moderator": (16, 16),
    "superuser": (1, 1),
}
READS = {"GET", "HEAD", "OPTIONS"}
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
        calls, seen, left = Counter(), Counter(), Counter()
        yield SimpleNamespace(network=network, headers=headers, calls=calls, seen=seen, left=left)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        counts = ", ".join(f"{role} {calls[role]}" for role in PRINCIPALS)
        reporter.write_line(
            f"\nschemathesis: {sum(calls.values())} requests ({counts}) over "
            f"{len(list(schema.get_all_operations()))} operations "
            f"in {time.monotonic() - started:.0f} s; "
            f"{sum(left.values())} coverage cases left to other principals"
        )


@pytest.fixture(params=PRINCIPALS)
def principal(request, world, db) -> str:
    return request.param


def sampled_out(case, principal: str, seen: Counter) -> bool:
    """Whether this principal leaves this coverage case to others (see the module's docstring).
    Hypothesis runs an operation's coverage cases in a fixed order, so the choice is stable."""
    if case.meta is None or case.meta.phase.name != "coverage":
        return False  # schema examples and fuzzing: every principal
    reads, writes = COVERAGE_STRIDE[principal]
    stride = reads if case.method.upper() in READS else writes
    index = seen[case.operation.label, principal]
    seen[case.operation.label, principal] += 1
    offset = PRINCIPALS.index(principal) * stride // len(PRINCIPALS)
    return index % stride != offset


def coverage_sample(test):
    """Run ``test`` only for the coverage cases its principal gets (``sampled_out``). A wrapper,
    so that the test's own source stays as it was: Hypothesis derives the derandomised fuzzing
    phase's seed from it, and the generated requests stay the same."""

    @functools.wraps(test)
    def sampled(case, world, principal):
        if sampled_out(case, principal, world.seen):
            world.left[principal] += 1
            return None
        return test(case, world, principal)

    return sampled


@schema.parametrize()
@SETTINGS
@coverage_sample
def test_no_errors_and_documented_answers(case, world, principal):
    world.calls[principal] += 1
    response = case.call_and_validate(headers=world.headers[principal])  # raises on findings
    assert response.status_code < 500
