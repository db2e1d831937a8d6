"""API v3 endpoints of the district profiles: thin routers over ``profiles.queries``, with
their parameters, validation and OpenAPI documentation from ``profiles.filters``."""

from typing import Any, Literal

from django.utils import translation

from ninja import Field, Query, Router, Schema

from cms.api.v3 import (
    FacetOut,
    Language,
    Paging,
    TopicRef,
    check_params,
    facets_out,
    locale_for,
    page_fields,
    topics_of,
)
from cms.listing.ninja import query_schema

from .filters import ProfileFilters, find_profiles, map_geojson
from .models import PROFILES

router = Router(tags=["District profiles"])

FILTER_HELP = (
    "Facet filters, each repeatable (values of one facet are alternatives, facets combine): "
    "`status` (`laufend`, `abgeschlossen`), `region` (Regierungsbezirk: `arnsberg`, `detmold`, "
    "`duesseldorf`, `koeln`, `muenster`), `municipality` (slug, e.g. `essen`), `programme`, "
    "`topic` (topic slug)."
)
Facets = query_schema(ProfileFilters)


class PointOut(Schema):
    lat: float
    lng: float


class MunicipalityRef(Schema):
    id: int
    title: str
    slug: str


class ProfileItemOut(Schema):
    id: int
    title: str
    teaser: str
    url: str
    api_url: str
    topics: list[TopicRef]
    municipality: MunicipalityRef
    region: str
    status: str
    programme: str
    funding_start: int | None
    funding_end: int | None
    location: PointOut | None


class ProfileList(Schema):
    count: int
    total_unfiltered: int = Field(description="profiles of the language without filters")
    facets: list[FacetOut] = Field(description="counts per value, each without its own filter")
    items: list[ProfileItemOut]


@router.get(
    "/",
    response=ProfileList,
    operation_id="profiles_list",
    summary="District profiles (Stadtteilprofile) with facets",
    description=FILTER_HELP,
)
def list_profiles(request, paging: Query[Paging], facets: Query[Facets], lang: Language = "de"):
    check_params(request, ProfileFilters.params())
    with translation.override(lang):
        results = find_profiles(
            PROFILES,
            None,
            locale_for(lang),
            selection=facets.selection,
            offset=paging.offset,
            limit=paging.limit,
        )
        items = results.items
        topics = topics_of([item.page for item in items], lang)
        return {
            "count": results.count,
            "total_unfiltered": results.total_unfiltered,
            "facets": facets_out(results.facets),
            "items": [
                {
                    **page_fields(item.page, request, topics),
                    "municipality": {
                        "id": item.municipality.pk,
                        "title": item.municipality.title,
                        "slug": item.municipality.slug,
                    },
                    "region": item.region,
                    "status": item.page.status,
                    "programme": item.page.programme,
                    "funding_start": item.page.funding_start,
                    "funding_end": item.page.funding_end,
                    "location": (
                        {"lat": item.point.lat, "lng": item.point.lng} if item.point else None
                    ),
                }
                for item in items
            ],
        }


class FeatureOut(Schema):
    type: Literal["Feature"]
    id: int | str
    geometry: dict[str, Any] = Field(description="GeoJSON Point or Polygon (WGS 84, lng/lat)")
    properties: dict[str, Any] = Field(
        description="id, title, municipality, region, status(_label), programme(_label), "
        "funding_start, funding_end, topics, url, kind (`location` or `boundary`)"
    )


class FeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    features: list[FeatureOut]


@router.get(
    "/map/",
    response=FeatureCollectionOut,
    operation_id="profiles_map",
    summary="The profile map as a GeoJSON FeatureCollection",
    description="One Point per profile and a Polygon where its boundary is drawn; the same "
    "filters as the list. " + FILTER_HELP,
)
def profiles_map(request, facets: Query[Facets], lang: Language = "de"):
    check_params(request, ProfileFilters.params())
    with translation.override(lang):
        return map_geojson(
            PROFILES, None, locale_for(lang), selection=facets.selection, request=request
        )
