"""The one place that finds the library's items: the HTML library and the API call these.

The library lists workshops (their documentation) and publications together, newest first.
Both kinds of a language are loaded in a fixed number of queries and filtered in Python (the
library holds hundreds of items, not millions), so facet counts come for free.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale, Page

from cms.filters import Problem, parse_choice, parse_year
from cms.localization import localized_specific_pages
from cms.models import TaggedPage, Topic
from cms.querysets import visible

from .models import PublicationPage, WorkshopPage, WorkshopSeriesPage

KINDS = {
    "publikation": gettext_lazy("Publication"),
    "werkstatt": gettext_lazy("Workshop documentation"),
}

PUBLICATION_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "teaser",
    "teaser_image_id",
    "kind",
    "publication_date",
    "publisher",
    "workshop_series_id",
    "main_document_id",
    "translation_key",
)
WORKSHOP_FIELDS = (
    "id",
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "teaser",
    "teaser_image_id",
    "date",
    "host_city",
    "theme",
    "translation_key",
)


@dataclass(frozen=True)
class LibraryFilters:
    kind: str = ""
    topic: str = ""
    year: int | None = None
    series: str = ""  # slug of a workshop series

    def is_empty(self) -> bool:
        return not (self.kind or self.topic or self.year or self.series)

    def query_string(self, **changes) -> str:
        from urllib.parse import urlencode

        values = {
            "kind": self.kind,
            "topic": self.topic,
            "year": self.year or "",
            "series": self.series,
        }
        values.update(changes)
        encoded = urlencode({key: value for key, value in values.items() if value})
        return f"?{encoded}" if encoded else "?"


@dataclass
class LibraryItem:
    page: Page
    kind: str  # "publikation" or "werkstatt"
    date: date
    series: WorkshopSeriesPage | None
    topics: list[str]

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])

    def matches(self, filters: LibraryFilters, ignore: str = "") -> bool:
        checks = {
            "kind": not filters.kind or self.kind == filters.kind,
            "topic": not filters.topic or filters.topic in self.topics,
            "year": not filters.year or self.year == filters.year,
            "series": not filters.series or (self.series and self.series.slug == filters.series),
        }
        return all(ok for name, ok in checks.items() if name != ignore)


@dataclass
class LibraryResults:
    items: list[LibraryItem]
    filters: LibraryFilters
    facets: dict[str, list[tuple[str, str, int]]]  # facet -> (value, label, count)
    series: list[WorkshopSeriesPage]
    problems: list[Problem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


def parse_filters(query: Mapping, known_series: set[str], known_topics: set[str]):
    problems: list[Problem] = []
    kind = parse_choice(query, "kind", KINDS, problems, _("unknown kind"))
    topic = parse_choice(query, "topic", known_topics, problems, _("unknown topic"))
    series = parse_choice(query, "series", known_series, problems, _("unknown series"))
    year = parse_year(query, "year", problems)
    return LibraryFilters(kind=kind, topic=topic, year=year, series=series), problems


def load_items(locale: Locale | int, index: Page | None = None):
    """All visible library items of a language, newest first, and the series (5 queries)."""
    series_qs = visible(WorkshopSeriesPage.objects.filter(locale=locale))
    publications = visible(PublicationPage.objects.filter(locale=locale)).only(*PUBLICATION_FIELDS)
    workshops = visible(WorkshopPage.objects.filter(locale=locale)).only(*WORKSHOP_FIELDS)
    if index is not None:
        series_qs = series_qs.descendant_of(index)
        publications = publications.descendant_of(index)
        workshops = workshops.descendant_of(index)
    series_by_path = {series.path: series for series in series_qs.order_by("-period_start")}
    series_by_key = {series.translation_key: series for series in series_by_path.values()}
    publications, workshops = list(publications), list(workshops)
    # A translated publication points to the series in the source language: match by key.
    series_keys = dict(
        Page.objects.filter(
            pk__in={p.workshop_series_id for p in publications} - {None}
        ).values_list("pk", "translation_key")
    )
    topics = defaultdict(list)
    for page_id, slug in TaggedPage.objects.filter(
        content_object_id__in=[page.pk for page in publications + workshops]
    ).values_list("content_object_id", "tag__slug"):
        topics[page_id].append(slug)
    steplen = Page.steplen
    items = [
        LibraryItem(
            p,
            "publikation",
            p.publication_date,
            series_by_key.get(series_keys.get(p.workshop_series_id)),
            topics[p.pk],
        )
        for p in publications
    ] + [
        LibraryItem(w, "werkstatt", w.date, series_by_path[w.path[:-steplen]], topics[w.pk])
        for w in workshops
        if w.path[:-steplen] in series_by_path  # a workshop of an unpublished series is hidden
    ]
    items.sort(key=lambda item: (item.date, item.page.pk), reverse=True)
    return items, list(series_by_path.values())


def find_library_items(query: Mapping, locale: Locale | int, index: Page | None = None):
    items, series = load_items(locale, index)
    topic_objects = {topic.slug: topic for topic in Topic.objects.all()}
    filters, problems = parse_filters(query, {s.slug for s in series}, set(topic_objects))
    facets = {
        "kind": _facet(items, filters, "kind", lambda i: [(i.kind, i.kind_label)]),
        "topic": _facet(
            items,
            filters,
            "topic",
            lambda i: [
                (slug, topic_objects[slug].label) for slug in i.topics if slug in topic_objects
            ],
        ),
        "year": _facet(items, filters, "year", lambda i: [(str(i.year), str(i.year))]),
        "series": _facet(
            items,
            filters,
            "series",
            lambda i: [(i.series.slug, i.series.title)] if i.series else [],
        ),
    }
    facets["year"].sort(key=lambda option: option[0], reverse=True)
    return LibraryResults(
        items=[item for item in items if item.matches(filters)],
        filters=filters,
        facets=facets,
        series=series,
        problems=problems,
    )


def _facet(items, filters, name, values_of) -> list[tuple[str, str, int]]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for item in items:
        if item.matches(filters, ignore=name):
            for value in values_of(item):
                counts[value] += 1
    return sorted(
        ((value, label, count) for (value, label), count in counts.items()),
        key=lambda option: option[1].casefold(),
    )


def series_workshops(series: WorkshopSeriesPage) -> list[WorkshopPage]:
    """A series' visible workshops in date order (one query)."""
    return list(
        visible(WorkshopPage.objects.child_of(series))
        .only(*WORKSHOP_FIELDS)
        .order_by("date", "pk")
    )


def series_final_documentation(series: WorkshopSeriesPage) -> PublicationPage | None:
    """The series' final documentation in the visitor's language, if visitors may see it."""
    if series.final_documentation_id is None:
        return None
    publication = (
        PublicationPage.objects.defer_streamfields()
        .filter(pk=series.final_documentation_id)
        .first()
    )
    return localized_specific_pages([publication]).get(series.final_documentation_id)
