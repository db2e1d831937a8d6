"""A GET fuzz over every URL pattern of the site (admin excepted) with hostile values: no
answer may be a server error.

The routes come from Django's resolver, so a new view is fuzzed without being listed here (and
a pattern this module cannot fill in fails the coverage test). Each route is asked once per
hostile value with all its parameters set to that value, and once per parameter alone with a
few values that pass the request guard (so that the views themselves meet them); API routes
also with an administrator's token. Values are sent percent-encoded as they are, so bytes that
are not UTF-8 reach the server too.

The OpenAPI document (``api/v3/openapi.json``) is generated once for the whole fuzz: the view
builds it anew for every request (a second or more), reads nothing of the query, and answered
three quarters of the module's time with the same document. The route is still asked with
every value (the request guard and the view still run; only the generation is reused).
"""

import re
import time
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.api.v3.api import api as api_v3
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, Page, Site

import pytest

from tests.cms.factories import DocumentFactory, ImageFactory
from tests.conftest import make_home, rolled_back
from tests.search.conftest import make_network, make_topics

pytestmark = pytest.mark.django_db

# Raw query values: sent as they are (already percent-encoded where needed).
HOSTILE = [
    "%00",
    "Quar%00tier",
    "%FF%FE",
    "caf%E9",
    "%1B%5B2J",
    "%E2%80%AE",
    "x" * 1001,
    "+".join(["wort"] * 150),
    "9223372036854775808",
    "99999999999999999999999999",
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T23:59:59-23:59",
    "2024-01-01T00:00:00%2B99:00",
    "99991231T235959-2359",  # ISO's basic form: the same overflow on the way to UTC
    "0001-W01-1T00:00%2B00:01",  # a week date
]
# Hostile values next to the parameter that makes a view read them (a single page type for
# field filters, a path for find's site): each query goes to every route whose parameters
# include its first one. With all parameters set to the same value these never reach the
# code that failed (the type or the id is refused first).
COMBINED = [
    "type=events.EventPage&starts_at=99991231T235959-2359",
    "type=events.EventPage&start_date=20240101T000000%2B2359",
    "type=events.EventPage&start_date=notadate",
    "html_path=/&site=localhost:abc",
    "html_path=/&site=nirgendwo.example:8000",
    "id=abc&site=localhost:abc",
    "user_id=abc",
    "created_at_to=99991231T235959-2359",
]
# Values the request guard lets through: the views must refuse or ignore them themselves.
DEEP = [
    "",
    "-1",
    "0",
    "2147483647",
    "2147483648",
    "2024-02-30",
    "2200-12-31T23:59:59-14:00",
    "NaN",
    "1e309",
    "..%2F..%2Fetc%2Fpasswd",
    "%27%3B+DROP+TABLE+wagtailcore_page%3B+--",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "*",
    "%25",
    "%5B%5D",
    "root",
    "events.EventPage",
    "x" * 1000,
    "+".join(["wort"] * 32),
]
# Parameters the website's pages read (filters, paging, search).
HTML_PARAMS = [
    "q",
    "page",
    "per_page",
    "topic",
    "city",
    "month",
    "from",
    "to",
    "year",
    "kind",
    "series",
    "status",
    "region",
    "municipality",
    "programme",
    "type",
]
CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")


def walk(patterns, prefix=""):
    """(route, pattern) for every pattern, with the prefixes of its resolvers."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def site_routes() -> list[tuple[str, URLPattern]]:
    """Each route once (ninja registers a path once per method), the admin left out."""
    routes = {}
    for route, pattern in walk(get_resolver().url_patterns):
        route = route.replace("^", "").replace("$", "")
        if not route.startswith("admin/"):
            routes.setdefault(route, pattern)
    return list(routes.items())


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The search tests' small site plus one file of each kind, a redirect and an
    administrator's token, built once for the module and rolled back at its end."""
    with rolled_back(django_db_blocker):
        home = make_home()
        topics = make_topics()
        network = make_network(home, topics)
        admin = get_user_model().objects.create_superuser("admin", password="passwort-123456")
        __, token = APIToken.create_token(user=admin, name="fuzz")
        event = network.upcoming_event
        document = DocumentFactory()
        world = SimpleNamespace(
            network=network,
            token={"HTTP_AUTHORIZATION": f"Bearer {token}"},
            ids={
                "page_id": event.pk,
                "pk": event.pk,
                "revision_id": event.latest_revision_id,
                "document_id": document.pk,
                "image_id": ImageFactory().pk,
                "redirect_id": Redirect.objects.create(old_path="/alt", redirect_link="/").pk,
                "site_id": Site.objects.get(is_default_site=True).pk,
                "slug": topics.participation.slug,
                "type_name": "events.EventPage",
                "type": "cms.ContactPerson",
            },
            document=document,
            page_paths=page_paths(home),
        )
        yield world


def page_paths(home) -> tuple[list[str], list[str]]:
    """Every live page's path below the language prefix and its routable sub-pages: (paths
    that end in "/", file-like paths such as ``veranstaltungen/feed.ics``)."""
    folders, files = [], []
    for page in Page.objects.live().descendant_of(home, inclusive=True).specific():
        path = page.url_path[len(home.url_path) :]
        folders.append(path)
        for subpage in getattr(page, "get_subpage_urls", lambda: [])():
            route = str(subpage.pattern).replace("^", "").replace("$", "")
            if not route or CONVERTER.search(route):
                continue
            if "." in route:
                files.append(path + route.rstrip("/"))
            else:
                folders.append(path + route)
    return folders, files


def paths_for(route: str, pattern: URLPattern, world) -> list[str]:
    """Concrete paths for a route: its ids filled with real and hostile values."""
    folders, files = world.page_paths
    if pattern.name == "wagtail_serve":
        return [route.replace("((?:[\\w\\-]+/)*)", folder) for folder in folders]
    if pattern.name == "page_file":
        prefix = route.split("(?P<page_path>")[0]
        return [prefix + file for file in files]
    if pattern.name == "wagtaildocs_serve":
        document = world.document
        return [f"/documents/{document.pk}/{document.filename}", "/documents/0/x.pdf"]
    names = [match["name"] for match in CONVERTER.finditer(route)]
    if not names:
        return ["/" + route]
    paths = []
    for value in ("real", "0", "99999999999999999999", "abc"):
        path = route
        for name in names:
            filled = str(world.ids.get(name, "1")) if value == "real" else value
            path = CONVERTER.sub(filled, path, count=1)
        paths.append("/" + path)
    return paths


def api_v3_params() -> dict[str, list[str]]:
    """The query parameters of each GET operation of the v3 document, by path template."""
    document = api_v3.get_openapi_schema()
    return {
        path.replace("{", "<").replace("}", ">"): [
            parameter["name"]
            for parameter in operations["get"].get("parameters", [])
            if parameter["in"] == "query"
        ]
        for path, operations in document["paths"].items()
        if "get" in operations
    }


def params_for(route: str, pattern: URLPattern, v3: dict[str, list[str]]) -> list[str]:
    if route.startswith("api/v3/"):
        return v3.get("/" + route, ["limit", "offset", "search"])
    if route.startswith("api/v2/"):
        view = getattr(pattern.callback, "cls", None)
        known = sorted(getattr(view, "known_query_parameters", ()))
        return [*known, "title", "slug", "id", "type", "html_path", "start_date", "starts_at"]
    return HTML_PARAMS


def requests_for(route, pattern, world, v3) -> list[tuple[str, dict]]:
    """(URL, extra headers) pairs. On the route's first path: every value in all its
    parameters at once, the deep values once more with a token (API), each parameter alone
    with one deep value, and the combined queries that fit its parameters (with and without a
    token); on its other paths (other ids, other pages) one deep value each."""
    names = params_for(route, pattern, v3)
    token = world.token if route.startswith("api/") else {}
    first, *others = paths_for(route, pattern, world)

    def url(path, pairs):
        return f"{path}?" + "&".join(f"{name}={value}" for name, value in pairs)

    result = [(url(first, [(name, value) for name in names]), {}) for value in HOSTILE + DEEP]
    if token:
        result += [(url(first, [(name, value) for name in names]), token) for value in DEEP[::3]]
    result += [
        (url(first, [(name, DEEP[index % len(DEEP)])]), token) for index, name in enumerate(names)
    ]
    result += [
        (url(path, [(name, DEEP[index % len(DEEP)]) for name in names]), {})
        for index, path in enumerate(others)
    ]
    for query in COMBINED:
        if query.split("=", 1)[0] in names:
            result += [(f"{first}?{query}", headers) for headers in ({}, token)[: 1 + bool(token)]]
    return result


def test_every_url_pattern_is_fuzzed(world):
    unfilled = [
        route
        for route, pattern in site_routes()
        if not paths_for(route, pattern, world) and pattern.name != "page_file"
    ]
    assert unfilled == []
    __, files = world.page_paths
    assert any(file.endswith("feed.ics") for file in files)


class _Undo(Exception):
    pass


def isolated_get(client: Client, url: str, extra: dict):
    """A GET in a savepoint that is always rolled back, so that a request failing in the
    database (an aborted transaction) does not fail every request after it."""
    try:
        with transaction.atomic():
            response = client.get(url, **extra)
            raise _Undo
    except _Undo:
        return response


@pytest.fixture
def openapi_generated_once(monkeypatch):
    """The v3 OpenAPI document generated once, not once per request (see above)."""
    generate = api_v3.get_openapi_schema
    documents = {}

    def generated_once(*args, **kwargs):
        key = repr((args, sorted(kwargs.items())))
        if key not in documents:
            documents[key] = generate(*args, **kwargs)
        return documents[key]

    monkeypatch.setattr(api_v3, "get_openapi_schema", generated_once)
    return documents


def test_no_get_route_answers_with_a_server_error(world, openapi_generated_once):
    client = Client(raise_request_exception=False)
    v3 = api_v3_params()
    failures, count, started = [], 0, time.monotonic()
    for route, pattern in site_routes():
        for url, extra in requests_for(route, pattern, world, v3):
            response = isolated_get(client, url, extra)
            count += 1
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {url[:160]}")
    print(f"\nfuzzed {count} GET requests in {time.monotonic() - started:.0f} s")
    # The view asks with its path parameters; api_v3_params above without.
    assert any("path_params" in key for key in openapi_generated_once), "openapi.json not asked"
    assert failures == [], f"{len(failures)} of {count} requests failed:\n" + "\n".join(
        failures[:30]
    )
