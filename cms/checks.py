"""System checks of the project's configuration (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Warning, register

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@register("mail")
def check_email_host(app_configs, **kwargs):
    """Approval requests and "changes requested" notices go out by mail; without a mail server
    the workflow goes on silently and nobody learns that a page waits for them."""
    if settings.EMAIL_BACKEND == SMTP_BACKEND and not settings.EMAIL_HOST:
        return [
            Warning(
                "E-mail is sent over SMTP, but EMAIL_HOST is not set: approval and workflow "
                "notifications will not reach anyone.",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
                "EMAIL_USE_TLS as the mail server needs), or choose another EMAIL_BACKEND.",
                id="cms.W001",
            )
        ]
    return []
