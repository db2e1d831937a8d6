"""Throttle for failed API tokens, counted per client address in the cache.

Wagtail's API v3 resolves ``Authorization: Bearer <token>`` itself (``BearerTokenAuth``) and
answers a wrong token like a missing one, as often as asked. Tokens are long and random, but a
client that keeps sending wrong ones is guessing (or broken); after
``API_TOKEN_FAILURES_PER_IP`` failures its requests *with a token* are refused with 429 until
``API_TOKEN_LOCKOUT_SECONDS`` after its first failure. Requests without a token (public reads)
are never throttled.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse

from wagtail.models import APIToken

KEY = "accounts:api-token-failures:{address}"


def bearer_token(request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, or None for anything else."""
    scheme, __, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


def token_is_valid(token: str) -> bool:
    """The same test as Wagtail's ``BearerTokenAuth``: an unrevoked token of an active user."""
    if not token:
        return False
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    return api_token is not None and api_token.user.is_active


def retry_after(address: str | None) -> int:
    """Seconds until this address may send tokens again; 0 if it may now."""
    if address is None:
        return 0
    record = cache.get(KEY.format(address=address))
    if not record or record["count"] < settings.API_TOKEN_FAILURES_PER_IP:
        return 0
    return max(1, int(record["started"] + settings.API_TOKEN_LOCKOUT_SECONDS - time.time()))


def record_failure(address: str | None) -> None:
    """Count one failed token for ``address``; the count expires with its window.

    Read-modify-write on the cache, not atomic: concurrent failures may be counted once, which
    delays the lockout by a request or two but never locks out early.
    """
    if address is None:
        return
    key = KEY.format(address=address)
    now = time.time()
    record = cache.get(key) or {"count": 0, "started": now}
    record["count"] += 1
    remaining = int(record["started"] + settings.API_TOKEN_LOCKOUT_SECONDS - now)
    cache.set(key, record, timeout=max(1, remaining))


def too_many_requests(seconds: int) -> JsonResponse:
    response = JsonResponse(
        {
            "type": "about:blank",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Too many requests with an invalid token from this address; "
            f"try again in {seconds} seconds.",
        },
        status=429,
        content_type="application/problem+json",
    )
    response["Retry-After"] = str(seconds)
    return response
