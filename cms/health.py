"""``/healthz``: may a load balancer or container orchestrator send visitors to this process?

It asks what every page needs: the database answers a query and the cache stores and returns a
value. The answer is deliberately terse (``{"status": "ok"}`` or ``{"status": "unavailable"}``),
needs no login and is never cached; what failed goes to the log, not to the caller.
"""

import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_reachable() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database is not reachable.")
        return False


def cache_reachable() -> bool:
    # A key of this check's own: processes checking at the same time must not read each
    # other's value, and a stale entry cannot pass for a working cache.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache = caches["default"]
        cache.set(key, "ok", timeout=10)
        found = cache.get(key)
        cache.delete(key)
        if found == "ok":
            return True
        logger.error("Health check: the cache did not return the value just stored.")
    except Exception:
        logger.exception("Health check: the cache is not reachable.")
    return False


@require_safe
def healthz(request):
    healthy = database_reachable() & cache_reachable()  # both run, so both failures are logged
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable"}, status=200 if healthy else 503
    )
    patch_cache_control(response, no_store=True)
    return response
