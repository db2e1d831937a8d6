"""Production settings: the deploy check passes, weak secrets and bad public addresses are
refused at start-up with a message that says what to do."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

import pytest

from cms.settings.validation import (
    secret_key_problem,
    smallest_period,
    validate_hsts,
    validate_production_environment,
    validate_public_base_url,
)

ROOT = Path(__file__).resolve().parents[2]
HOSTS = ["soziale-stadt.example", "www.soziale-stadt.example"]
# Variables of the machine that would change what the production settings do.
CLEARED = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "PUBLIC_BASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "CSP_REPORT_URI",
}


def production(*command, **env):
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    environment.update(env)
    return subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def good_env(**overrides):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": ",".join(HOSTS),
        "PUBLIC_BASE_URL": "https://soziale-stadt.example",
        "EMAIL_HOST": "smtp.soziale-stadt.example",
        **overrides,
    }


def test_deploy_check_passes_without_warnings():
    result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING", **good_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_preload_is_opt_in_and_then_checked_by_django_too():
    result = production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING",
        **good_env(SECURE_HSTS_PRELOAD="1"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(0 silenced)" in result.stdout


def test_public_base_url_feeds_admin_and_api_urls():
    result = production(
        "-c",
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.PUBLIC_BASE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.X_FRAME_OPTIONS)",
        **good_env(PUBLIC_BASE_URL="https://Soziale-Stadt.example/"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "https://soziale-stadt.example",
        "https://soziale-stadt.example",
        "https://soziale-stadt.example",
        "31536000",
        "True",
        "DENY",
    ]


def test_production_refuses_to_start_with_a_repeated_letter_as_secret():
    result = production("-c", "import cms.settings.production", **good_env(SECRET_KEY="a" * 50))
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random value" in result.stderr
    assert "token_urlsafe" in result.stderr


def test_production_refuses_to_start_without_public_base_url():
    env = good_env()
    del env["PUBLIC_BASE_URL"]
    result = production("-c", "import cms.settings.production", **env)
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL must be the site's public address" in result.stderr


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("x" * 40, "characters, at least 50"),
        ("x" * 50, "only 1 different characters"),
        ("ab" * 30, "only 2 different characters"),
        ("abcdefghijklmnop" * 4, "repeats a short pattern"),
        ("0123456789abcdef" * 4, "repeats a short pattern"),
        ("django-insecure-Qm3v8Zr1Lx0pT7kWc2Hn9Yb4Fs6Dj5Ga8Ue1Ro3Iw7Pz0Nq2Xt", "development key"),
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghijkl", "bits"),
    ],
)
def test_low_entropy_secret_keys_are_refused(key, reason):
    assert reason in (secret_key_problem(key) or "")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set to a random value"):
        validate_production_environment(key, HOSTS)


@pytest.mark.parametrize(
    "make_key",
    [
        lambda: secrets.token_urlsafe(50),
        lambda: secrets.token_hex(32),
        get_random_secret_key,
    ],
    ids=["token_urlsafe", "token_hex", "django"],
)
def test_generated_secret_keys_are_accepted(make_key):
    for __ in range(20):
        assert secret_key_problem(make_key()) is None


def test_smallest_period():
    assert smallest_period("xxxx") == 1
    assert smallest_period("abcabca") == 3
    assert smallest_period("abcd") == 4


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://soziale-stadt.example", "https://soziale-stadt.example"),
        ("https://soziale-stadt.example/", "https://soziale-stadt.example"),
        ("https://www.soziale-stadt.example:8443", "https://www.soziale-stadt.example:8443"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_public_base_url_accepted(url, expected):
    hosts = [*HOSTS, "127.0.0.1", "localhost", "[::1]"]
    assert validate_public_base_url(url, hosts) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "must be the site's public address"),
        ("soziale-stadt.example", "must be the site's public address"),
        ("ftp://soziale-stadt.example", "must be the site's public address"),
        ("http://soziale-stadt.example", "must use https"),
        ("https://soziale-stadt.example/de/", "without path or query"),
        ("https://user:pw@soziale-stadt.example", "without path or query"),
        ("https://other.example", "must be one of ALLOWED_HOSTS"),
    ],
)
def test_public_base_url_refused(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        validate_public_base_url(url, [*HOSTS, "127.0.0.1"])


def test_hsts_preload_needs_a_year_and_subdomains():
    validate_hsts(31536000, True, True)
    validate_hsts(0, False, False)
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_PRELOAD"):
        validate_hsts(60 * 60 * 24 * 30, True, True)
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_PRELOAD"):
        validate_hsts(31536000, False, True)


DEMO_COMMANDS = [
    "load_demo_content",
    "generate_content",
    "ensure_dev_superuser",
    "ensure_dev_users",
]
# Runs each command named in argv as ``manage.py COMMAND`` would, one after the other in one
# process (a Python start with Django costs seconds), and prints each one's exit code and
# standard error.
RUN_COMMANDS = """
import contextlib, io, json, sys
from django.core.management import execute_from_command_line
results = {}
for command in sys.argv[1:]:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        try:
            execute_from_command_line(["manage.py", command])
            code = 0
        except SystemExit as exit:
            code = exit.code
    results[command] = [code, stderr.getvalue()]
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def demo_command_results() -> dict[str, tuple[int, str]]:
    result = production("-c", RUN_COMMANDS, *DEMO_COMMANDS, **good_env())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("command", DEMO_COMMANDS)
def test_demo_commands_refuse_the_production_settings(command, demo_command_results):
    """They stop before touching the database, with a German and English reason and the way to
    force them (cms.management.demo_guard)."""
    code, stderr = demo_command_results[command]
    assert code == 1, stderr
    assert "gesperrt" in stderr
    assert "refused under these settings" in stderr
    assert "--force-production" in stderr
