"""cms.W001: an SMTP backend without a mail server is reported."""

from django.core.checks import run_checks
from django.core.management import call_command

import pytest

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def mail_check_ids() -> list[str]:
    return [message.id for message in run_checks(tags=["mail"])]


def test_smtp_without_email_host_warns(settings):
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = ""
    assert mail_check_ids() == ["cms.W001"]


def test_smtp_with_email_host_does_not_warn(settings):
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "mail.example.org"
    assert mail_check_ids() == []


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",  # dev
        "django.core.mail.backends.locmem.EmailBackend",  # tests
    ],
)
def test_other_backends_need_no_email_host(settings, backend):
    settings.EMAIL_BACKEND = backend
    settings.EMAIL_HOST = ""
    assert mail_check_ids() == []


def test_test_settings_pass_the_checks_at_warning_level():
    call_command("check", fail_level="WARNING", verbosity=0)
