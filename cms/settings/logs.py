"""The logging configuration: plain lines for people, or one JSON object per line for machines.

``LOG_FORMAT=json`` (production's default) writes every record as JSON with its time, level,
logger, message and the id of the request it belongs to (django-log-request-id), so a log
collector can group everything one request logged and match it to the ``X-Request-ID`` header
the visitor or the proxy saw.
"""

from django.core.exceptions import ImproperlyConfigured

from pythonjsonlogger.core import RESERVED_ATTRS

LOG_FORMATS = ("plain", "json")

# Record attributes kept out of the JSON: python-json-logger's standard ones, and the request
# object Django's request logger attaches (its repr says nothing the message and the request id
# do not). Other extras, such as the status code of django.request, stay.
JSON_RESERVED_ATTRS = [*RESERVED_ATTRS, "request"]


def logging_config(log_format: str, level: str) -> dict:
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(
            f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, got {log_format!r}."
        )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "log_request_id.filters.RequestIDFilter"}},
        "formatters": {
            "plain": {"format": "%(levelname)s %(name)s: %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["asctime", "levelname", "name", "message", "request_id"],
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                "reserved_attrs": JSON_RESERVED_ATTRS,
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # Wagtail runs search indexing and reference updates as tasks; one INFO line per task.
            "django_tasks": {"level": "WARNING"},
        },
    }
