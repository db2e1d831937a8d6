"""API v3 endpoints of news and events: thin routers over ``events.queries``."""

import datetime

from django.utils import translation

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    PAGE_FIELDS,
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
from cms.params import DATE_RANGE_HELP, BoundedDate

from .queries import (
    event_list,
    known_topics,
    news_list,
    parse_event_filters,
    parse_news_filters,
)

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


class NewsList(Schema):
    count: int
    items: list[NewsItemOut]


@news_router.get(
    "/", response=NewsList, operation_id="news_list", summary="News (Aktuelles), newest first"
)
def list_news(
    request,
    paging: Query[Paging],
    lang: Language = "de",
    topic: str = Query("", description="topic slug, e.g. `buergerbeteiligung`", max_length=100),
    year: int | None = Query(None, ge=1990, le=2100, description="year of the news date"),
):
    """The visible news of a language, newest first, optionally about one topic and of one
    year: the same list as the website's Aktuelles page."""
    check_params(request, {"topic", "year"})
    filters, problems = parse_news_filters(request.GET, known_topics())
    reject(problems)
    total, pages = page_slice(news_list(filters, locale_for(lang)), paging)
    topics = topics_of(pages, lang)
    with translation.override(lang):
        items = [
            {
                **page_fields(page, request, topics),
                "date": page.date,
                "source_name": page.source_name,
                "source_url": page.source_url,
            }
            for page in pages
        ]
    return {"count": total, "items": items}


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
    attendance: str = Field(description="`offline` (on site), `online` or `hybrid`")
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


@events_router.get(
    "/",
    response=EventList,
    operation_id="events_list",
    summary="Events (Veranstaltungshinweise): upcoming by start, or the archive",
)
def list_events(
    request,
    paging: Query[Paging],
    lang: Language = "de",
    topic: str = Query("", description="topic slug, e.g. `buergerbeteiligung`", max_length=100),
    city: str = Query("", description="city as written on the events, e.g. `Essen`"),
    month: str = Query("", description="`YYYY-MM`: events on a day of that month"),
    date_from: BoundedDate | None = Query(
        None,
        alias="from",
        description=f"events on or after this day (`YYYY-MM-DD`, {DATE_RANGE_HELP})",
    ),
    date_to: BoundedDate | None = Query(
        None,
        alias="to",
        description=f"events on or before this day (`YYYY-MM-DD`, {DATE_RANGE_HELP})",
    ),
    archive: bool = Query(False, description="past events, newest first, instead of upcoming"),
):
    """Upcoming events (not yet ended) in order of their start, or with `archive=true` the past
    ones newest first. `from`/`to` and `month` select the events that take place on at least one
    day of the range. Filters combine: `?topic=buergerbeteiligung&city=Essen` lists all upcoming
    events about Bürgerbeteiligung in Essen."""
    check_params(request, {"topic", "city", "month", "from", "to", "archive"})
    locale = locale_for(lang)
    # A city without events is a valid question with an empty answer, not an error.
    filters, problems = parse_event_filters(request.GET, known_topics())
    reject(problems)
    total, pages = page_slice(event_list(filters, locale, archive=archive), paging)
    topics = topics_of(pages, lang)
    with translation.override(lang):
        items = [
            {
                **page_fields(page, request, topics),
                **{name: getattr(page, name) for name in EVENT_FIELDS},
            }
            for page in pages
        ]
    return {"count": total, "items": items}
