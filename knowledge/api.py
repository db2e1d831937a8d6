"""API v3 endpoint of the knowledge library: a thin router over ``knowledge.queries``."""

import datetime

from django.utils import translation

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    FacetOut,
    Language,
    Paging,
    TopicRef,
    check_params,
    facets_out,
    locale_for,
    page_fields,
    topics_of,
)
from cms.listing.ninja import query_schema

from .filters import LibraryFilters, library_listing
from .models import LIBRARY

router = Router(tags=["Knowledge library"])


class SeriesRef(Schema):
    id: int
    title: str
    slug: str


def series_ref(series) -> dict | None:
    return series and {"id": series.pk, "title": series.title, "slug": series.slug}


class LibraryItemOut(Schema):
    id: int
    title: str
    teaser: str
    url: str
    api_url: str
    topics: list[TopicRef]
    kind: str = Field(description="`publikation` or `werkstatt` (workshop documentation)")
    kind_label: str
    date: datetime.date
    series: SeriesRef | None = Field(description="the workshop series of a workshop")


class LibraryList(Schema):
    count: int
    facets: list[FacetOut]
    items: list[LibraryItemOut]


@router.get(
    "/",
    response=LibraryList,
    operation_id="knowledge_list",
    summary="Workshop documentation and publications (Wissen & Publikationen)",
)
def list_library(
    request,
    paging: Query[Paging],
    filters: Query[query_schema(LibraryFilters)],
    lang: Language = "de",
):
    """The library newest first, filtered like the website's library page; facets count the
    items per kind, topic, year and series (each without its own filter)."""
    check_params(request, LibraryFilters.params())
    with translation.override(lang):
        listing, entries = library_listing(
            LIBRARY,
            None,
            locale_for(lang),
            selection=filters.selection,
            offset=paging.offset,
            limit=paging.limit,
        )
        topics = topics_of([item.page for item in entries], lang)
        return {
            "count": listing.total,
            "facets": facets_out(listing.facets),
            "items": [
                {
                    **page_fields(item.page, request, topics),
                    "kind": item.kind,
                    "kind_label": item.kind_label,
                    "date": item.date,
                    "series": series_ref(item.series),
                }
                for item in entries
            ],
        }
