"""The library page: the index page hands its query to the listing, render."""

from types import SimpleNamespace

from .filters import library_listing

ITEMS_PER_PAGE = 12


def facet_tuples(listing) -> dict[str, list[tuple]]:
    """Facets as the template reads them: name → [(value, label, count)]."""
    return {
        facet.name: [(option.value, option.label, option.count) for option in facet.options]
        for facet in listing.facets
    }


def library(page, request, library):
    """``library``: the library's page types (``knowledge.models.LIBRARY``)."""
    listing, entries = library_listing(
        library,
        request.GET,
        page.locale_id,
        page,
        page=request.GET.get("page"),
        per_page=ITEMS_PER_PAGE,
    )
    listing.page.object_list = entries
    results = SimpleNamespace(
        problems=listing.problems, facets=facet_tuples(listing), listing=listing
    )
    return page.render(
        request,
        context_overrides={
            "results": results,
            "page_obj": listing.page,
            "filters": listing.selection,
        },
    )
