import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from cms.settings.env import env_bool, env_int, env_list
from cms.settings.validation import validate_production_environment

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "kq3V8zR1-fN0pX7wLc2Yt9HbE4uJ6mAs_gD5rTzWvQ1oPiK8nB3yMe7hU2lCxFj0"


def import_production_settings(**env):
    cleared = {"SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in cleared}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import cms.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "secret_key",
    ["", "insecure-local-development-key-do-not-use-in-production", "too-short"],
)
def test_production_refuses_a_missing_default_or_short_secret_key(secret_key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        validate_production_environment(secret_key, ["cms.example.org"])


@pytest.mark.parametrize("hosts", [[], ["*"]])
def test_production_refuses_empty_or_wildcard_allowed_hosts(hosts):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        validate_production_environment(GOOD_KEY, hosts)


def test_production_settings_module_refuses_to_load_with_defaults():
    result = import_production_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_module_refuses_empty_allowed_hosts():
    result = import_production_settings(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_settings_module_loads_with_real_values():
    result = import_production_settings(
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cms.example.org",
        PUBLIC_BASE_URL="https://cms.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_env_helpers_parse_and_reject(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "12")
    monkeypatch.setenv("HOSTS", "a.example.org, b.example.org,")
    assert env_bool("FLAG") is True
    assert env_int("COUNT", 1) == 12
    assert env_list("HOSTS") == ["a.example.org", "b.example.org"]
    monkeypatch.setenv("FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")
    monkeypatch.setenv("COUNT", "zwölf")
    with pytest.raises(ImproperlyConfigured, match="COUNT"):
        env_int("COUNT", 1)


@pytest.mark.postgres(reason="PostgreSQL's JIT compiler")
@pytest.mark.django_db
def test_postgresql_connections_run_without_the_jit_compiler():
    # it compiled the listings' facet statements for ~0.7 s per request (DATABASE_JIT=1: on)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
