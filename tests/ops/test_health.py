"""``/healthz``: 200 when the database and the cache work, 503 when either does not."""

import socket

from django.db import connection
from django.urls import reverse

import pytest


def closed_port() -> int:
    """A local TCP port nothing listens on (bound once by us, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_down(django_db_blocker, monkeypatch):
    """The default database points at a closed port: every new connection is refused."""
    with django_db_blocker.unblock():
        connection.close()
        monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        monkeypatch.setitem(connection.settings_dict, "PORT", str(closed_port()))
        yield
        connection.close()


def assert_unavailable(response):
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_answers_ok_without_login_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_lives_outside_the_language_prefixes(client):
    assert reverse("healthz") == "/healthz"
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/de/").status_code == 301


@pytest.mark.postgres(
    reason="an in-memory SQLite test database cannot be taken away from the running tests",
)
def test_healthz_is_unavailable_when_the_database_refuses_connections(client, database_down):
    response = client.get("/healthz")
    assert_unavailable(response)
    assert b"Operational" not in response.content


@pytest.mark.django_db
def test_healthz_is_unavailable_when_the_cache_fails(client, broken_cache):
    response = client.get("/healthz")
    assert_unavailable(response)
    assert b"cache" not in response.content


@pytest.mark.django_db
def test_healthz_is_unavailable_when_the_cache_keeps_nothing(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert_unavailable(client.get("/healthz"))
