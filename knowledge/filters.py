"""The filters of the knowledge library, declared once for the HTML library and the API."""

from django.apps import apps
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.listing import Filter, FilterSet, Listing, PageTypeFilter, TopicFilter, YearFilter
from cms.listing.filters import grouped
from cms.querysets import visible

from .enums import KINDS


class SeriesFilter(Filter):
    """A workshop series by slug; its value is the series page. Items carry the series'
    translation key (``series_key``, see ``knowledge.queries.Library.items``), so that a
    translated publication finds the series of its own language; the series of the listing
    come from ``context["series"]`` (slug → series page, loaded by the caller in one query).
    ``model`` names the series' page type lazily, as a ForeignKey may: the models call this
    module, so it does not import them."""

    facet = True
    empty = ""

    def __init__(self, label="", *, model: str, **kwargs):
        super().__init__(label, **kwargs)
        self.model = model

    def series(self, context) -> dict:
        """The listing's series by slug; without a listing (the API's parameter check) the
        visible series of every language, as a series is one translation key in all."""
        if "series" not in context:
            series = visible(apps.get_model(self.model).objects.all())
            series = series.only("slug", "title", "translation_key")
            context["series"] = {item.slug: item for item in series}
        return context["series"]

    def parse_one(self, text, context):
        series = self.series(context).get(text)
        if series is None:
            return None, _("unknown series")
        return series, None

    def format_one(self, value):
        return value.slug

    def apply(self, queryset, value, context):
        return queryset.filter(series_key=value.translation_key)

    def columns(self):
        return ("series_key",)

    def count_query(self, queryset, context):
        return grouped(queryset, F("series_key"))

    def group_key(self, context):
        return F("series_key"), None

    def count_rows(self, rows, context):
        keys = {}
        for series in self.series(context).values():  # as PostgreSQL and SQLite spell UUIDs
            keys[str(series.translation_key)] = keys[series.translation_key.hex] = series
        return [(keys[key], total) for key, _label, total in rows if key in keys]

    def option(self, key, context):
        return key, key.title

    def sort_options(self, options):
        return sorted(options, key=lambda option: option.label.casefold())

    def json_schema(self, param):
        return {"type": "string", "maxLength": 100, "description": "slug of a workshop series"}


class LibraryFilters(FilterSet):
    """Wissen & Publikationen: workshops and publications by kind, topic, series and year."""

    kind = PageTypeFilter(
        gettext_lazy("Kind"),
        field="kind",
        page_types={
            "publikation": ("knowledge.PublicationPage",),
            "werkstatt": ("knowledge.WorkshopPage",),
        },
        choices=lambda context: KINDS,
        unknown=gettext_lazy("unknown kind"),
        help_text="`publikation` or `werkstatt` (workshop documentation)",
    )
    topic = TopicFilter(gettext_lazy("Topic"))
    series = SeriesFilter(gettext_lazy("Workshop series"), model="knowledge.WorkshopSeriesPage")
    year = YearFilter(gettext_lazy("Year"), field="item_date", help_text="year of the item")
    facet_order = ("kind", "topic", "year", "series")
    # Every entry is a publication or a workshop: the kind facet's counts give the total.
    partition = "kind"


def library_listing(
    library,
    query,
    locale,
    index=None,
    *,
    page=None,
    per_page=None,
    offset=0,
    limit=None,
    selection=None,
) -> tuple[Listing, list]:
    """The library (``knowledge.models.LIBRARY``) filtered by ``query`` (or an already parsed
    ``selection``): the listing and its entries with their specific fields. Queries: series,
    (topics,) the facets with the total (asking whether the stored entries are current), the
    page of entries, one per kind for their pages."""
    series = {item.slug: item for item in library.series(locale, index)}
    filterset = LibraryFilters(context={"series": series})
    if selection is None:
        selection = filterset.parse(query)
    # The stored entries (``cms.listing.stored``): the items of ``Library.items`` as narrow
    # rows, which the filters, facets and the page read (100,000 pages, library by kind and
    # topic: facets 131 -> 20 ms, the page of items 45 -> 3 ms).
    entries = library.stored.entries(locale, index).order_by("-item_date", "-page")
    listing = filterset.run(
        entries,
        selection,
        stored=library.stored,
        page=page,
        per_page=per_page,
        offset=offset,
        limit=limit,
        statement_key=library.stored.statement_key(locale, index),
    )
    return listing, library.entries(listing.items, series)
