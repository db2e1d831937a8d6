"""API v3 endpoints of news and events: thin routers over ``events.queries``, with their
parameters, validation and OpenAPI documentation taken from ``events.filters``."""

import datetime

from django.utils import timezone, translation

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    PAGE_FIELDS,
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

from .enums import AttendanceMode
from .filters import EventFilters, NewsFilters
from .models import EVENTS_LISTING, NEWS_LISTING, EventPage, NewsPage
from .queries import event_entries, news_entries

news_router = Router(tags=["News"])
events_router = Router(tags=["Events"])


class NewsItemOut(Schema):
    id: int
    title: str
    teaser: str
    date: datetime.date
    url: str = Field(description="the page on the website")
    api_url: str = Field(description="the full page in the API (GET /api/v3/pages/{id}/)")
    topics: list[TopicRef]
    source_name: str
    source_url: str


# The news item's own fields in the list: the schema's, less those every list item shares.
NEWS_FIELDS = [name for name in NewsItemOut.model_fields if name not in PAGE_FIELDS]


class NewsList(Schema):
    count: int
    items: list[NewsItemOut]
    facets: list[FacetOut] = Field(
        description="counts per topic and year; each facet applies the other filters"
    )


@news_router.get(
    "/", response=NewsList, operation_id="news_list", summary="News (Aktuelles), newest first"
)
def list_news(
    request,
    paging: Query[Paging],
    filters: Query[query_schema(NewsFilters)],
    lang: Language = "de",
):
    """The visible news of a language, newest first, optionally about one topic and of one
    year: the same list as the website's Aktuelles page, with the same facets."""
    check_params(request, NewsFilters.params())
    with translation.override(lang):  # facet labels in the language asked for
        locale = locale_for(lang)
        listing = NewsFilters().run(
            news_entries(NEWS_LISTING, locale),
            filters.selection,
            offset=paging.offset,
            limit=paging.limit,
            stored=NEWS_LISTING,
            load=NEWS_LISTING.pages_of(NewsPage.objects.published(locale).listed()),
        )
        topics = topics_of(listing.items, lang)
        items = [
            {
                **page_fields(page, request, topics),
                **{name: getattr(page, name) for name in NEWS_FIELDS},
            }
            for page in listing.items
        ]
        facets = facets_out(listing.facets)
    return {"count": listing.total, "items": items, "facets": facets}


class EventItemOut(Schema):
    id: int
    title: str
    teaser: str
    url: str = Field(description="the page on the website")
    api_url: str = Field(description="the full page in the API (GET /api/v3/pages/{id}/)")
    topics: list[TopicRef]
    starts_at: datetime.datetime = Field(description="start (Europe/Berlin, ISO 8601)")
    ends_at: datetime.datetime = Field(description="end; all-day events end at midnight after")
    all_day: bool
    attendance: AttendanceMode = Field(
        description="`offline` (on site), `online` or `mixed` (on site and online)"
    )
    venue: str
    address: str
    postal_code: str
    city: str
    online_url: str
    organiser: str
    registration_url: str
    registration_deadline: datetime.date | None
    fee: str


# The event's own fields in the list: the schema's, less those every list item shares.
EVENT_FIELDS = [name for name in EventItemOut.model_fields if name not in PAGE_FIELDS]


class EventList(Schema):
    count: int
    items: list[EventItemOut]
    facets: list[FacetOut] = Field(
        description="counts per topic, city and format; each facet applies the other filters"
    )


@events_router.get(
    "/",
    response=EventList,
    operation_id="events_list",
    summary="Events (Veranstaltungshinweise): upcoming by start, or the archive",
)
def list_events(
    request,
    paging: Query[Paging],
    filters: Query[query_schema(EventFilters)],
    lang: Language = "de",
    archive: bool = Query(False, description="past events, newest first, instead of upcoming"),
):
    """Upcoming events (not yet ended) in order of their start, or with `archive=true` the past
    ones newest first. `from`/`to` and `month` select the events that take place on at least one
    day of the range. Filters combine: `?topic=buergerbeteiligung&city=Essen` lists all upcoming
    events about Bürgerbeteiligung in Essen. A city without events is a valid question with an
    empty answer, not an error."""
    check_params(request, {*EventFilters.params(), "archive"})
    with translation.override(lang):  # facet labels in the language asked for
        locale, now = locale_for(lang), timezone.now()
        listing = EventFilters().run(
            event_entries(EVENTS_LISTING, locale, archive=archive, now=now),
            filters.selection,
            offset=paging.offset,
            limit=paging.limit,
            stored=EVENTS_LISTING,
            load=EVENTS_LISTING.pages_of(
                EventPage.objects.published(locale).listed(archive=archive, now=now)
            ),
        )
        topics = topics_of(listing.items, lang)
        items = [
            {
                **page_fields(page, request, topics),
                **{name: getattr(page, name) for name in EVENT_FIELDS},
            }
            for page in listing.items
        ]
        facets = facets_out(listing.facets)
    return {"count": listing.total, "items": items, "facets": facets}
