"""Page routing from memory: where an address leads, kept by each worker process until public
content changes.

Wagtail routes a page request by walking the tree from the site's root: the site for the host
(one query), the active language's root page (two), two queries per level below it (the child by
slug, then its own row), and its view-restriction check asks for the page's ancestors and their
restrictions (two more, and the page cache's hook asks again). On a news page that is nine of
eleven queries and half of the request's time.

``RouteMemoryMiddleware`` remembers where Wagtail's own routing led, per site, language and
path: the page's type and key, how many path components the tree walk used (a routable page
resolves the rest itself, as it did the first time) and which view restrictions apply to it.
A remembered route costs two queries: the content version, then the page, which is loaded only
if it is still live. Everything remembered belongs to one ``ContentVersion``, which every
change that can move an address counts in its own transaction (publishing, unpublishing,
moving, deleting, view restrictions, sites, locales: ``cms.signals``); a request that reads
a newer version forgets everything first. A process only ever reads committed versions, and
they only grow, so no request can use a route of content that has changed since (a request
that reads an older version than its process has seen, possible with threads, routes without
the memory).

Only the decision is remembered, never an object a request could change: the page and the
restrictions are loaded for every request, the site is copied, and the page routes the rest of
the path again (a routable page's view and arguments are bound to that request's page). This
holds as long as a page type's ``route()`` depends on the page and the path only, as Wagtail's
and ``RoutablePageMixin``'s do; a page type whose routing depends on more sets
``remember_routes = False`` (``cms.models.BasePage``): no address to or below its pages is
remembered. ``ROUTE_MEMORY_SIZE`` bounds the routes per process (least recently used go
first; 0 switches the memory off).
"""

import logging
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from cms import statements
from cms.listing.stored import current_version

logger = logging.getLogger(__name__)

# Host names (and ports) whose site is remembered: a site answers every host name when it is the
# default site, so with ALLOWED_HOSTS = "*" the names a client sends must not fill the memory
# (the host remembered first makes room).
MAX_HOSTS = 64


@dataclass(frozen=True)
class Route:
    """Where one address led: a page and what routing it again needs."""

    model: type
    pk: int
    # Path components the tree walk used; the page routes the rest itself (RoutablePageMixin).
    consumed: int
    # The view restrictions that apply to the page (its own, its ancestors', an alias's source).
    restriction_ids: tuple[int, ...]


class RouteMemory:
    """Sites by host and routes by address, all of one content version (thread-safe)."""

    def __init__(self):
        self.version = None
        self.sites: dict[tuple[str, int], bytes] = {}
        self.routes: OrderedDict[tuple, Route] = OrderedDict()
        self.lock = threading.Lock()

    def sync(self, version: int) -> bool:
        """Move on to ``version`` if it is newer, forgetting everything of the older one. Is
        the memory now of ``version``? Not when a request read an older version than another
        request of this process before it (threads): that request routes without the memory,
        so that it can neither bring back an older version nor mix it with a newer one."""
        with self.lock:
            if self.version is None or version > self.version:
                self._forget(version)
            return version == self.version

    def clear(self) -> None:
        with self.lock:
            self._forget(None)

    def _forget(self, version: int | None) -> None:
        self.version = version
        self.sites = {}
        self.routes.clear()

    def site(self, key: tuple[str, int], version: int) -> Site | None:
        """A fresh copy of the site remembered under ``version``, if any."""
        with self.lock:
            frozen = self.sites.get(key) if version == self.version else None
        return None if frozen is None else pickle.loads(frozen)  # bytes this process wrote

    def remember_site(self, key: tuple[str, int], site: Site, version: int) -> None:
        with self.lock:
            if version != self.version:
                return
            if key not in self.sites and len(self.sites) >= MAX_HOSTS:
                del self.sites[next(iter(self.sites))]  # the host remembered first
            self.sites[key] = pickle.dumps(site)

    def route(self, key: tuple, version: int) -> Route | None:
        """The route remembered under ``version``, if any."""
        with self.lock:
            route = self.routes.get(key) if version == self.version else None
            if route is not None:
                self.routes.move_to_end(key)
            return route

    def remember_route(self, key: tuple, route: Route, version: int) -> None:
        """Keep ``route``, found by a request that read ``version``, unless the memory has
        moved on to another version since (the route may be older than it)."""
        with self.lock:
            if version != self.version:
                return
            self.routes[key] = route
            self.routes.move_to_end(key)
            while len(self.routes) > settings.ROUTE_MEMORY_SIZE:
                self.routes.popitem(last=False)


memory = RouteMemory()


def host_key(request) -> tuple[str, int]:
    """The host and port Wagtail finds the site by (``Site._find_for_request``)."""
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def path_components(path: str) -> list[str]:
    return [component for component in path.split("/") if component]


def consumed_components(page: Page, site: Site, components: list[str]) -> int | None:
    """How many of ``components`` the tree walk used to reach ``page`` below the site's root
    (or its translation, at the same depth); None if the page's address does not agree."""
    consumed = page.depth - site.root_page.depth
    if not 0 <= consumed <= len(components):
        return None
    slugs = [slug for slug in page.url_path.split("/") if slug]
    if consumed and slugs[-consumed:] != components[:consumed]:
        return None
    return consumed


def remembers_routes(content_type_id: int) -> bool:
    """May addresses that pass a page of this type be remembered (``remember_routes``)?"""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return getattr(model, "remember_routes", False)


# The statement that loads a remembered page, per page type: compiled by the ORM once, not on
# every request (0.45 of a news page's 5.6 ms). Its one parameter is the page's key.
PAGE_STATEMENTS: dict[type, str | None] = {}
# The key the statements are compiled with, to find it among their parameters.
COMPILED_KEY = -(2**31) + 17


def page_statement(model: type) -> str | None:
    """SQL for a live page of ``model`` by key, with its locale's language code (as
    ``route_language``); None if the ORM's statement had parameters besides the key (then it
    is compiled per request)."""
    if model not in PAGE_STATEMENTS:
        pages = model._default_manager.order_by().filter(pk=COMPILED_KEY, live=True)
        pages = pages.annotate(route_language=F("locale__language_code"))
        sql, params = pages.query.sql_with_params()
        PAGE_STATEMENTS[model] = sql if list(params) == [COMPILED_KEY] else None
    return PAGE_STATEMENTS[model]


def live_page(model: type, pk: int) -> Page | None:
    """The page ``pk`` of ``model`` if it is live, with its locale (one query)."""
    sql = page_statement(model)
    if sql is None:
        pages = model._default_manager.select_related("locale").order_by()
        return next(iter(pages.filter(pk=pk, live=True)), None)  # one row: no order
    page = next(iter(statements.raw_instances(model, sql, [pk])), None)
    if page is not None:
        page.locale = Locale.from_db(
            page._state.db, ["id", "language_code"], [page.locale_id, page.route_language]
        )
    return page


def remembered_site(request, version: int) -> Site | None:
    """The request's site (``Site.find_for_request``) from the memory of ``version``, found
    and remembered if the memory does not hold it yet."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = host_key(request)
    site = memory.site(key, version)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            memory.remember_site(key, site, version)
    request._wagtail_site = site
    return site


def site_for_request(request) -> Site | None:
    """``Site.find_for_request`` for views outside the page tree that link to pages (their
    URLs need the site): from the memory when it holds the host, at the cost of reading the
    content version (a fixed statement) instead of finding the site (a query the ORM builds
    and compiles: 1-2 ms)."""
    if hasattr(request, "_wagtail_site") or settings.ROUTE_MEMORY_SIZE <= 0:
        return Site.find_for_request(request)
    version = current_version()
    if not memory.sync(version):
        return Site.find_for_request(request)  # an older version than this process has seen
    statements.request_version.set(version)  # as for a page (``process_view``)
    return remembered_site(request, version)


class RouteMemoryMiddleware:
    """Answer Wagtail's routing from ``memory`` and remember what it found (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        finally:
            statements.request_version.set(None)
        missed = getattr(request, "_route_memory_miss", None)
        if missed is not None and response.status_code < 400:
            try:
                self.remember(request, *missed)
            except Exception:  # the response is ready: not remembering must not cost it
                logger.exception("route memory: could not remember %s", request.path)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or settings.ROUTE_MEMORY_SIZE <= 0:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        version = current_version()
        if not memory.sync(version):
            return None  # an older version than this process has seen: Wagtail routes
        # The page's statements may be remembered for this version (cms.statements).
        statements.request_version.set(version)
        site = remembered_site(request, version)
        if site is None:
            return None  # Wagtail answers 404 itself
        key = (site.pk, translation.get_language(), path)
        route = memory.route(key, version)
        components = path_components(path)
        page = None
        if route is not None:
            page = live_page(route.model, route.pk)
        if page is not None and consumed_components(page, site, components) != route.consumed:
            # Its address changed without a new version (an unpublished ancestor renamed or
            # moved: the descendants' paths change in the same transaction, no signal of a
            # live page) or in the moment before the version counted it.
            page = None
        if page is None:  # not remembered, or changed since: Wagtail routes, we remember
            request._route_memory_miss = (version, key, path)
            return None
        page._view_restriction_ids = route.restriction_ids
        try:
            request._wagtail_route_for_request = page.route(request, components[route.consumed :])
        except Http404:
            request._wagtail_route_for_request = None
        return None

    def remember(self, request, version: int, key: tuple, path: str) -> None:
        result = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if result is None or site is None:
            return
        page = result[0]
        consumed = consumed_components(page, site, path_components(path))
        if consumed is None:
            return
        # Every page the walk passed (their route() is skipped next time) and the page itself
        # must allow it; types that are not ours never do.
        walked = (
            Page.objects.ancestor_of(page, inclusive=True)
            .filter(depth__gte=page.depth - consumed)
            .values_list("content_type", flat=True)
        )
        if not all(remembers_routes(type_id) for type_id in walked):
            return
        restriction_ids = tuple(page.get_view_restrictions().values_list("pk", flat=True))
        memory.remember_route(key, Route(type(page), page.pk, consumed, restriction_ids), version)
