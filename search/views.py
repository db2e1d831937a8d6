"""The search page, search suggestions and the topic hubs: parse, ask the service, render."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.filters import Problem
from cms.listing.filters import clean_text
from cms.localization import active_locale, locale_ids
from cms.models.topics import topic_vocabulary
from cms.routing import site_for_request

from . import hubs
from .filters import SearchFilters
from .service import attach_snippets, clean_query, search

RESULTS_PER_PAGE = 10
PAGE_SIZES = ("10", "20", "50")


def _language() -> str:
    return active_locale().language_code


def _page_size(request, problems: list) -> str:
    """The chosen page size ("" for the default); another value is named as a problem."""
    text = clean_text(request.GET.get("per_page", ""))[:100]
    if text and text not in PAGE_SIZES:
        problems.append(Problem("per_page", text, _("choose 10, 20 or 50")))
        return ""
    return text


def search_page(request):
    """The search page: the search's filter set parses the URL once; its facets' links keep
    the words first and the page size last, and lead back to the first page."""
    # The results' URLs and the page's shell need the site; found first, with the content
    # version the search's statements are remembered for (``cms.statements``).
    site_for_request(request)
    text = clean_query(request.GET.get("q", ""))
    language = _language()
    problems: list[Problem] = []
    per_page = _page_size(request, problems)
    filterset = SearchFilters(
        context={"locale_id": locale_ids().get(language)},
        keep_before=[("q", text)],
        keep_after=[("per_page", per_page)],
    )
    response = search(
        text,
        request.GET,
        language,
        filterset=filterset,
        page=request.GET.get("page"),
        per_page=int(per_page or RESULTS_PER_PAGE),
    )
    response.problems.extend(problems)
    page_obj = response.page
    attach_snippets(page_obj.object_list, response, language, request)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": text,
            "per_page": per_page,
            "response": response,
            "page_obj": page_obj,
            "topics": topic_vocabulary().values() if not response.count else [],
            "active_filters": [
                (facet.label, option.label, option.query_string)
                for facet in response.facets
                for option in facet.options
                if option.selected
            ],
        },
    )


def suggestions(request):
    """Titles and topics starting with what was typed, for the search box (JSON)."""
    text = clean_query(request.GET.get("q", ""))[:50]
    items = []
    if len(text) >= 2:
        lowered = text.casefold()
        for topic in topic_vocabulary().values():
            if any(name.casefold().startswith(lowered) for name in (topic.label, topic.name)):
                items.append({"label": topic.label, "kind": "topic", "url": hubs.hub_url(topic)})
        pages = hubs.visible_titles_starting_with(text, active_locale(), limit=8)
        items += [{"label": title, "kind": "page", "url": url} for title, url in pages]
    response = JsonResponse({"query": text, "suggestions": items[:10]})
    response["Cache-Control"] = "public, max-age=300"
    return response


def topic_overview(request):
    site_for_request(request)  # the page's shell needs the site
    return TemplateResponse(
        request,
        "search/topic_overview.html",
        {"topic_counts": hubs.topic_counts(active_locale())},
    )


def _topic(slug: str):
    """The topic of a hub's address, from the cached vocabulary (no query)."""
    topic = topic_vocabulary().get(slug)
    if topic is None:
        raise Http404
    return topic


def topic_hub(request, slug):
    topic = _topic(slug)
    site_for_request(request)  # the pages' URLs and the page's shell need the site
    return TemplateResponse(
        request,
        "search/topic_hub.html",
        {"topic": topic, "groups": hubs.hub_groups(topic, active_locale(), request)},
    )


def topic_feed(request, slug):
    topic = _topic(slug)
    return hubs.TopicFeed(topic, active_locale())(request)


urlpatterns = [
    path(gettext_lazy("search/"), search_page, name="search"),
    path(gettext_lazy("search/suggestions/"), suggestions, name="search_suggestions"),
    path(gettext_lazy("topics/"), topic_overview, name="topics"),
    path(gettext_lazy("topics/<slug:slug>/"), topic_hub, name="topic"),
    path(gettext_lazy("topics/<slug:slug>/feed.rss"), topic_feed, name="topic_feed"),
]
