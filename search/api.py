"""API v3 endpoint of the site search: the search service the search page uses."""

import datetime

from django.urls import reverse
from django.utils import translation

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    FacetOut,
    Language,
    Paging,
    check_params,
    facets_out,
    locale_for,
    page_api_url,
)
from cms.listing.ninja import query_schema

from .filters import SearchFilters
from .hubs import topic_counts
from .service import MAX_QUERY_LENGTH, attach_snippets, search

router = Router(tags=["Search"])


class SearchHitOut(Schema):
    id: int
    title: str
    type: str = Field(description="`news`, `event`, `profile`, `municipality`, `workshop`, …")
    type_label: str
    date: datetime.date | None
    topics: list[str] = Field(description="topic slugs")
    municipality: str = Field(description="municipality slug (profiles and their pages)")
    region: str
    snippet: str = Field(description="excerpt, found words in `<mark>` (HTML-escaped)")
    promoted: bool = Field(description="pinned by the editors for this query")
    url: str
    api_url: str


class SearchOut(Schema):
    query: str
    count: int
    truncated: bool = Field(description="more pages matched; these are the best ranked")
    spelling: str = Field(description="the query with umlauts, when nothing was found")
    facets: list[FacetOut]
    items: list[SearchHitOut]


@router.get(
    "/",
    response=SearchOut,
    operation_id="search",
    summary="Full-text search with facets (German stemming, compounds, typos)",
)
def site_search(
    request,
    paging: Query[Paging],
    filters: Query[query_schema(SearchFilters)],
    q: str = Query(..., max_length=MAX_QUERY_LENGTH, description="search words"),
    lang: Language = "de",
):
    """The search of the website's search page: ranked hits (promoted ones first) with
    highlighted excerpts and facet counts; facets of one kind are alternatives, kinds combine."""
    check_params(request, {"q", *SearchFilters.params()})
    with translation.override(lang):
        response = search(
            q, None, lang, selection=filters.selection, offset=paging.offset, limit=paging.limit
        )
        hits = response.hits
        attach_snippets(hits, response, lang, request)
        return {
            "query": response.query,
            "count": response.count,
            "truncated": response.truncated,
            "spelling": response.spelling,
            "facets": facets_out(response.facets),
            "items": [
                {
                    "id": hit.page_id,
                    "title": hit.title,
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "date": hit.date,
                    "topics": hit.topics,
                    "municipality": hit.municipality,
                    "region": hit.region,
                    "snippet": hit.snippet,
                    "promoted": hit.promoted,
                    "url": request.build_absolute_uri(hit.url) if hit.url else "",
                    "api_url": request.build_absolute_uri(page_api_url(hit.page_id)),
                }
                for hit in hits
            ],
        }


# --------------------------------------------------------------------------------- topics

# The topics with the number of pages of each topic's hub (``search.hubs``); mounted at
# /api/v3/topics/ by ``cms.api.routers``.
topics_router = Router(tags=["Topics"])


class TopicOut(Schema):
    slug: str
    label: str
    description: str
    pages: int = Field(
        description="visible pages of the language tagged with the topic (those its page lists)"
    )
    url: str = Field(description="the topic's page on the website")


class TopicList(Schema):
    count: int
    items: list[TopicOut]


@topics_router.get(
    "/",
    response=TopicList,
    operation_id="topics_list",
    summary="Topics of the network with the number of pages",
)
def list_topics(request, lang: Language = "de"):
    """All topics (Bürgerbeteiligung, lokale Ökonomie, …) with their label in ``lang`` and the
    number of visible pages of that language tagged with them, those each topic's page lists.
    Not paginated (a few dozen)."""
    check_params(request, set())
    with translation.override(lang):
        counts = topic_counts(locale_for(lang))
        items = [
            {
                "slug": topic.slug,
                "label": topic.label_for(lang),
                "description": topic.description_for(lang),
                "pages": total,
                "url": request.build_absolute_uri(reverse("topic", args=[topic.slug])),
            }
            for topic, total in counts
        ]
    return {"count": len(items), "items": items}
