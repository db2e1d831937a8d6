"""The search page, search suggestions and the topic hubs: parse, ask the service, render."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from cms.facets import Facet, FacetOption
from cms.filters import parse_choice
from cms.localization import active_locale
from cms.models import Topic
from cms.topics import topic_counts

from . import hubs
from .service import SearchFilters, attach_snippets, clean_query, search

RESULTS_PER_PAGE = 10
PAGE_SIZES = ("10", "20", "50")


def _language() -> str:
    return active_locale().language_code


def search_page(request):
    text = clean_query(request.GET.get("q", ""))
    response = search(text, request.GET, _language())
    per_page = parse_choice(
        request.GET, "per_page", PAGE_SIZES, response.problems, _("choose 10, 20 or 50")
    )
    paginator = Paginator(response.hits, int(per_page or RESULTS_PER_PAGE))
    page_obj = paginator.get_page(request.GET.get("page"))
    attach_snippets(page_obj.object_list, response, _language(), request)
    kept = [("per_page", per_page)] if per_page else []
    for facet in response.facets:
        for option in facet.options:
            option.query_string = _toggle_url(text, response.filters, facet, option, kept)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": text,
            "per_page": per_page,
            "response": response,
            "page_obj": page_obj,
            "topics": Topic.objects.all() if not response.count else [],
            "active_filters": [
                (facet.label, option.label, option.query_string)
                for facet in response.facets
                for option in facet.options
                if option.selected
            ],
        },
    )


def _toggle_url(text: str, filters: SearchFilters, facet: Facet, option: FacetOption, kept):
    """This search with one facet value switched on or off (and back to the first page)."""
    pairs = [("q", text)] if text else []
    pairs += filters.toggled(facet.name, option.value).params() + kept
    return "?" + urlencode(pairs)


def suggestions(request):
    """Titles and topics starting with what was typed, for the search box (JSON)."""
    text = clean_query(request.GET.get("q", ""))[:50]
    items = []
    if len(text) >= 2:
        lowered = text.casefold()
        for topic in Topic.objects.all():
            if any(name.casefold().startswith(lowered) for name in (topic.label, topic.name)):
                items.append({"label": topic.label, "kind": "topic", "url": hubs.hub_url(topic)})
        pages = hubs.visible_titles_starting_with(text, active_locale(), limit=8)
        items += [{"label": title, "kind": "page", "url": url} for title, url in pages]
    response = JsonResponse({"query": text, "suggestions": items[:10]})
    response["Cache-Control"] = "public, max-age=300"
    return response


def topic_overview(request):
    return TemplateResponse(
        request,
        "search/topic_overview.html",
        {"topic_counts": topic_counts(active_locale())},
    )


def topic_hub(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return TemplateResponse(
        request,
        "search/topic_hub.html",
        {"topic": topic, "groups": hubs.hub_groups(topic, active_locale(), request)},
    )


def topic_feed(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return hubs.TopicFeed(topic, active_locale())(request)


urlpatterns = [
    path(_("search/"), search_page, name="search"),
    path(_("search/suggestions/"), suggestions, name="search_suggestions"),
    path(_("topics/"), topic_overview, name="topics"),
    path(_("topics/<slug:slug>/"), topic_hub, name="topic"),
    path(_("topics/<slug:slug>/feed.rss"), topic_feed, name="topic_feed"),
]
