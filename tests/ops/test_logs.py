"""JSON logs with the request id, and the request id in the response."""

import io
import json
import logging.config
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.log import configure_logging

import pytest

from cms.settings.logs import logging_config

ROOT = Path(__file__).resolve().parents[2]
GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The project's JSON logging configuration, writing into a buffer; the lines it wrote."""
    stream = io.StringIO()
    config = logging_config("json", "INFO")
    config["handlers"]["console"]["stream"] = stream
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


def test_access_line_is_json_with_the_request_id_of_the_response(client, settings, json_log):
    settings.LOG_REQUESTS = True
    response = client.get("/healthz")

    request_id = response["X-Request-ID"]
    assert GENERATED_ID.match(request_id)
    (line,) = [line for line in json_log() if line["logger"] == "log_request_id.middleware"]
    assert line["request_id"] == request_id
    assert line["message"] == "method=GET path=/healthz status=200"
    assert line["level"] == "INFO"
    assert line["time"]


def test_a_view_s_own_log_lines_carry_the_request_id(client, broken_cache, json_log):
    response = client.get("/healthz")

    assert response.status_code == 503
    errors = [line for line in json_log() if line["logger"] == "cms.health"]
    assert errors
    assert {line["request_id"] for line in errors} == {response["X-Request-ID"]}
    assert errors[0]["level"] == "ERROR"
    assert "exc_info" in errors[0]


def test_each_request_gets_its_own_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_request_id_sent_by_the_client_is_ignored_unless_trusted(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="chosen-by-the-client")
    assert GENERATED_ID.match(response["X-Request-ID"])


def test_a_trusted_proxy_s_request_id_is_kept(client, settings):
    settings.LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
    settings.GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-4711")["X-Request-ID"] == "proxy-4711"
    assert GENERATED_ID.match(client.get("/healthz")["X-Request-ID"])


def test_unknown_log_format_is_refused():
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        logging_config("xml", "INFO")


def settings_in_subprocess(module: str, **env) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LOG_FORMAT", "TRUST_REQUEST_ID_HEADER", "LOG_REQUESTS"}
    }
    environment.update(SECRET_KEY="x" * 50, ALLOWED_HOSTS="cms.example.org", **env)
    script = (
        f"import json, {module} as s; print(json.dumps(["
        "s.LOGGING['handlers']['console']['formatter'], "
        "getattr(s, 'LOG_REQUEST_ID_HEADER', None), s.LOG_REQUESTS]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    formatter, header, log_requests = json.loads(result.stdout)
    return {"formatter": formatter, "header": header, "log_requests": log_requests}


def test_production_logs_json_and_trusts_no_request_id_header_by_default():
    assert settings_in_subprocess("cms.settings.production") == {
        "formatter": "json",
        "header": None,
        "log_requests": False,
    }


def test_log_settings_follow_the_environment():
    assert settings_in_subprocess(
        "cms.settings.production",
        LOG_FORMAT="plain",
        TRUST_REQUEST_ID_HEADER="1",
        LOG_REQUESTS="1",
    ) == {"formatter": "plain", "header": "HTTP_X_REQUEST_ID", "log_requests": True}
    assert settings_in_subprocess("cms.settings.dev")["formatter"] == "plain"
