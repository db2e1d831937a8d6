"""Wrong API tokens are throttled per address: after API_TOKEN_FAILURES_PER_IP failures,
requests with a token get 429 with Retry-After and a problem document."""

from wagtail.models import APIToken

import pytest
from freezegun import freeze_time

pytestmark = pytest.mark.django_db
PAGES = "/api/v3/pages/"


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.API_TOKEN_FAILURES_PER_IP = 3
    settings.API_TOKEN_LOCKOUT_SECONDS = 600


def get(client, token=None, address="192.0.2.50"):
    headers = {"REMOTE_ADDR": address, "HTTP_ACCEPT": "application/json"}
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get(PAGES, **headers)


def write(client, token, address="192.0.2.50"):
    return client.patch(
        f"{PAGES}1/",
        {"title": "x"},
        content_type="application/json",
        REMOTE_ADDR=address,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


@pytest.fixture
def valid_token(accounts):
    __, plaintext = APIToken.create_token(user=accounts.editor, name="test")
    return plaintext


def test_the_request_after_too_many_wrong_tokens_gets_429(client, home):
    for __ in range(3):
        assert write(client, "falsch").status_code == 401
    response = write(client, "falsch")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 600
    problem = response.json()
    assert problem["status"] == 429
    assert problem["title"] == "Too Many Requests"


def test_wrong_tokens_on_public_reads_count_too(client, home):
    for __ in range(3):
        assert get(client, "falsch").status_code == 200  # read as anonymous
    assert get(client, "falsch").status_code == 429


def test_a_throttled_address_is_refused_even_with_a_valid_token(client, home, valid_token):
    for __ in range(3):
        get(client, "falsch")
    assert get(client, valid_token).status_code == 429


def test_requests_without_a_token_are_not_throttled(client, home):
    for __ in range(4):
        get(client, "falsch")
    assert get(client).status_code == 200


def test_other_addresses_are_not_affected(client, home, valid_token):
    for __ in range(4):
        get(client, "falsch")
    assert get(client, "falsch", address="192.0.2.51").status_code == 200


def test_valid_tokens_are_not_counted(client, home, valid_token):
    for __ in range(5):
        assert get(client, valid_token).status_code == 200
    assert get(client, "falsch").status_code == 200


def test_the_throttle_ends_after_its_time(client, home, valid_token):
    with freeze_time("2026-03-02 09:00:00"):
        for __ in range(3):
            get(client, "falsch")
        assert get(client, valid_token).status_code == 429
    with freeze_time("2026-03-02 09:10:01"):
        assert get(client, valid_token).status_code == 200


def test_openapi_declares_429_with_retry_after(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/pages/{page_id}/"]["patch"]
    answer = operation["responses"]["429"]
    assert "Retry-After" in answer["headers"]
    assert "application/problem+json" in answer["content"]
