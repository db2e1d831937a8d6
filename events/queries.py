"""The one place that finds news and events: the querysets of ``NewsPage.objects`` and
``EventPage.objects``. The HTML indexes, the feeds, the start page and the API start from them;
the listings' filters (``events.filters``) narrow them.
"""

import datetime
from collections.abc import Mapping

from django.utils import timezone

from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet

from cms.models import Topic
from cms.models.topics import topic_vocabulary
from cms.querysets import After, visible
from cms.statements import remembered, unnarrowed
from cms.topics import topic_slugs_of

# A subscribed calendar shows what is coming and what happened in the past year.
CALENDAR_PAST_DAYS = 365


# ---------------------------------------------------------------------------------------- news


def known_topics() -> dict[str, Topic]:
    return topic_vocabulary()


class NewsQuerySet(PageQuerySet):
    """``NewsPage.objects``: the news index, the feeds, the start page and the API start here."""

    def published(self, locale: Locale | int, index: Page | None = None):
        """Visible news of one language, newest first."""
        queryset = visible(self.filter(locale=locale))
        if index is not None:
            queryset = queryset.descendant_of(index)
        return queryset.order_by("-date", "-first_published_at", "-pk")

    def listed(self):
        """The news lean enough for lists and feeds (no StreamField loaded); the listing's
        filters (``events.filters.NewsFilters``) narrow them."""
        return self.only(*self.model.listing_fields)

    def newest(self, locale: Locale | int, limit: int = 3) -> list:
        """The newest news for the start page: one query (its statement remembered,
        ``cms.statements``, when asked of all news)."""
        locale_id = getattr(locale, "pk", locale)
        key = ("newest news", locale_id, limit) if unnarrowed(self) else None
        return remembered(key, lambda: self.published(locale).listed()[:limit])


NewsManager = PageManager.from_queryset(NewsQuerySet)


def news_entries(stored, locale: Locale | int, index: Page | None = None):
    """The news as stored rows (``stored``: ``events.models.NEWS_LISTING``), in the order of
    ``NewsQuerySet.published``."""
    return stored.entries(locale, index).order_by("-date", "-first_published_at", "-page")


# -------------------------------------------------------------------------------------- events


def event_entries(stored, locale: Locale | int, index: Page | None = None, *, archive: bool, now):
    """The events as stored rows (``stored``: ``events.models.EVENTS_LISTING``), upcoming or
    past at ``now``, in the order of ``EventQuerySet.listed``."""
    entries = stored.entries(locale, index)
    if archive:
        return entries.filter(ends_at__lte=now).order_by("-starts_at", "-page")
    return entries.filter(After("ends_at", now)).order_by("starts_at", "page")


class EventQuerySet(PageQuerySet):
    """``EventPage.objects``: the event index, the calendars, the start page, the API and the
    open data start here."""

    def published(self, locale: Locale | int, index: Page | None = None):
        queryset = visible(self.filter(locale=locale))
        if index is not None:
            queryset = queryset.descendant_of(index)
        return queryset

    def listed(self, *, archive: bool = False, now: datetime.datetime | None = None):
        """Upcoming events (not yet ended) by start, or the archive (ended) newest first; the
        listing's filters (``events.filters.EventFilters``) narrow them."""
        now = now or timezone.now()
        queryset = self.only(*self.model.listing_fields)
        if archive:
            return queryset.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
        return queryset.filter(After("ends_at", now)).order_by("starts_at", "pk")

    def soonest(self, stored, locale: Locale | int, limit: int = 3, now=None) -> list:
        """The next events for the start page, in one query: the pages of the first upcoming
        events of the stored rows (``stored``: ``events.models.EVENTS_LISTING``, found by
        their end), through the visibility rule again. Through the pages by start PostgreSQL
        read past every ended event (25,000 events at 100,000 pages: 19 ms)."""
        # A time asked for is no request's time: only then is the statement remembered.
        remember = now is None and unnarrowed(self)
        now = now or timezone.now()

        def statement():
            first = event_entries(stored, locale, archive=False, now=now)[:limit]
            return self.published(locale).listed(now=now).filter(pk__in=first.values("pk"))

        key = (*stored.statement_key(locale), "soonest", limit) if remember else None
        return stored.read(statement, key=key)

    def calendar(self, now=None):
        """Events of a subscribed calendar: everything upcoming and the past year."""
        now = now or timezone.now()
        since = now - datetime.timedelta(days=CALENDAR_PAST_DAYS)
        return (
            self.only(*self.model.listing_fields)
            .filter(ends_at__gt=since)
            .order_by("starts_at", "pk")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


def topic_labels_by_page(pages, topics: Mapping[str, Topic] | None = None) -> dict[int, list[str]]:
    """Each page's topic labels in the active language, for lists and feeds (one query for all
    pages, ``cms.topics.topic_slugs_of``)."""
    topics = known_topics() if topics is None else topics
    return {
        page_id: [topics[slug].label for slug in slugs if slug in topics]
        for page_id, slugs in topic_slugs_of(pages).items()
        if slugs
    }
