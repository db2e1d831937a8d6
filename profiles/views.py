"""The district profiles' overview and its map: the index page hands its profiles (the page
types, ``profiles.models.PROFILES``) to the listing, render."""

from django.http import JsonResponse

from cms.maps import map_config

from .filters import find_profiles, map_geojson

PROFILES_PER_PAGE = 50  # the overview's list; the map shows every matching profile


def profile_index(page, request, profiles):
    results = find_profiles(
        profiles,
        request.GET,
        page.locale_id,
        page,
        page=request.GET.get("page"),
        per_page=PROFILES_PER_PAGE,
    )
    query = results.filters.query_string(page=None)
    return page.render(
        request,
        context_overrides={
            "results": results,
            "page_obj": results.listing.page,
            "map": map_config(),
            "geojson_url": page.geojson_url(request) + (query if query != "?" else ""),
        },
    )


def profile_map(page, request, profiles):
    """The profiles matching the URL's facets as GeoJSON."""
    geojson = map_geojson(profiles, request.GET, page.locale_id, page, request=request)
    response = JsonResponse(geojson, content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=300"
    return response
