"""Login lockouts: django-axes with one limit per account and a higher one per address.

Axes records every failed login (``axes.AccessAttempt``, one row per username, address and
browser) and compares one number with one limit. We lock out by account *or* by address
(``AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]``) with different limits: an account
after ``LOGIN_FAILURES_PER_ACCOUNT`` failures from anywhere (someone guessing one password),
an address after ``LOGIN_FAILURES_PER_IP`` failures for any accounts (someone trying many).
:class:`AccountAndAddressHandler` scales the address's failures to the account limit so axes'
single comparison applies both. A lockout ends ``LOGIN_LOCKOUT_MINUTES`` after the last failure,
or when the coordination office unlocks it (:func:`unlock`, view "Anmeldesperren").
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_lockout_parameters
from axes.models import AccessAttempt
from axes.utils import reset

logger = logging.getLogger(__name__)


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures that count for this login, in units of the account limit.

        Axes pairs each lockout parameter with the attempts it selects (recent ones only: the
        cool-off applies) and compares the largest sum with ``AXES_FAILURE_LIMIT`` (the account
        limit). An address's failures are scaled by account limit / address limit, rounded
        down, so they reach the account limit exactly when they reach the address limit.
        """
        account_limit = settings.LOGIN_FAILURES_PER_ACCOUNT
        address_limit = settings.LOGIN_FAILURES_PER_IP
        parameters = get_lockout_parameters(request, credentials)
        counts = [0]
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if parameter == "ip_address":
                failures = failures * account_limit // address_limit
            counts.append(failures)
        return max(counts)


def lockout_message() -> str:
    if settings.AXES_COOLOFF_TIME:
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return _(
            "Too many failed sign-in attempts: signing in is blocked for %(minutes)s minutes. "
            "Please try again later or ask the coordination office to unlock your account."
        ) % {"minutes": minutes}
    return _(
        "Too many failed sign-in attempts: signing in is blocked. Please ask the coordination "
        "office to unlock your account."
    )


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The login page again, with the lockout as its only error (HTTP 429).

    Axes calls this when a login was refused because of a lockout, with the login view's own
    response: its form is shown again with the German message instead of "wrong password".
    """
    status = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if form is None or not hasattr(original_response, "template_name"):
        return HttpResponse(lockout_message(), status=status, content_type="text/plain")
    form.errors.clear()
    form.add_error(None, lockout_message())
    response = TemplateResponse(request, original_response.template_name, context, status=status)
    return response.render()


@dataclass(frozen=True)
class Lock:
    """A locked account or address: how many recent failures, when the last one was."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime.datetime

    @property
    def locked_until(self) -> datetime.datetime | None:
        cool_off = settings.AXES_COOLOFF_TIME
        return self.last_attempt + cool_off if cool_off else None


def _recent_attempts():
    attempts = AccessAttempt.objects.all()
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts


def _locks(kind: str, limit: int) -> list[Lock]:
    rows = (
        _recent_attempts()
        .exclude(**{f"{kind}__isnull": True})
        .values(kind)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=limit)
        .order_by("-last_attempt")
    )
    return [Lock(kind, row[kind], row["failures"], row["last_attempt"]) for row in rows]


def locked_accounts() -> list[Lock]:
    return _locks("username", settings.LOGIN_FAILURES_PER_ACCOUNT)


def locked_addresses() -> list[Lock]:
    return _locks("ip_address", settings.LOGIN_FAILURES_PER_IP)


def unlock(*, username: str | None = None, ip_address: str | None = None, by=None) -> int:
    """Forget the failed logins of an account or an address (which lifts its lockout)."""
    if not (username or ip_address):
        return 0
    count = reset(username=username) if username else reset(ip=ip_address)
    logger.warning(
        "Login lockout lifted for %s by %s (%d records)",
        f"account {username!r}" if username else f"address {ip_address}",
        by,
        count,
    )
    return count
