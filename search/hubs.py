"""Topic hubs: every topic with its counts, and one page per topic across all content types."""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, Q, TextField, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, get_page_models

from cms.feeds import PageFeed
from cms.listing.stored import StoredRows, insert
from cms.models import BasePage, Topic
from cms.models.topics import topic_vocabulary
from cms.querysets import visible
from events.models import EventIndexPage, NewsIndexPage
from knowledge.models import KnowledgeIndexPage
from profiles.models import DistrictProfileIndexPage

from .filters import date_of_page, type_of_page
from .models import TopicPage
from .types import TYPES

HUB_FEED_LENGTH = 30
HUB_GROUP_SIZE = 8


def hub_url(topic: Topic) -> str:
    return reverse("topic", args=[topic.slug])


def _below_start(locale):
    """The visible pages of the language below its start pages: what hubs list."""
    return visible(Page.objects.filter(locale=locale)).exclude(depth__lte=2)


def _tagged(topic: Topic, locale):
    """The visible pages of the language tagged with the topic (start pages excluded)."""
    return _below_start(locale).filter(tagged_topics__tag=topic)


def _teaser():
    """The teaser of any content page (every ``BasePage`` type keeps it in its own table)."""
    names = [
        f"{model._meta.model_name}__teaser"
        for model in get_page_models()
        if issubclass(model, BasePage) and list(model._meta.parents) == [Page]
    ]
    return Coalesce(*names, Value(""), output_field=TextField())


class TopicPages(StoredRows):
    """Every visible page below the start pages once per topic, with its result type and
    the dates a hub orders by (``search.models.TopicPage``), kept until public content
    changes (``cms.listing.stored``). A hub reads the few thousand narrow rows of one topic
    instead of finding the topic's pages through the page tree, the visibility rule and the
    tables of five page types (100,000 pages, "Bürgerbeteiligung", 11,100 pages: the window
    query 77 -> 18 ms)."""

    name = "topics"
    tables = (TopicPage,)
    columns = (
        "topic_id",
        "page_id",
        "locale_id",
        "search_type",
        "search_date",
        "starts_at",
        "ends_at",
        "last_published_at",
    )

    def write(self, cursor) -> None:
        for locale in Locale.objects.all():
            rows = (
                _below_start(locale)
                .order_by()
                .annotate(
                    row_topic=F("tagged_topics__tag_id"),
                    row_page=F("pk"),
                    search_type=type_of_page(),
                    search_date=date_of_page(),
                    row_starts=F("eventpage__starts_at"),
                    row_ends=F("eventpage__ends_at"),
                )
                .filter(row_topic__isnull=False)
                .values_list(
                    "row_topic",
                    "row_page",
                    "locale_id",
                    "search_type",
                    "search_date",
                    "row_starts",
                    "row_ends",
                    "last_published_at",
                )
            )
            insert(cursor, TopicPage, self.columns, rows)


TOPIC_PAGES = TopicPages()
TOPIC_PAGES.register()


def topic_counts(locale) -> list[tuple[Topic, int]]:
    """Every topic with the number of pages its hub lists in the language (visible pages
    below the start pages), in the order of their labels in the active language: counted
    from the stored rows of the hubs, in the statement that asks whether they are current
    (``StoredRows.read``). Through the page tree it was a count of 200,000 topic assignments
    of 100,000 pages (/de/themen/ 100 ms)."""
    rows = TOPIC_PAGES.read(
        lambda: (
            TopicPage.objects.filter(locale=locale)
            .order_by()
            .values_list("topic_id")
            .annotate(total=Count("pk"))
        )
    )
    counts = {topic_id: total for topic_id, total, _fresh in rows}
    topics = sorted(topic_vocabulary().values(), key=lambda topic: topic.label.casefold())
    return [(topic, counts.get(topic.pk, 0)) for topic in topics]


def _group_items(topic: Topic, locale, limit: int, now) -> tuple[dict[str, int], dict[str, list]]:
    """Pages per result type, and the first ``limit`` pages of every type, in two queries
    (after one that sees whether the stored rows are current): the totals and the positions
    by windows per type over the topic's stored rows, then the pages shown with their
    teasers. Upcoming events first (soonest first), then past events (latest first); other
    types by their date, newest first, undated ones by their last publication."""
    TOPIC_PAGES.ensure_fresh()
    upcoming = Q(ends_at__gt=now)
    order = [
        Case(When(ends_at__lte=now, then=Value(1)), default=Value(0)).asc(),
        Case(When(upcoming, then=F("starts_at")), default=None).asc(nulls_last=True),
        F("search_date").desc(nulls_last=True),
        F("last_published_at").desc(nulls_last=True),
        F("page_id").asc(),
    ]
    by_type = [F("search_type")]
    positions = (
        TopicPage.objects.filter(topic=topic, locale=locale)
        .annotate(
            position=Window(RowNumber(), partition_by=by_type, order_by=order),
            type_total=Window(Count("pk"), partition_by=by_type),
        )
        .filter(position__lte=limit)
        .values_list("page_id", "search_type", "position", "type_total")
    )
    totals: dict[str, int] = {}
    found: dict[int, tuple[str, int]] = {}
    for pk, search_type, position, total in positions:
        found[pk] = (search_type, position)
        totals[search_type] = total
    if not found:
        return {}, {}
    # Through the visibility rule again: a stored row can never show a page visitors may not
    # see.
    pages = (
        visible(Page.objects.filter(pk__in_array=sorted(found)))
        .annotate(search_date=date_of_page(), teaser=_teaser())
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )
    groups: dict[str, list] = {}
    for page in sorted(pages, key=lambda page: found[page.pk]):
        page.search_type = found[page.pk][0]
        groups.setdefault(page.search_type, []).append(page)
    return totals, groups


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
    """The topic's pages grouped by type, in the order of TYPES, each group with its total
    (the pages of the type, as the search's type facet counts them: ``type_of_page``) and
    its first ``limit`` pages. Four queries, however many pages carry the topic: whether the
    stored rows are current (``TOPIC_PAGES``), the totals with the positions of the pages of
    all groups, those pages, the overviews."""
    now = timezone.now()
    totals, items = _group_items(topic, locale, limit, now)
    if not totals:
        return []
    more_urls = listing_urls(topic, locale)
    result = []
    for key, (__, label) in TYPES.items():
        if not totals.get(key):
            continue
        pages = items.get(key, [])
        result.append(
            {
                "key": key,
                "label": label,
                "total": totals[key],
                "more_url": more_urls.get(key, "") if totals[key] > len(pages) else "",
                "items": [
                    {"page": page, "date": page.search_date, "url": page.get_url(request)}
                    for page in pages
                ],
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
