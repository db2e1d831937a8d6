"""The one place that finds district profiles: the overview's list and facets, the map's GeoJSON
and (later) the API all call ``find_profiles``.

The network has a few hundred programme areas at most, so the published profiles of a language
are loaded once (a fixed handful of queries, however many profiles) and filtered and counted in
Python. Facets are disjunctive: the counts of one facet apply all *other* active filters, so a
visitor sees how many results each further choice would give.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

from django.db.models import Count
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from cms.facets import Facet, FacetOption
from cms.geo import LatLng, parse_point
from cms.localization import absolute_url
from cms.models import TaggedPage, Topic
from cms.models.topics import GERMAN_TRANSLITERATION
from cms.querysets import visible

from .models import (
    DistrictProfileIndexPage,
    DistrictProfilePage,
    MunicipalityPage,
    Programme,
    Regierungsbezirk,
    Status,
)

MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 100

FACET_LABELS = {
    "status": _("Status"),
    "region": _("Administrative district"),
    "municipality": _("Municipality"),
    "programme": _("Programme"),
    "topic": _("Topic"),
}


def sort_key(text: str) -> str:
    """German alphabetical order: "Ökonomie" between "Oberhausen" and "Paderborn"."""
    return text.casefold().translate(GERMAN_TRANSLITERATION)


@dataclass(frozen=True)
class ProfileFilters:
    """The facet values chosen in the URL (``?status=laufend&region=koeln&topic=bildung``).

    Several values of one facet are alternatives (OR); different facets narrow (AND).
    """

    status: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    municipality: tuple[str, ...] = ()
    programme: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryDict | Mapping) -> "ProfileFilters":
        """Read the filters from a query string; oversized input is cut, never an error."""
        values = {}
        for facet in cls.facet_names():
            raw = query.getlist(facet) if hasattr(query, "getlist") else query.get(facet, [])
            if isinstance(raw, str):
                raw = [raw]
            cleaned = []
            for value in raw[:MAX_VALUES_PER_FACET]:
                value = value.replace("\x00", "").strip()[:MAX_VALUE_LENGTH]
                if value and value not in cleaned:
                    cleaned.append(value)
            values[facet] = tuple(cleaned)
        return cls(**values)

    @classmethod
    def facet_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def get(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def is_empty(self) -> bool:
        return not any(self.get(facet) for facet in self.facet_names())

    def without_unknown(self, known: Mapping[str, set[str]]) -> tuple["ProfileFilters", list]:
        """These filters without values that match nothing known, and the dropped values."""
        kept, ignored = {}, []
        for facet in self.facet_names():
            kept[facet] = tuple(v for v in self.get(facet) if v in known[facet])
            ignored += [(facet, v) for v in self.get(facet) if v not in known[facet]]
        return ProfileFilters(**kept), ignored

    def toggled(self, facet: str, value: str) -> "ProfileFilters":
        current = self.get(facet)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return ProfileFilters(**{**{f: self.get(f) for f in self.facet_names()}, facet: new})

    def without(self, facet: str) -> "ProfileFilters":
        return ProfileFilters(**{**{f: self.get(f) for f in self.facet_names()}, facet: ()})

    def query_string(self) -> str:
        query = QueryDict(mutable=True)
        for facet in self.facet_names():
            for value in self.get(facet):
                query.appendlist(facet, value)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"


@dataclass
class ProfileItem:
    """A published profile with what the list, the map and the facets need."""

    page: DistrictProfilePage
    municipality: MunicipalityPage
    point: LatLng | None
    topics: list[str]

    @property
    def region(self) -> str:
        return self.municipality.regierungsbezirk

    def facet_values(self, facet: str) -> list[str]:
        return {
            "status": [self.page.status],
            "region": [self.region],
            "municipality": [self.municipality.slug],
            "programme": [self.page.programme],
            "topic": self.topics,
        }[facet]

    def matches(self, filters: ProfileFilters, ignore: str | None = None) -> bool:
        for facet in ProfileFilters.facet_names():
            chosen = filters.get(facet)
            if facet == ignore or not chosen:
                continue
            if not set(chosen) & set(self.facet_values(facet)):
                return False
        return True


@dataclass
class ProfileResults:
    items: list[ProfileItem]
    facets: list[Facet]
    filters: ProfileFilters
    ignored: list[tuple[str, str]] = field(default_factory=list)
    total_unfiltered: int = 0

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def ignored_display(self) -> list[str]:
        return [f"{FACET_LABELS[facet]}: {value}" for facet, value in self.ignored]


PROFILE_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "live",
    "teaser",
    "status",
    "programme",
    "funding_start",
    "funding_end",
    "location",
    "boundary",
)
MUNICIPALITY_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "regierungsbezirk",
    "location",
)


def published_profiles(locale: Locale, index: Page | None = None):
    """Live, public profiles of one language (a private or unpublished page never appears)."""
    queryset = visible(DistrictProfilePage.objects.filter(locale=locale))
    if index is not None:
        queryset = queryset.descendant_of(index)
    return queryset


def load_items(locale: Locale, index: Page | None = None) -> list[ProfileItem]:
    """All published profiles of a language with their municipality and topics (4 queries)."""
    municipalities = visible(MunicipalityPage.objects.filter(locale=locale))
    if index is not None:
        municipalities = municipalities.descendant_of(index)
    by_path = {m.path: m for m in municipalities.only(*MUNICIPALITY_FIELDS)}
    steplen = Page.steplen
    profiles = [
        profile
        for profile in published_profiles(locale, index).only(*PROFILE_FIELDS)
        if profile.path[:-steplen] in by_path
    ]
    topics = defaultdict(list)
    for page_id, slug in TaggedPage.objects.filter(
        content_object_id__in=[profile.pk for profile in profiles]
    ).values_list("content_object_id", "tag__slug"):
        topics[page_id].append(slug)
    items = [
        ProfileItem(
            page=profile,
            municipality=by_path[profile.path[:-steplen]],
            point=parse_point(profile.location),
            topics=topics[profile.pk],
        )
        for profile in profiles
    ]
    items.sort(key=lambda item: (sort_key(item.municipality.title), sort_key(item.page.title)))
    return items


def find_profiles(
    filters: ProfileFilters, locale: Locale, index: Page | None = None
) -> ProfileResults:
    items = load_items(locale, index)
    topic_labels = {topic.slug: topic.label for topic in Topic.objects.all()}
    municipality_labels = {}
    for item in items:
        municipality_labels.setdefault(item.municipality.slug, item.municipality.title)
    labels = {
        "status": dict(Status.choices),
        "region": dict(Regierungsbezirk.choices),
        "municipality": dict(
            sorted(municipality_labels.items(), key=lambda pair: sort_key(pair[1]))
        ),
        "programme": dict(Programme.choices),
        "topic": dict(sorted(topic_labels.items(), key=lambda pair: sort_key(str(pair[1])))),
    }
    filters, ignored = filters.without_unknown({facet: set(labels[facet]) for facet in labels})
    matching = [item for item in items if item.matches(filters)]
    facets = [
        _facet(facet, labels[facet], items, filters) for facet in ProfileFilters.facet_names()
    ]
    return ProfileResults(
        items=matching,
        facets=facets,
        filters=filters,
        ignored=ignored,
        total_unfiltered=len(items),
    )


def _facet(
    name: str, labels: Mapping[str, str], items: Iterable[ProfileItem], filters: ProfileFilters
) -> Facet:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        if item.matches(filters, ignore=name):
            for value in item.facet_values(name):
                counts[value] += 1
    chosen = filters.get(name)
    options = [
        FacetOption(
            value=value,
            label=str(label),
            count=counts.get(value, 0),
            selected=value in chosen,
            query_string=filters.toggled(name, value).query_string(),
        )
        for value, label in labels.items()
        if counts.get(value) or value in chosen
    ]
    return Facet(
        name=name,
        label=str(FACET_LABELS[name]),
        options=options,
        remove_query_string=filters.without(name).query_string(),
    )


@dataclass
class ProfileSummary:
    index: DistrictProfileIndexPage
    running: int
    completed: int
    municipalities: int


def profile_summary(locale: Locale | int, index: Page) -> ProfileSummary:
    """Counts for the start page's teaser of the district profiles (two queries)."""
    # order_by(): the page's default ordering (path) would otherwise join the GROUP BY and give
    # one row per profile (the start page then said "1 running" whatever the real count was).
    counts = dict(
        published_profiles(locale, index)
        .order_by()
        .values_list("status")
        .annotate(total=Count("pk"))
        .values_list("status", "total")
    )
    municipalities = (
        visible(MunicipalityPage.objects.filter(locale=locale)).descendant_of(index).count()
    )
    return ProfileSummary(
        index=index,
        running=counts.get(Status.RUNNING, 0),
        completed=counts.get(Status.COMPLETED, 0),
        municipalities=municipalities,
    )


def municipality_profiles(municipality: MunicipalityPage) -> list[DistrictProfilePage]:
    """A municipality's visible programme areas (cms.querysets.visible: no drafts, no expired
    or restricted pages), running ones first, for its page."""
    profiles = visible(DistrictProfilePage.objects.child_of(municipality)).only(*PROFILE_FIELDS)
    return sorted(
        profiles, key=lambda p: (p.status != Status.RUNNING, -(p.funding_start or 0), p.title)
    )


def profiles_geojson(results: ProfileResults, request=None) -> dict:
    """A GeoJSON FeatureCollection (RFC 7946): one Point feature per profile (``kind``
    "location") and, where drawn, one Polygon feature for its boundary (``kind`` "boundary")."""
    import json

    features = []
    for item in results.items:
        if item.point is None:
            continue
        page = item.page
        url = absolute_url(page, request)
        properties = {
            "id": page.pk,
            "title": page.title,
            "municipality": item.municipality.title,
            "region": item.region,
            "status": page.status,
            "status_label": str(Status(page.status).label),
            "programme": page.programme,
            "programme_label": str(Programme(page.programme).label),
            "funding_start": page.funding_start,
            "funding_end": page.funding_end,
            "topics": item.topics,
            "url": url,
        }
        features.append(
            {
                "type": "Feature",
                "id": page.pk,
                "geometry": item.point.as_geojson(),
                "properties": {**properties, "kind": "location"},
            }
        )
        if page.boundary:
            features.append(
                {
                    "type": "Feature",
                    "id": f"{page.pk}-boundary",
                    "geometry": json.loads(page.boundary),
                    "properties": {**properties, "kind": "boundary"},
                }
            )
    return {"type": "FeatureCollection", "features": features}
