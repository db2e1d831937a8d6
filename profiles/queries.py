"""The one place that finds district profiles: the overview's list and map, the API (list and
map) and the start page start from these querysets; ``profiles.filters`` narrows and counts
them in SQL.
"""

import json
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db.models import Count, F
from django.db.models.functions import Collate

from wagtail.models import Locale, Page

from cms.geo import LatLng, parse_point
from cms.listing.stored import StoredListing
from cms.localization import absolute_url
from cms.querysets import visible, visible_parent
from cms.statements import remembered_count
from cms.topics import topic_slugs_of

from .enums import Programme, Status


@dataclass
class ProfileItem:
    """A published profile with what the list, the map and the API need."""

    page: Page  # a DistrictProfilePage
    municipality: SimpleNamespace  # pk, title, slug, regierungsbezirk
    point: LatLng | None
    topics: list[str]

    @property
    def region(self) -> str:
        return self.municipality.regierungsbezirk


class CodePointOrder(Collate):
    """Compare by code point, like Python: collation "C" on PostgreSQL, "BINARY" (SQLite's
    default, which knows no "C") on SQLite, the embedded database of the demo."""

    def __init__(self, expression):
        super().__init__(expression, "C")

    def as_sqlite(self, compiler, connection, **extra_context):
        extra_context["collation"] = "BINARY"
        return self.as_sql(compiler, connection, **extra_context)


def by_sort_key(field: str) -> CodePointOrder:
    """Order by a stored German sort key (``cms.sortkeys.SortKeyField``), compared by code
    point as Python compares ``german_sort_key``."""
    return CodePointOrder(F(field))


def profile_entries(pages) -> list[ProfileItem]:
    """Items of profiles annotated by ``Profiles.items``: their topics in one query."""
    pages = list(pages)
    topics = topic_slugs_of(pages)
    return [
        ProfileItem(
            page=page,
            municipality=SimpleNamespace(
                pk=page.municipality_pk,
                title=page.municipality_title,
                slug=page.municipality_slug,
                regierungsbezirk=page.region,
            ),
            point=parse_point(page.location),
            topics=topics[page.pk],
        )
        for page in pages
    ]


@dataclass
class ProfileSummary:
    index: Page  # a DistrictProfileIndexPage
    running: int
    completed: int
    municipalities: int


@dataclass(frozen=True)
class Profiles:
    """The page types of the profiles, handed in by ``profiles.models`` (``PROFILES``): the
    modules that the pages call (views, filters and this one) do not import the models."""

    profile_model: type[Page]
    municipality_model: type[Page]
    entry_model: type  # ProfileEntry: ``items`` stored (``cms.listing.stored``)
    entry_topic_model: type
    stored: StoredListing = field(init=False)

    def __post_init__(self):
        stored = StoredListing("profiles", self.entry_model, self.entry_topic_model, self.items)
        object.__setattr__(self, "stored", stored)

    def published(self, locale: Locale | int, index: Page | None = None):
        """Live, public profiles of one language (a private or unpublished page never
        appears)."""
        queryset = visible(self.profile_model.objects.filter(locale=locale))
        if index is not None:
            queryset = queryset.descendant_of(index)
        return queryset

    def municipalities(self, locale: Locale | int, index: Page | None = None):
        queryset = visible(self.municipality_model.objects.filter(locale=locale))
        return queryset.descendant_of(index) if index is not None else queryset

    def items(self, locale: Locale | int, index: Page | None = None):
        """Visible profiles of a language whose municipality is visible too, annotated with
        the municipality (``municipality_pk``, ``_slug``, ``_title``, ``region``), in German
        order of municipality and title."""
        # The municipality is the profile's ``parent_municipality`` (kept in step with the
        # tree on save and move): joined, one hash join over the few municipalities, instead
        # of a lookup of the parent by its path for every profile in every part of the facet
        # statement. Only profiles whose municipality is visible too, asked of the joined
        # municipality (``visible_parent``).
        return (
            visible_parent(self.published(locale, index), "parent_municipality")
            .only(*self.profile_model.listing_fields)
            .annotate(
                municipality_pk=F("parent_municipality_id"),
                municipality_slug=F("parent_municipality__slug"),
                municipality_title=F("parent_municipality__title"),
                region=F("parent_municipality__regierungsbezirk"),
                municipality_sort=F("parent_municipality__sort_title"),
            )
            .order_by(
                by_sort_key("parent_municipality__sort_title"), by_sort_key("sort_title"), "pk"
            )
        )

    def summary(self, locale: Locale | int, index: Page) -> ProfileSummary:
        """Counts for the start page's teaser of the district profiles (two queries): the
        profiles by status as the overview counts them, from its stored rows (through the
        page tree that was a count of 20,000 profiles at 100,000 pages, 29 ms)."""
        # order_by(): the entries' ordering would otherwise join the GROUP BY and give one row
        # per profile (the start page then said "1 running" whatever the real count was).
        # The statements are remembered (``cms.statements``) by what they depend on.
        key = self.stored.statement_key(locale, index)
        rows = self.stored.read(
            lambda: (
                self.stored.entries(locale, index)
                .order_by()
                .values_list("status")
                .annotate(total=Count("pk"))
            ),
            key=(*key, "summary"),
        )
        counts = {status: total for status, total, _fresh in rows}
        municipalities = remembered_count(
            (*key, "municipalities"),
            lambda: visible(self.municipality_model.objects.filter(locale=locale)).descendant_of(
                index
            ),
        )
        return ProfileSummary(
            index=index,
            running=counts.get(Status.RUNNING, 0),
            completed=counts.get(Status.COMPLETED, 0),
            municipalities=municipalities,
        )

    def geojson(self, pages, request=None) -> dict:
        """The map of ``pages`` (``items``, filtered) as a GeoJSON FeatureCollection (RFC
        7946), built from a values query: no page objects (the map of 10,000 profiles at
        100,000 pages spent most of its time creating them). A profile lies directly under
        its municipality, so its URL is the municipality's and its slug. Three queries: the
        profiles, their topics, their municipalities."""
        rows = list(pages.values(*MAP_COLUMNS))
        topics = topic_slugs_of([row["pk"] for row in rows])
        municipalities = self.municipality_model.objects.filter(
            pk__in_array=sorted({row["municipality_pk"] for row in rows})
        ).only("id", "path", "depth", "url_path", "locale_id")
        urls = {page.pk: absolute_url(page, request) for page in municipalities}
        features = []
        for row in rows:
            base = urls.get(row["municipality_pk"])
            url = f"{base}{row['slug']}/" if base else ""
            features += profile_features(row, url, topics[row["pk"]])
        return {"type": "FeatureCollection", "features": features}

    def of_municipality(self, municipality: Page) -> list:
        """A municipality's visible programme areas (cms.querysets.visible: no drafts, no
        expired or restricted pages), running ones first, for its page."""
        profiles = visible(self.profile_model.objects.child_of(municipality)).only(
            *self.profile_model.listing_fields
        )
        return sorted(
            profiles,
            key=lambda p: (p.status != Status.RUNNING, -(p.funding_start or 0), p.title),
        )


# What the map shows of a profile: read from a values query (``Profiles.geojson``) or from the
# items of a listing (``item_features``).
MAP_COLUMNS = (
    "pk",
    "title",
    "slug",
    "status",
    "programme",
    "funding_start",
    "funding_end",
    "location",
    "boundary",
    "municipality_pk",
    "municipality_title",
    "region",
)


def profile_features(row: dict, url: str, topics: list[str]) -> list[dict]:
    """One Point feature for the profile (``kind`` "location") and, where drawn, one Polygon
    feature for its boundary (``kind`` "boundary"); none without a location."""
    point = parse_point(row["location"])
    if point is None:
        return []
    properties = {
        "id": row["pk"],
        "title": row["title"],
        "municipality": row["municipality_title"],
        "region": row["region"],
        "status": row["status"],
        "status_label": str(Status(row["status"]).label),
        "programme": row["programme"],
        "programme_label": str(Programme(row["programme"]).label),
        "funding_start": row["funding_start"],
        "funding_end": row["funding_end"],
        "topics": topics,
        "url": url,
    }
    features = [
        {
            "type": "Feature",
            "id": row["pk"],
            "geometry": point.as_geojson(),
            "properties": {**properties, "kind": "location"},
        }
    ]
    if row["boundary"]:
        features.append(
            {
                "type": "Feature",
                "id": f"{row['pk']}-boundary",
                "geometry": json.loads(row["boundary"]),
                "properties": {**properties, "kind": "boundary"},
            }
        )
    return features


def item_features(item: ProfileItem, request=None) -> list[dict]:
    """The features of one listed profile (``ProfileItem`` of ``Profiles.items``, which
    annotates its municipality): the open-data export writes them one by one."""
    row = {column: getattr(item.page, column) for column in MAP_COLUMNS}
    return profile_features(row, absolute_url(item.page, request), item.topics)
