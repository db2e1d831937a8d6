"""The news and event indexes: the index page hands its querysets to the listing, render."""

from types import SimpleNamespace

from django.utils import timezone
from django.utils.translation import get_language

from .filters import EventFilters, NewsFilters
from .queries import event_entries, news_entries, topic_labels_by_page

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20


def with_topics(pages, topics=None) -> list[tuple]:
    """(page, its topic labels) pairs; the labels of all pages come from one query."""
    pages = list(pages)
    labels = topic_labels_by_page(pages, topics)
    return [(page, labels.get(page.pk, [])) for page in pages]


def facet_pairs(listing, **names) -> SimpleNamespace:
    """The facets as the templates read them: ``facets.topics`` is a list of (topic, count),
    ``facets.years`` of (year, count), … (``names`` maps these names to the facets')."""
    return SimpleNamespace(
        **{
            attribute: [(option.item, option.count) for option in facet.options]
            for attribute, name in names.items()
            if (facet := listing.facet(name)) is not None
        }
    )


def news_index(page, request, news, stored):
    """``news``: the index's news, lean enough for lists (``NewsIndexPage.news``);
    ``stored``: the news as stored rows (``events.models.NEWS_LISTING``), which the filters,
    the facets and the pages read."""
    filterset = NewsFilters(news)
    selection = filterset.parse(request.GET)
    listing = filterset.run(
        news_entries(stored, page.locale_id, page),
        selection,
        page=request.GET.get("page"),
        per_page=NEWS_PER_PAGE,
        stored=stored,
        load=stored.pages_of(news),
        statement_key=stored.statement_key(page.locale_id, page),
    )
    topics = NewsFilters.topic.topics(filterset.context)
    return page.render(
        request,
        context_overrides={
            "filters": selection,
            "problems": listing.problems,
            "listing": listing,
            "page_obj": listing.page,
            "entries": with_topics(listing.items, topics),
            "facets": facet_pairs(listing, topics="topic", years="year"),
            "topic": topics.get(selection.topic),
        },
    )


def event_index(page, request, events, stored, *, archive: bool):
    """``events``: the index's visible events (``EventIndexPage.events``); ``stored``: the
    events as stored rows (``events.models.EVENTS_LISTING``), which the filters, the facets
    and the pages read."""
    # An unknown city is reported on the page (the API answers such a question with nothing).
    filterset = EventFilters(events, check_open=True)
    selection = filterset.parse(request.GET)
    now = timezone.now()
    listing = filterset.run(
        event_entries(stored, page.locale_id, page, archive=archive, now=now),
        selection,
        page=request.GET.get("page"),
        per_page=EVENTS_PER_PAGE,
        stored=stored,
        load=stored.pages_of(events.listed(archive=archive, now=now)),
    )
    topics = EventFilters.topic.topics(filterset.context)
    return page.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "archive": archive,
            "filters": selection,
            "problems": listing.problems,
            "listing": listing,
            "page_obj": listing.page,
            "entries": with_topics(listing.items, topics),
            "facets": facet_pairs(listing, topics="topic", cities="city", formats="attendance"),
            "topic": topics.get(selection.topic),
            "index_url": page.get_url(request),
            "archive_url": page.get_url(request)
            + page.reverse_subpage(page.ARCHIVE_ROUTES.get(get_language(), "archive")),
            "language_link_routes": page.ARCHIVE_ROUTES if archive else None,
            "ical_url": page.get_url(request) + page.reverse_subpage("ical").rstrip("/"),
        },
    )
