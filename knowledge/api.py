"""API v3 endpoint of the knowledge library: a thin router over ``knowledge.queries``."""

import datetime

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    FacetOut,
    Language,
    Paging,
    TopicRef,
    check_params,
    locale_for,
    page_fields,
    page_slice,
    reject,
    topics_of,
)

from .queries import find_library_items

router = Router(tags=["Knowledge library"])

FACET_LABELS = {
    "kind": _("Kind"),
    "topic": _("Topic"),
    "year": _("Year"),
    "series": _("Workshop series"),
}


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
    lang: Language = "de",
    kind: str = Query("", description="`publikation` or `werkstatt`"),
    topic: str = Query("", description="topic slug", max_length=100),
    year: int | None = Query(None, ge=1990, le=2100),
    series: str = Query("", description="slug of a workshop series", max_length=100),
):
    """The library newest first, filtered like the website's library page; facets count the
    items per kind, topic, year and series (each without its own filter)."""
    check_params(request, {"kind", "topic", "year", "series"})
    with translation.override(lang):
        results = find_library_items(request.GET, locale_for(lang))
        reject(results.problems)
        total, items = page_slice(results.items, paging)
        topics = topics_of([item.page for item in items], lang)
        chosen = {"kind": kind, "topic": topic, "year": str(year or ""), "series": series}
        return {
            "count": total,
            "facets": [
                {
                    "name": name,
                    "label": str(FACET_LABELS[name]),
                    "options": [
                        {
                            "value": value,
                            "label": label,
                            "count": count,
                            "selected": value == chosen[name],
                        }
                        for value, label, count in options
                    ],
                }
                for name, options in results.facets.items()
            ],
            "items": [
                {
                    **page_fields(item.page, request, topics),
                    "kind": item.kind,
                    "kind_label": item.kind_label,
                    "date": item.date,
                    "series": (
                        {
                            "id": item.series.pk,
                            "title": item.series.title,
                            "slug": item.series.slug,
                        }
                        if item.series
                        else None
                    ),
                }
                for item in items
            ],
        }
