"""Feeds: RSS and Atom for news (Django's syndication framework), iCalendar for events
(the icalendar library). Filters work as on the HTML pages (``?topic=…``); a filter that cannot be
understood gets a 400 with a message, because a feed reader would otherwise silently subscribe to
everything."""

import datetime

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cms.feeds import PageFeed
from cms.localization import absolute_url

from .enums import AttendanceMode, local_zone
from .filters import EventFilters, NewsFilters
from .queries import topic_labels_by_page

NEWS_FEED_LENGTH = 30
FEED_CACHE_SECONDS = 15 * 60


def _bad_request(problems) -> HttpResponseBadRequest:
    lines = [_("The feed cannot be filtered like this:")] + [f"- {p}" for p in problems]
    return HttpResponseBadRequest(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


class NewsFeed(PageFeed):
    """The news of one language, optionally of one topic."""

    def __init__(self, index, news, filterset, selection, topics, feed_type):
        super().__init__()
        self.index = index
        self.news = news
        self.filterset = filterset
        self.selection = selection
        self.topics = topics
        self.topic = topics.get(selection.topic)
        self.feed_type = Atom1Feed if feed_type == "atom" else Rss201rev2Feed
        self.labels = {}

    def title(self):
        base = f"{self.index.title} – {_('Soziale Stadt NRW')}"
        return f"{base}: {self.topic.label}" if self.topic else base

    def link(self):
        return absolute_url(self.index, self.request)

    def description(self):
        return self.index.teaser or self.title()

    def items(self):
        items = list(self.filterset.apply(self.news, self.selection)[:NEWS_FEED_LENGTH])
        self.labels = topic_labels_by_page(items, self.topics)
        return items

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(12, 0), tzinfo=local_zone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return self.labels.get(item.pk, [])


def news_feed(index, request, news, feed_type: str):
    """``news``: the index's news, lean enough for feeds (``NewsIndexPage.news``)."""
    filterset = NewsFilters()
    selection = filterset.parse(request.GET)
    if selection.problems:
        return _bad_request(selection.problems)
    topics = NewsFilters.topic.topics(filterset.context)
    response = NewsFeed(index, news, filterset, selection, topics, feed_type)(request)
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


def _location(event) -> str:
    if event.attendance == AttendanceMode.ONLINE:
        return event.online_url
    parts = [event.venue, event.address, " ".join(p for p in (event.postal_code, event.city) if p)]
    return ", ".join(part for part in parts if part)


def event_uid(event, language: str) -> str:
    """Stable across edits and moves; translations get their language as a suffix."""
    suffix = "" if language == settings.LANGUAGE_CODE else f"-{language}"
    return f"{event.translation_key}{suffix}@{settings.ICAL_UID_DOMAIN}"


def calendar_component(event, request, language: str, categories=()) -> CalendarEvent:
    """One VEVENT: all-day events as dates (end exclusive), others in Europe/Berlin time."""
    component = CalendarEvent()
    component.add("uid", event_uid(event, language))
    stamp = event.last_published_at or timezone.now()
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    component.add("last-modified", stamp.astimezone(datetime.UTC))
    component.add("summary", event.title)
    if event.all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start())
        if event.end_time is not None or event.is_multi_day:
            component.add("dtend", event.local_end())
    component.add("url", absolute_url(event, request))
    if location := _location(event):
        component.add("location", location)
    description = [event.teaser] if event.teaser else []
    if event.organiser:
        description.append(f"{_('Organiser')}: {event.organiser}")
    if event.registration_url:
        description.append(f"{_('Registration')}: {event.registration_url}")
    if event.fee:
        description.append(f"{_('Fee')}: {event.fee}")
    description.append(absolute_url(event, request))
    component.add("description", "\n".join(description))
    if categories:
        component.add("categories", list(categories))
    component.add("status", "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return component


def build_calendar(events, request, name: str, topics=None) -> bytes:
    from wagtail.models import Locale

    calendar = Calendar()
    calendar.add("prodid", "-//AG Soziale Stadt NRW//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    labels = topic_labels_by_page(events, topics)
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for event in events:
        calendar.add_component(
            calendar_component(
                event, request, languages[event.locale_id], labels.get(event.pk, ())
            )
        )
    if events:
        # VTIMEZONE rules just for the years the calendar covers, not from 1970 on.
        first = min(event.start_date for event in events)
        last = max(event.last_day for event in events)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year - 1, 1, 1),
            last_date=datetime.date(last.year + 2, 1, 1),
        )
    return calendar.to_ical()


def calendar_feed(index, request, events):
    """The subscription feed: upcoming events and those of the past year (``events``: the
    index's visible events, ``EventIndexPage.events``)."""
    filterset = EventFilters()
    selection = filterset.parse(request.GET)
    if selection.problems:
        return _bad_request(selection.problems)
    events = list(filterset.apply(events.calendar(), selection))
    topics = EventFilters.topic.topics(filterset.context)
    topic = topics.get(selection.topic)
    name = f"{index.title} – {_('Soziale Stadt NRW')}" + (f": {topic.label}" if topic else "")
    calendar = build_calendar(events, request, name, topics)
    response = HttpResponse(calendar, content_type="text/calendar")
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = 'inline; filename="veranstaltungen.ics"'
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


def event_ics(event, request):
    """One event as a calendar file to download."""
    response = HttpResponse(build_calendar([event], request, event.title))
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
