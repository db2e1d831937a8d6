"""API v3: Wagtail's django-ninja API (pages, images, documents; OpenAPI at /api/v3/openapi.json)
with the project's read endpoints on the same instance, so one OpenAPI document describes all.

The apps' routers are mounted by the one wiring list ``cms.api.routers``; the routers are
thin: they parse parameters, call the query module the HTML pages use and shape the result.
What anonymous clients may see is decided by ``cms.querysets.visible`` everywhere, Wagtail's own
page endpoints included (:func:`install`).
"""

from collections.abc import Iterable, Sequence
from typing import Literal

from django.db.models import QuerySet
from django.urls import reverse

from wagtail.api.v3.api import api
from wagtail.models import Locale

from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from cms.api import openapi, pages
from cms.filters import Problem
from cms.localization import absolute_url, locale_ids
from cms.models import Topic
from cms.topics import topics_of as page_topics

Language = Literal["de", "en"]
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
# Parameters every list endpoint accepts besides its own filters.
COMMON_PARAMS = frozenset({"lang", "limit", "offset"})

DESCRIPTION = """
The headless API of the **AG Soziale Stadt NRW** (district profiles, news, events, workshop
documentation and publications), German first, English second.

* **Pages** (`/pages/`): Wagtail's page API. `GET /api/v3/pages/{id}/` returns a page with every
  field a frontend needs (StreamField blocks with resolved links, images as renditions, documents
  with URL, type and size, topics with their labels, breadcrumbs and translations).
* **Project endpoints**: `topics`, `search`, `news`, `events`, `profiles` and `profiles/map`
  (GeoJSON), `knowledge`. Lists answer `{"count": N, "items": [...]}`, the filterable ones with
  `facets` (counts per value; each facet applies the other filters); `limit` (1–100, default
  20) and `offset` page through them; `lang` (`de`, `en`) chooses the language.
* Anonymous requests see live, public pages only. Unknown parameters and values (a topic slug
  that does not exist, a malformed date) are answered with `422` and a problem document
  (`application/problem+json`) naming the parameter.
* What no endpoint can use is answered with `400` before any endpoint runs: a query that is not
  UTF-8 or contains control characters (NUL bytes), values over 1,000 characters, an `offset`
  above 2147483647, a search of more than 32 words, dates outside 1900–2200, time-zone
  offsets beyond ±14:00 or a `site` whose port is not a number (`site=example.org:abc`).
* Reads carry `ETag` and `Cache-Control`; send `If-None-Match` to get `304 Not Modified`.
* `GET /pages/` also filters by topic: `?type=events.EventPage&topics=buergerbeteiligung`
  (repeat `topics` to require several).
* Writes need `Authorization: Bearer <token>` (tokens: admin → Einstellungen → API-Tokens).
  A write by a user who may not publish is saved as a draft and submitted to the approval
  workflow of the coordination office; it never goes live directly. Fields a page type does
  not accept are refused with `422`.
* Page writes take `topics` as a list of topic slugs from `GET /api/v3/topics/`
  (`"topics": ["buergerbeteiligung"]`, replacing the page's topics); an unknown slug is
  refused with `422` naming it, and a change of topics waits for approval like any other.

Example: all upcoming events about Bürgerbeteiligung in Essen

    curl 'https://soziale-stadt.nrw/api/v3/events/?topic=buergerbeteiligung&city=Essen'

A district profile with everything needed to render it (find it by slug, or follow `api_url`
from `/profiles/`), and the map of all running programme areas:

    curl 'https://soziale-stadt.nrw/api/v3/pages/?type=profiles.DistrictProfilePage&slug=katernberg'
    curl 'https://soziale-stadt.nrw/api/v3/pages/{id}/'
    curl 'https://soziale-stadt.nrw/api/v3/profiles/map/?status=laufend'
"""


def install() -> None:
    """Name the API and put the project's rules on Wagtail's page endpoints."""
    api.title = "Soziale Stadt NRW API"
    api.version = "3.0.0"
    api.description = DESCRIPTION
    pages.install()
    openapi.install(api)


def add_router(prefix: str, router: Router) -> None:
    api.add_router(prefix, router)


# ------------------------------------------------------------------------------ parameters


def reject(problems: Sequence[Problem]) -> None:
    """Answer 422 naming each parameter that could not be used (nothing is silently ignored)."""
    if problems:
        raise ValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ["query", problem.parameter],
                    "msg": f"{problem.reason}: {problem.value!r}",
                }
                for problem in problems
            ]
        )


def check_params(request, allowed: Iterable[str]) -> None:
    known = COMMON_PARAMS | set(allowed)
    unknown = sorted(set(request.GET) - known)
    reject(
        [
            Problem(name, request.GET.get(name, ""), f"unknown parameter; known: {sorted(known)}")
            for name in unknown
        ]
    )


def locale_for(language: str) -> Locale:
    locale_id = locale_ids().get(language)
    return Locale.objects.get(pk=locale_id) if locale_id else Locale.get_default()


class Paging(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="items per page (1–100)")
    offset: int = Field(0, ge=0, description="items to skip")


PagingQuery = Query[Paging]


def page_slice(items, paging: Paging) -> tuple[int, list]:
    """The total and the requested slice of a queryset (two queries) or a list."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    return total, list(items[paging.offset : paging.offset + paging.limit])


# -------------------------------------------------------------------------- shared schemas


class TopicRef(Schema):
    slug: str
    label: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool = False


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetValueOut]


def facets_out(facets) -> list[dict]:
    """``cms.facets.Facet`` objects as the API shows them (without the HTML toggle links)."""
    return [
        {
            "name": facet.name,
            "label": facet.label,
            "options": [
                {
                    "value": option.value,
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                }
                for option in facet.options
            ],
        }
        for facet in facets
    ]


def page_api_url(page_id: int) -> str:
    return reverse("wagtailapi_v3:detail_page", args=[page_id])


def topics_of(pages, language: str) -> dict[int, list[dict]]:
    """Each page's topics (slug and label in ``language``), for all pages in one query."""
    return {
        page_id: [{"slug": topic.slug, "label": topic.label_for(language)} for topic in topics]
        for page_id, topics in page_topics(pages).items()
    }


PAGE_FIELDS = ("id", "title", "teaser", "url", "api_url", "topics")


def page_fields(page, request, topics: dict[int, list[dict]]) -> dict:
    """The fields every project list item shares."""
    return {
        "id": page.pk,
        "title": page.title,
        "teaser": getattr(page, "teaser", "") or "",
        "url": absolute_url(page, request),
        "api_url": request.build_absolute_uri(page_api_url(page.pk)),
        "topics": topics.get(page.pk, []),
    }


def known_topic_slugs() -> set[str]:
    return set(Topic.objects.values_list("slug", flat=True))
