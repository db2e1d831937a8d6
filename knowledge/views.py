"""The library page: parse the URL, ask the query module, render."""

from django.core.paginator import Paginator

from .queries import find_library_items

ITEMS_PER_PAGE = 12


def library(page, request):
    results = find_library_items(request.GET, page.locale_id, page)
    page_obj = Paginator(results.items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    return page.render(
        request,
        context_overrides={"results": results, "page_obj": page_obj, "filters": results.filters},
    )
