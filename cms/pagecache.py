"""Anonymous page cache: whole responses of public pages, feeds, the sitemap and the API.

Wagtail 8 has no maintained page-cache package (wagtail-cache stops at Wagtail 7), so this is
Django's cache framework with explicit rules, small enough to read in one go:

- Only anonymous ``GET``/``HEAD`` requests without a query string are answered from the cache:
  no session cookie, no ``Authorization`` header. Logged-in editors, previews (Wagtail's dummy
  requests, and everything under ``/admin/``), downloads and media always reach the application.
- Only ``200`` responses are stored, and only if they set no cookie, used no CSRF token (a form),
  are not marked private or ``no-store`` and do not belong to a page under a view restriction
  (``mark_private``, called by a ``before_serve_page`` hook).
- Purging is one counter: every key contains the current *generation*; a purge increments it,
  and all earlier entries become unreachable at once (they expire on their own). It costs one
  cache write, whatever the number of cached pages. Publishing, unpublishing, moving or deleting a
  page, a scheduled go-live or expiry (which publish through the same signals) and edits of
  topics, site settings, footer texts, contact persons, files, sites and view restrictions
  purge (``cms.signals``).

The cache alias ``pages`` is Redis when ``REDIS_URL`` is set, a directory shared by all worker
processes of one machine in production (``CACHE_DIR``), the process's memory otherwise.
``PAGE_CACHE_SECONDS`` (0 switches the cache off) says how long an entry lives at most.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
# Never cached, whatever the response says: editing, files, media and the health check.
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/healthz", "/django-admin/")
# Headers a cached copy must not replay to another visitor.
PRIVATE_HEADERS = {"set-cookie", "x-cache", "x-request-id"}
HIT_HEADER = "X-Cache"


def page_cache():
    return caches[CACHE_ALIAS]


# The content identity of the database this process serves (``database_identity``), read
# once: a worker serves one database for its lifetime.
_database: str | None = None


def database_identity() -> str:
    """Every key names the database whose content it holds: a restored copy of the site has
    an identity of its own (``restore_site``), so the responses cached for the site it was
    restored from (of pages since unpublished or restricted there, say) are not its
    responses, and the old site, still running until the switch, cannot fill the new one's
    cache. (One generation counter serves both: a purge of either purges both.)"""
    global _database
    if _database is None:
        from cms.listing.stored import database_identity as identity

        _database = identity()
    return _database


def forget_database() -> None:
    """Read the identity again at the next request (tests: each test has its database)."""
    global _database
    _database = None


def generation() -> int:
    value = page_cache().get(GENERATION_KEY)
    if value is None:
        page_cache().add(GENERATION_KEY, 1, timeout=None)
        value = page_cache().get(GENERATION_KEY, 1)
    return value


def purge(reason: str = "") -> None:
    """Make every cached response unreachable (one cache write)."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or it expired): start one above any earlier value
        cache.add(GENERATION_KEY, 2, timeout=None)
    logger.debug("page cache purged (%s)", reason)


def mark_private(request) -> None:
    """This request's response must never be stored (a page under a view restriction)."""
    request.page_cache_private = True


def cache_key(request, gen: int) -> str:
    raw = f"{request.get_host()}|{request.path}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{database_identity()}:{gen}:{digest}"


def is_eligible(request) -> bool:
    """May this request be answered from (and fill) the cache?"""
    return (
        request.method in ("GET", "HEAD")
        # Wagtail renders previews through a dummy request for the page's public address
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
        and not request.META.get("QUERY_STRING")
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def is_storable(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not getattr(request, "page_cache_private", False)
        and not (user is not None and user.is_authenticated)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def freeze(response) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in PRIVATE_HEADERS]
    return (response.status_code, headers, response.content)


def thaw(frozen: tuple, head: bool) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(b"" if head else content, status=status)
    for name, value in headers:
        response[name] = value
    if head:
        response["Content-Length"] = str(len(content))
    return response


class AnonymousPageCacheMiddleware:
    """Serve and fill the anonymous page cache (see the module's docstring for the rules).

    Sits before the session, locale and authentication middleware, so a hit costs two cache
    reads and no database query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not is_eligible(request):
            return self.get_response(request)
        try:
            key = cache_key(request, generation())
            frozen = page_cache().get(key)
        except Exception:  # a cache outage must not take the site down: serve uncached
            logger.exception("page cache unavailable")
            return self.get_response(request)
        if frozen is not None:
            response = thaw(frozen, head=request.method == "HEAD")
            response[HIT_HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if is_storable(request, response):
            try:
                page_cache().set(key, freeze(response), seconds)
            except Exception:
                logger.exception("page cache unavailable")
            response[HIT_HEADER] = "MISS"
        elif getattr(request, "page_cache_private", False):
            patch_cache_control(response, private=True)
        return response
