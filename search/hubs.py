"""Topic hubs: every topic with its counts, and one page per topic across all content types."""

import datetime
from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from cms.feeds import PageFeed
from cms.models import Topic
from cms.querysets import visible
from events.models import EventIndexPage, EventPage, NewsIndexPage
from knowledge.models import KnowledgeIndexPage
from profiles.models import DistrictProfileIndexPage

from .types import DATE_FIELDS, TYPES, type_of_model

HUB_FEED_LENGTH = 30
HUB_GROUP_SIZE = 8


def hub_url(topic: Topic) -> str:
    return reverse("topic", args=[topic.slug])


def _tagged(topic: Topic, locale):
    """The visible pages of the language tagged with the topic (start pages excluded)."""
    return visible(Page.objects.filter(locale=locale, tagged_topics__tag=topic)).exclude(
        depth__lte=2
    )


def _date(page) -> datetime.date | None:
    date_field = DATE_FIELDS.get(type(page))
    return getattr(page, date_field) if date_field else None


def _newest(model, tagged, limit: int) -> list:
    """The newest ``limit`` pages of one type: by their date if they have one, else by the
    last time they were published."""
    date_field = DATE_FIELDS.get(model)
    order = [f"-{date_field}"] if date_field else []
    return list(
        model.objects.filter(pk__in=tagged.values("pk")).order_by(
            *order, "-last_published_at", "pk"
        )[:limit]
    )


def _group_pages(key: str, models, tagged, limit: int, now) -> list:
    if key == "event":
        # Upcoming events first, soonest first; then past ones, latest first.
        events = EventPage.objects.filter(pk__in=tagged.values("pk"))
        upcoming = list(events.filter(ends_at__gt=now).order_by("starts_at", "pk")[:limit])
        past = events.filter(ends_at__lte=now).order_by("-starts_at", "pk")
        return upcoming + list(past[: limit - len(upcoming)])
    if key == "page":
        typed = [
            ContentType.objects.get_for_model(model).pk
            for type_models, __ in TYPES.values()
            for model in type_models
        ]
        pages = tagged.exclude(content_type_id__in=typed).order_by("-last_published_at", "pk")
        return list(pages.specific()[:limit])
    pages = [page for model in models for page in _newest(model, tagged, limit)]
    pages.sort(key=_newest_first)
    return pages[:limit]


def _newest_first(page):
    """Dated pages by date, newest first; undated ones after them, by their last change."""
    day = _date(page)
    changed = page.last_published_at or page.first_published_at
    return (
        day is None,
        -(day.toordinal() if day else 0),
        -(changed.timestamp() if changed else 0),
    )


# Where the whole of a hub group is listed: the type's own overview, filtered by the topic.
LISTINGS = {
    "news": (NewsIndexPage, {}),
    "event": (EventIndexPage, {}),
    "profile": (DistrictProfileIndexPage, {}),
    "publication": (KnowledgeIndexPage, {"kind": "publikation"}),
    "workshop": (KnowledgeIndexPage, {"kind": "werkstatt"}),
}


def listing_urls(topic: Topic, locale) -> dict[str, str]:
    """Type key → the overview listing every page of that type about the topic (one query)."""
    content_type = {
        model: ContentType.objects.get_for_model(model).pk for model, __ in LISTINGS.values()
    }
    overviews = visible(
        Page.objects.filter(locale=locale, content_type_id__in=content_type.values())
    ).order_by("path")
    first: dict[int, Page] = {}
    for overview in overviews:
        first.setdefault(overview.content_type_id, overview)
    urls = {}
    for key, (model, params) in LISTINGS.items():
        overview = first.get(content_type[model])
        if overview is not None:
            urls[key] = f"{overview.get_url()}?{urlencode({'topic': topic.slug, **params})}"
    return urls


def hub_groups(topic: Topic, locale, request=None, limit: int = HUB_GROUP_SIZE) -> list[dict]:
    """The topic's pages grouped by type, in the order of TYPES, each group with its total and
    its first ``limit`` pages: upcoming events first (soonest first), then past events; other
    types newest first. A fixed number of queries, however many pages carry the topic."""
    now = timezone.now()
    tagged = _tagged(topic, locale)
    totals: dict[str, int] = defaultdict(int)
    for content_type_id, total in (
        tagged.order_by().values_list("content_type_id").annotate(total=Count("pk"))
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        totals[type_of_model(model)] += total
    more_urls = listing_urls(topic, locale)
    result = []
    for key, (models, label) in TYPES.items():
        if not totals.get(key):
            continue
        pages = _group_pages(key, models, tagged, limit, now)
        result.append(
            {
                "key": key,
                "label": label,
                "total": totals[key],
                "more_url": more_urls.get(key, "") if totals[key] > len(pages) else "",
                "items": [{"page": p, "date": _date(p), "url": p.get_url(request)} for p in pages],
            }
        )
    return result


def visible_titles_starting_with(text: str, locale, limit: int = 8) -> list[tuple[str, str]]:
    pages = (
        visible(Page.objects.filter(locale=locale))
        .filter(Q(title__istartswith=text) | Q(title__icontains=f" {text}"))
        .exclude(depth__lte=2)
        .only("id", "title", "path", "depth", "url_path", "locale_id")
        .order_by("title")[:limit]
    )
    return [(page.title, page.get_url()) for page in pages]


class TopicFeed(PageFeed):
    """Everything new about one topic, for feed readers."""

    def __init__(self, topic: Topic, locale):
        super().__init__()
        self.topic = topic
        self.locale = locale

    def title(self):
        return f"{self.topic.label} – {_('Soziale Stadt NRW')}"

    def link(self):
        return self.request.build_absolute_uri(hub_url(self.topic))

    def description(self):
        return self.topic.localized_description or self.title()

    def items(self):
        pages = _tagged(self.topic, self.locale).order_by("-last_published_at", "pk")
        return list(pages.specific()[:HUB_FEED_LENGTH])

    def item_pubdate(self, item):
        return item.last_published_at or item.first_published_at
