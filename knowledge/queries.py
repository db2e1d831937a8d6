"""The one place that finds the library's items: the HTML library and the API call these.

The library lists workshops (their documentation) and publications together, newest first:
one queryset over both page types (``Library.items``), annotated with what the filters of
``knowledge.filters`` need, so filtering, counting and paging happen in SQL.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce

from wagtail.models import Locale, Page

from cms.listing.stored import StoredListing
from cms.localization import localized_specific_pages
from cms.querysets import visible

from .enums import KINDS


@dataclass
class LibraryItem:
    """One entry of the library as templates and the API show it."""

    page: Page  # the specific page (publication or workshop), list fields only
    kind: str  # "publikation" or "werkstatt"
    date: date
    series: Page | None  # a WorkshopSeriesPage

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])


@dataclass(frozen=True)
class Library:
    """The library's page types, handed in by ``knowledge.models`` (``LIBRARY``): the modules
    that the pages call (views, filters and this one) do not import the models."""

    series_model: type[Page]
    publication_model: type[Page]
    workshop_model: type[Page]
    entry_model: type  # LibraryEntry: ``items`` stored (``cms.listing.stored``)
    entry_topic_model: type
    stored: StoredListing = field(init=False)

    def __post_init__(self):
        stored = StoredListing("library", self.entry_model, self.entry_topic_model, self.items)
        object.__setattr__(self, "stored", stored)

    def series(self, locale: Locale | int, index: Page | None = None):
        """The visible workshop series of a language, newest first."""
        queryset = visible(self.series_model.objects.filter(locale=locale))
        if index is not None:
            queryset = queryset.descendant_of(index)
        return queryset.order_by("-period_start")

    def items(self, locale: Locale | int, index: Page | None = None):
        """Publications and workshops of a language in one queryset of pages, newest first,
        annotated with ``kind``, ``item_date`` and ``series_key`` (the translation key of the
        item's series: a workshop's parent, a publication's chosen series). A workshop whose
        series visitors cannot see is left out."""
        publication = ContentType.objects.get_for_model(self.publication_model)
        series = self.series(locale, index)
        queryset = visible(
            Page.objects.filter(locale=locale).type(self.publication_model, self.workshop_model)
        )
        if index is not None:
            queryset = queryset.descendant_of(index)
        return (
            queryset.annotate(
                kind=Case(
                    When(content_type=publication, then=Value("publikation")),
                    default=Value("werkstatt"),
                    output_field=CharField(),
                ),
                item_date=Coalesce(
                    F("publicationpage__publication_date"), F("workshoppage__date")
                ),
                # A publication's chosen series, a workshop's parent (``cms.parents``): joined.
                series_key=Coalesce(
                    F("publicationpage__workshop_series__translation_key"),
                    F("workshoppage__parent_series__translation_key"),
                ),
            )
            # A workshop whose parent is no visible series is left out. Asked as one
            # uncorrelated subquery (PostgreSQL hashes the visible series' ids once per
            # statement).
            .exclude(Q(kind="werkstatt") & ~Q(workshoppage__parent_series__in=series.values("pk")))
            # The entries load their fields by kind (``entries``): the list itself needs only
            # the ids and the annotations (narrower rows to join and sort).
            .only("id", "content_type_id")
            .order_by("-item_date", "-pk")
        )

    def entries(self, pages, series_by_slug: dict) -> list[LibraryItem]:
        """The items of one page of the listing (``Library.items`` or its stored entries)
        with their specific fields: one query per kind. Loaded through ``visible`` again, so
        that a stored entry could never show a page visitors may not see."""
        pages = list(pages)
        by_key = {series.translation_key: series for series in series_by_slug.values()}
        # Always one query per kind (an empty id list would skip it): the number of queries of
        # the library does not depend on what one page of it holds.
        publications = visible(
            self.publication_model.objects.filter(
                pk__in=[p.pk for p in pages if p.kind == "publikation"] or [0]
            )
        ).only(*self.publication_model.listing_fields)
        workshops = visible(
            self.workshop_model.objects.filter(
                pk__in=[p.pk for p in pages if p.kind == "werkstatt"] or [0]
            )
        ).only(*self.workshop_model.listing_fields)
        specific = {page.pk: page for page in [*publications, *workshops]}
        return [
            LibraryItem(specific[p.pk], p.kind, p.item_date, by_key.get(p.series_key))
            for p in pages
            if p.pk in specific
        ]

    def workshops_of(self, series: Page) -> list:
        """A series' visible workshops in date order (one query)."""
        return list(
            visible(self.workshop_model.objects.child_of(series))
            .only(*self.workshop_model.listing_fields)
            .order_by("date", "pk")
        )

    def final_documentation_of(self, series: Page) -> Page | None:
        """The series' final documentation in the visitor's language, if visitors may see
        it."""
        if series.final_documentation_id is None:
            return None
        publication = (
            self.publication_model.objects.defer_streamfields()
            .filter(pk=series.final_documentation_id)
            .first()
        )
        return localized_specific_pages([publication]).get(series.final_documentation_id)
