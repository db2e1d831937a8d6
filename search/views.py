"""The site search page.

A deliberately small first version: full-text search over live, public pages in the visitor's
language, paginated. The search issue replaces the query with the faceted search service.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.localization import active_locale
from cms.querysets import visible_for_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            visible_for_search(Page.objects.filter(locale=active_locale()))
            .specific()
            .search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "page_obj": page_obj, "results": page_obj.object_list},
    )


urlpatterns = [path(_("search/"), search, name="search")]
