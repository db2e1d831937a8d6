"""The news and event indexes: parse the URL, ask the query module, render."""

from django.core.paginator import Paginator

from .queries import (
    event_cities,
    event_facets,
    event_list,
    known_topics,
    news_facets,
    news_list,
    parse_event_filters,
    parse_news_filters,
    topic_labels_by_page,
)

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20


def with_topics(pages) -> list[tuple]:
    """(page, its topic labels) pairs; the labels of all pages come from one query."""
    pages = list(pages)
    labels = topic_labels_by_page(pages)
    return [(page, labels.get(page.pk, [])) for page in pages]


def news_index(page, request):
    topics = known_topics()
    filters, problems = parse_news_filters(request.GET, topics)
    paginator = Paginator(news_list(filters, page.locale, page), NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return page.render(
        request,
        context_overrides={
            "filters": filters,
            "problems": problems,
            "page_obj": page_obj,
            "entries": with_topics(page_obj.object_list),
            "facets": news_facets(filters, page.locale, page, topics),
            "topic": topics.get(filters.topic),
        },
    )


def event_index(page, request, *, archive: bool):
    topics = known_topics()
    filters, problems = parse_event_filters(request.GET, topics, event_cities(page.locale, page))
    paginator = Paginator(event_list(filters, page.locale, page, archive=archive), EVENTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return page.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "archive": archive,
            "filters": filters,
            "problems": problems,
            "page_obj": page_obj,
            "entries": with_topics(page_obj.object_list),
            "facets": event_facets(filters, page.locale, page, topics, archive=archive),
            "topic": topics.get(filters.topic),
            "index_url": page.get_url(request),
            "archive_url": page.get_url(request) + page.reverse_subpage("archive"),
            "ical_url": page.get_url(request) + page.reverse_subpage("ical").rstrip("/"),
        },
    )
