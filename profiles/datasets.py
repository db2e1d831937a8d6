"""Open data of the district profiles: the programme areas and the member municipalities
(CSV, JSON, GeoJSON), built from ``profiles.queries`` and filtered by ``profiles.filters``
like the overview, its map and the API. Registered with :mod:`cms.opendata`."""

import datetime
import json

from django.db.models import Count, Max, Min
from django.utils.translation import gettext_lazy as _

from cms.geo import parse_point
from cms.listing import FilterSet, MultipleChoiceFilter
from cms.localization import absolute_url
from cms.opendata import Column, Dataset, Format, register
from cms.opendata.formats import CSV, JSON

from .enums import Programme, Regierungsbezirk, Status
from .filters import ProfileFilters
from .models import PROFILES, DistrictProfilePage, MunicipalityPage
from .queries import (
    by_sort_key,
    item_features,
    profile_entries,
)

# ---------------------------------------------------------------------------------- profiles

PROFILE_COLUMNS = [
    Column("id", _("Number of the profile (stable, also in the API)")),
    Column("title", _("Name of the programme area")),
    Column("municipality", _("Municipality the area lies in")),
    Column("municipality_slug", _("Short name of the municipality (as in its address)")),
    Column("region", _("Administrative district (Regierungsbezirk), as a code")),
    Column("region_label", _("Administrative district, as a name")),
    Column("programme", _("Funding programme, as a code")),
    Column("programme_label", _("Funding programme, as a name")),
    Column("status", _("Status: laufend (running) or abgeschlossen (completed)")),
    Column("status_label", _("Status, as a word")),
    Column("funding_start", _("First year of funding")),
    Column("funding_end", _("Last year of funding (empty while it is open)")),
    Column("area_ha", _("Size of the area in hectares")),
    Column("inhabitants", _("Inhabitants of the area")),
    Column("figures_year", _("Year the size and inhabitants refer to")),
    Column("lat", _("Latitude of the area's centre (WGS 84)")),
    Column("lng", _("Longitude of the area's centre (WGS 84)")),
    Column("topics", _("Topics of the profile (slugs, separated by commas in CSV)")),
    Column("url", _("Address of the profile on this website")),
]
EXTRA_FIELDS = ("area_ha", "inhabitants", "figures_year", "last_published_at")


def profile_base(locale):
    return PROFILES.items(locale)


def profile_list(locale, selection):
    base = PROFILES.items(locale).only(*DistrictProfilePage.listing_fields, *EXTRA_FIELDS)
    return profile_entries(selection.filterset.apply(base, selection))


def profile_row(item, request) -> dict:
    page = item.page
    return {
        "id": page.pk,
        "title": page.title,
        "municipality": item.municipality.title,
        "municipality_slug": item.municipality.slug,
        "region": item.region,
        "region_label": _label(Regierungsbezirk, item.region),
        "programme": page.programme,
        "programme_label": _label(Programme, page.programme),
        "status": page.status,
        "status_label": _label(Status, page.status),
        "funding_start": page.funding_start,
        "funding_end": page.funding_end,
        "area_ha": page.area_ha,
        "inhabitants": page.inhabitants,
        "figures_year": page.figures_year,
        "lat": item.point.lat if item.point else None,
        "lng": item.point.lng if item.point else None,
        "topics": item.topics,
        "url": absolute_url(page, request),
    }


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def write_feature_collection(features):
    yield '{"type": "FeatureCollection", "features": ['
    separator = ""
    for feature in features:
        yield separator + json.dumps(feature, ensure_ascii=False, default=str)
        separator = ", "
    yield "]}\n"


def write_profiles_geojson(dataset, items, request):
    """RFC 7946: a Point per profile and a Polygon where its boundary is drawn (the map's
    GeoJSON, ``profiles.queries.profile_features``)."""
    features = (feature for item in items for feature in item_features(item, request))
    yield from write_feature_collection(features)


GEOJSON_PROFILES = Format(
    "geojson", "GeoJSON", "application/geo+json", "GEOJSON", write_profiles_geojson, inline=True
)


def profile_period(locale):
    row = (
        PROFILES.items(locale)
        .order_by()
        .aggregate(start=Min("funding_start"), end=Max("funding_end"))
    )
    start = datetime.date(row["start"], 1, 1) if row["start"] else None
    end = datetime.date(row["end"], 12, 31) if row["end"] else None
    return start, end


register(
    Dataset(
        slug="stadtteilprofile",
        title=_("District profiles"),
        description=_(
            "The programme areas of the “Sozialer Zusammenhalt” (formerly “Soziale Stadt”) "
            "urban development programme in the network's member municipalities: where they "
            "are, since when and until when they are funded, by which programme, their size, "
            "inhabitants and topics."
        ),
        columns=PROFILE_COLUMNS,
        formats=[CSV, JSON, GEOJSON_PROFILES],
        items=profile_list,
        row=profile_row,
        base=profile_base,
        parse=lambda query: ProfileFilters().parse(query),
        filter_params=ProfileFilters.params(),
        temporal=profile_period,
        themes=("REGI", "SOCI"),
        frequency="IRREG",
        order=10,
    )
)

# ---------------------------------------------------------------------------- municipalities


class MunicipalityFilters(FilterSet):
    """The member municipalities by administrative district (as the profiles' facet)."""

    region = MultipleChoiceFilter(
        _("Administrative district"),
        field="regierungsbezirk",
        choices=Regierungsbezirk,
        unknown=_("unknown value"),
        help_text="Regierungsbezirk",
    )


# What the map and listings load of a municipality, plus the columns only the dataset has.
MUNICIPALITY_FIELDS = (
    *MunicipalityPage.listing_fields,
    "ags",
    "website",
    "member_since",
    "last_published_at",
)
MUNICIPALITY_COLUMNS = [
    Column("id", _("Number of the municipality's page (stable, also in the API)")),
    Column("title", _("Name of the municipality")),
    Column("slug", _("Short name of the municipality (as in its address)")),
    Column("ags", _("Official municipality key (Amtlicher Gemeindeschlüssel)")),
    Column("region", _("Administrative district (Regierungsbezirk), as a code")),
    Column("region_label", _("Administrative district, as a name")),
    Column("member_since", _("Year the municipality joined the network")),
    Column("profiles", _("Number of its programme areas with a profile here")),
    Column("website", _("The municipality's own website")),
    Column("lat", _("Latitude of the municipality (WGS 84)")),
    Column("lng", _("Longitude of the municipality (WGS 84)")),
    Column("url", _("Address of the municipality's page on this website")),
]


def municipality_base(locale):
    return PROFILES.municipalities(locale)


def municipality_list(locale, selection):
    """The municipalities in German order with their number of visible profiles (two queries)."""
    pages = list(
        selection.filterset.apply(PROFILES.municipalities(locale), selection)
        .only(*MUNICIPALITY_FIELDS)
        .order_by(by_sort_key("sort_title"), "pk")
    )
    counts = dict(
        PROFILES.items(locale)
        .order_by()
        .values_list("municipality_pk")
        .annotate(total=Count("pk"))
        .values_list("municipality_pk", "total")
    )
    for page in pages:
        page.profile_count = counts.get(page.pk, 0)
    return pages


def municipality_row(page, request) -> dict:
    point = parse_point(page.location)
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "ags": page.ags,
        "region": page.regierungsbezirk,
        "region_label": _label(Regierungsbezirk, page.regierungsbezirk),
        "member_since": page.member_since,
        "profiles": page.profile_count,
        "website": page.website,
        "lat": point.lat if point else None,
        "lng": point.lng if point else None,
        "url": absolute_url(page, request),
    }


def write_municipalities_geojson(dataset, items, request):
    def features():
        for page in items:
            row = municipality_row(page, request)
            point = parse_point(page.location)
            if point is None:
                continue
            yield {
                "type": "Feature",
                "id": page.pk,
                "geometry": point.as_geojson(),
                "properties": {k: v for k, v in row.items() if k not in ("lat", "lng")},
            }

    yield from write_feature_collection(features())


GEOJSON_MUNICIPALITIES = Format(
    "geojson",
    "GeoJSON",
    "application/geo+json",
    "GEOJSON",
    write_municipalities_geojson,
    inline=True,
)

register(
    Dataset(
        slug="kommunen",
        title=_("Member municipalities"),
        description=_(
            "The municipalities of the AG Soziale Stadt NRW: official municipality key, "
            "administrative district, year of joining, location and the number of their "
            "programme areas."
        ),
        columns=MUNICIPALITY_COLUMNS,
        formats=[CSV, JSON, GEOJSON_MUNICIPALITIES],
        items=municipality_list,
        row=municipality_row,
        base=municipality_base,
        parse=lambda query: MunicipalityFilters().parse(query),
        filter_params=MunicipalityFilters.params(),
        themes=("REGI", "GOVE"),
        frequency="IRREG",
        order=20,
    )
)
