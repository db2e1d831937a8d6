"""The one place that finds news and events: the HTML indexes, the feeds, the start page and the
API call these functions; views and feeds only present what they return.

Filters come from URL parameters. A value that cannot be understood (a malformed date, an
unknown topic or city) is dropped and reported in ``problems``, so an HTML page can show a note
and a feed can answer 400; it never raises.
"""

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from cms.filters import Problem, param, parse_choice, parse_date, parse_year
from cms.models import TaggedPage, Topic
from cms.querysets import visible

from .models import EventPage, NewsPage, local_zone

# A subscribed calendar shows what is coming and what happened in the past year.
CALENDAR_PAST_DAYS = 365

NEWS_LIST_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "teaser",
    "date",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "source_url",
    "source_name",
    "translation_key",
)
EVENT_LIST_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "teaser",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "starts_at",
    "ends_at",
    "attendance",
    "venue",
    "address",
    "postal_code",
    "city",
    "online_url",
    "organiser",
    "registration_url",
    "registration_deadline",
    "fee",
    "first_published_at",
    "last_published_at",
    "translation_key",
)


def _month(value: str) -> tuple[int, int] | None:
    try:
        year, month = (int(part) for part in value.split("-"))
    except ValueError:
        return None
    if 1990 <= year <= 2100 and 1 <= month <= 12:
        return year, month
    return None


def known_topics() -> dict[str, Topic]:
    return {topic.slug: topic for topic in Topic.objects.all()}


# ---------------------------------------------------------------------------------------- news


@dataclass(frozen=True)
class NewsFilters:
    topic: str = ""
    year: int | None = None

    def is_empty(self) -> bool:
        return not self.topic and self.year is None

    def query_string(self, **changes) -> str:
        values = {"topic": self.topic, "year": self.year or ""}
        values.update(changes)
        parts = [f"{key}={value}" for key, value in values.items() if value]
        return "?" + "&".join(parts) if parts else "?"


def parse_news_filters(query: Mapping, topics: Mapping[str, Topic]) -> tuple[NewsFilters, list]:
    problems: list[Problem] = []
    topic = parse_choice(query, "topic", topics, problems, _("unknown topic"))
    year = parse_year(query, "year", problems)
    return NewsFilters(topic=topic, year=year), problems


def published_news(locale: Locale, index: Page | None = None):
    """Visible news of one language, newest first."""
    queryset = visible(NewsPage.objects.filter(locale=locale))
    if index is not None:
        queryset = queryset.descendant_of(index)
    return queryset.order_by("-date", "-first_published_at", "-pk")


def news_list(filters: NewsFilters, locale: Locale, index: Page | None = None):
    """The filtered news, lean enough for lists and feeds (no StreamField loaded)."""
    queryset = published_news(locale, index).only(*NEWS_LIST_FIELDS)
    if filters.topic:
        queryset = queryset.filter(tagged_topics__tag__slug=filters.topic)
    if filters.year:
        queryset = queryset.filter(date__year=filters.year)
    return queryset


@dataclass
class NewsFacets:
    years: list[tuple[int, int]]  # (year, count) newest first
    topics: list[tuple[Topic, int]]  # (topic, count) by label


def news_facets(filters: NewsFilters, locale: Locale, index, topics: Mapping[str, Topic]):
    """Counts per year (with the topic filter applied) and per topic (with the year filter)."""
    by_year = news_list(NewsFilters(topic=filters.topic), locale, index)
    years = list(
        by_year.annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(total=Count("pk", distinct=True))
        .values_list("year", "total")
        .order_by("-year")
    )
    by_topic = news_list(NewsFilters(year=filters.year), locale, index)
    counts = (
        TaggedPage.objects.filter(content_object__in=by_topic.values("pk"))
        .values_list("tag__slug")
        .annotate(total=Count("content_object", distinct=True))
        .values_list("tag__slug", "total")
    )
    topic_counts = [(topics[slug], total) for slug, total in counts if slug in topics]
    topic_counts.sort(key=lambda pair: pair[0].label.casefold())
    return NewsFacets(years=years, topics=topic_counts)


def latest_news(locale: Locale, limit: int = 3) -> list[NewsPage]:
    """The newest news for the start page: one query."""
    return list(published_news(locale).only(*NEWS_LIST_FIELDS)[:limit])


# -------------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class EventFilters:
    topic: str = ""
    city: str = ""
    month: tuple[int, int] | None = None
    start: datetime.date | None = None  # "from"
    end: datetime.date | None = None  # "to"

    def is_empty(self) -> bool:
        return not (self.topic or self.city or self.month or self.start or self.end)

    def date_range(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The days the events must overlap: the month and the explicit range, combined."""
        first, last = self.start, self.end
        if self.month:
            year, month = self.month
            month_first = datetime.date(year, month, 1)
            month_last = datetime.date(year, month, calendar.monthrange(year, month)[1])
            first = max(first, month_first) if first else month_first
            last = min(last, month_last) if last else month_last
        return first, last

    def as_params(self) -> dict[str, str]:
        return {
            "topic": self.topic,
            "city": self.city,
            "month": f"{self.month[0]:04d}-{self.month[1]:02d}" if self.month else "",
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
        }

    def query_string(self, **changes) -> str:
        from urllib.parse import urlencode

        values = {**self.as_params(), **changes}
        encoded = urlencode({key: value for key, value in values.items() if value})
        return f"?{encoded}" if encoded else "?"


def parse_event_filters(
    query: Mapping, topics: Mapping[str, Topic], cities: set[str] | None = None
) -> tuple[EventFilters, list[Problem]]:
    problems: list[Problem] = []
    topic = parse_choice(query, "topic", topics, problems, _("unknown topic"))
    city = param(query, "city")
    if city and cities is not None and city not in cities:
        problems.append(Problem("city", city, _("no events in this city")))
        city = ""
    month = None
    if month_text := param(query, "month"):
        month = _month(month_text)
        if month is None:
            problems.append(Problem("month", month_text, _("expected YYYY-MM")))
    bounds = {name: parse_date(query, name, problems) for name in ("from", "to")}
    if bounds["from"] and bounds["to"] and bounds["to"] < bounds["from"]:
        problems.append(
            Problem("to", bounds["to"].isoformat(), _("the range ends before it starts"))
        )
        bounds["to"] = None
    return EventFilters(topic, city, month, bounds["from"], bounds["to"]), problems


def published_events(locale: Locale, index: Page | None = None):
    queryset = visible(EventPage.objects.filter(locale=locale))
    if index is not None:
        queryset = queryset.descendant_of(index)
    return queryset


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=local_zone())


def event_list(
    filters: EventFilters,
    locale: Locale,
    index: Page | None = None,
    *,
    archive: bool = False,
    now: datetime.datetime | None = None,
):
    """Upcoming events (not yet ended) by start, or the archive (ended) newest first."""
    now = now or timezone.now()
    queryset = published_events(locale, index).only(*EVENT_LIST_FIELDS)
    if archive:
        queryset = queryset.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        queryset = queryset.filter(ends_at__gt=now).order_by("starts_at", "pk")
    return apply_event_filters(queryset, filters)


def apply_event_filters(queryset, filters: EventFilters):
    if filters.topic:
        queryset = queryset.filter(tagged_topics__tag__slug=filters.topic)
    if filters.city:
        queryset = queryset.filter(city=filters.city)
    first, last = filters.date_range()
    if first:
        queryset = queryset.filter(ends_at__gt=_local_midnight(first))
    if last:
        queryset = queryset.filter(
            starts_at__lt=_local_midnight(last + datetime.timedelta(days=1))
        )
    return queryset


@dataclass
class EventFacets:
    topics: list[tuple[Topic, int]]
    cities: list[tuple[str, int]]
    months: list[tuple[tuple[int, int], int]] = field(default_factory=list)


def event_cities(locale: Locale, index=None) -> set[str]:
    return set(
        published_events(locale, index).exclude(city="").values_list("city", flat=True).distinct()
    )


def event_facets(filters: EventFilters, locale: Locale, index, topics, *, archive: bool, now=None):
    """Counts per topic and per city, each with the other filters applied."""
    by_topic = event_list(
        EventFilters(city=filters.city, month=filters.month, start=filters.start, end=filters.end),
        locale,
        index,
        archive=archive,
        now=now,
    )
    counts = (
        TaggedPage.objects.filter(content_object__in=by_topic.values("pk"))
        .values_list("tag__slug")
        .annotate(total=Count("content_object", distinct=True))
        .values_list("tag__slug", "total")
    )
    topic_counts = sorted(
        ((topics[slug], total) for slug, total in counts if slug in topics),
        key=lambda pair: pair[0].label.casefold(),
    )
    by_city = event_list(
        EventFilters(
            topic=filters.topic, month=filters.month, start=filters.start, end=filters.end
        ),
        locale,
        index,
        archive=archive,
        now=now,
    )
    cities = list(
        by_city.exclude(city="")
        .order_by()
        .values_list("city")
        .annotate(total=Count("pk", distinct=True))
        .values_list("city", "total")
        .order_by("city")
    )
    return EventFacets(topics=topic_counts, cities=cities)


def next_events(locale: Locale, limit: int = 3, now=None) -> list[EventPage]:
    """The next events for the start page: one query."""
    return list(event_list(EventFilters(), locale, now=now)[:limit])


def calendar_events(filters: EventFilters, locale: Locale, index=None, now=None):
    """Events of a subscribed calendar: everything upcoming and the past year."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    queryset = (
        published_events(locale, index)
        .only(*EVENT_LIST_FIELDS)
        .filter(ends_at__gt=since)
        .order_by("starts_at", "pk")
    )
    return apply_event_filters(queryset, filters)


def topic_labels_by_page(pages) -> dict[int, list[str]]:
    """Each page's topic labels in the active language, for feeds (one query for all pages)."""
    labels: dict[int, list[str]] = {}
    topics = known_topics()
    for page_id, slug in TaggedPage.objects.filter(
        content_object_id__in=[page.pk for page in pages]
    ).values_list("content_object_id", "tag__slug"):
        if slug in topics:
            labels.setdefault(page_id, []).append(topics[slug].label)
    return labels
