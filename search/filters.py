"""The search's filters and facets, declared once for the search page and the API.

The ranking (``search.service.rank``) decides which pages match the words and in what order;
everything after it runs on the listing engine: the ranked page ids become a queryset
annotated with what the filters read (type, date, municipality, region), and the filter set
narrows it, counts its facets (one grouped query each) and pages through it in SQL.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.listing import (
    DateRangeFilter,
    FilterSet,
    MultipleChoiceFilter,
    TopicFilter,
    YearFilter,
)
from cms.params import DATE_RANGE_HELP
from cms.querysets import visible
from cms.statements import remembered, remembered_queryset
from profiles.models import MunicipalityPage, Regierungsbezirk

from .types import DATE_FIELDS, TYPE_MODELS, ResultType


def municipality_pages(context) -> dict[str, tuple[str, str, str]]:
    """Path → (slug, title, region) of the visible municipalities of the search's language
    (or, without one, the API's parameter check, of every language): one small query."""
    if "municipality_pages" not in context:
        locale_id = context.get("locale_id")

        def statement():
            queryset = MunicipalityPage.objects.all()
            if locale_id:
                queryset = queryset.filter(locale_id=locale_id)
            return visible(queryset).values_list("path", "slug", "title", "regierungsbezirk")

        # Compiled once per content version (``cms.statements``).
        rows = remembered(("search: municipalities", locale_id), statement)
        context["municipality_pages"] = {path: rest for path, *rest in rows}
    return context["municipality_pages"]


def municipalities(context) -> dict:
    """Slug → title of the municipalities of :func:`municipality_pages`."""
    return {slug: title for slug, title, __ in municipality_pages(context).values()}


class SearchFilters(FilterSet):
    """The search's facets: several values of one facet are alternatives (OR), facets
    combine (AND); the date range applies to dated pages only."""

    type = MultipleChoiceFilter(
        _("Type"),
        field="search_type",
        choices=ResultType,
        show_chosen=True,
        help_text="page types, e.g. `news`, `event`, `profile`",
    )
    topic = TopicFilter(_("Topic"), many=True, show_chosen=True, help_text="topic slugs")
    region = MultipleChoiceFilter(
        _("Administrative district"),
        field="search_region",
        choices=Regierungsbezirk,
        show_chosen=True,
        help_text="Regierungsbezirk slugs",
    )
    municipality = MultipleChoiceFilter(
        _("Municipality"),
        field="search_municipality",
        choices=municipalities,
        show_chosen=True,
        help_text="municipality slugs",
    )
    year = YearFilter(
        _("Year"),
        field="search_date",
        many=True,
        show_chosen=True,
        help_text="years of the pages' dates",
    )
    dates = DateRangeFilter(
        _("date"),
        span="search_date",
        help_texts={
            "from": f"`YYYY-MM-DD`, {DATE_RANGE_HELP}",
            "to": f"`YYYY-MM-DD`, {DATE_RANGE_HELP}",
        },
    )
    # Every page has exactly one type: the type facet's counts give the total (no COUNT).
    partition = "type"
    # Each hit's type, municipality, region and date are worked out from its page type and
    # place in the tree: once for all facets, not once per facet (facets at 100,000 pages:
    # 67 -> 46 ms; demo content: the search page 64-80 -> 47-59 ms).
    select_items_once = True


def _content_type_ids(models) -> list[int]:
    return [ContentType.objects.get_for_model(model).pk for model in models]


class JsonLookup(Func):
    """The value of a JSON object (a constant, ``mapping``) under a key worked out per row
    (``key``, as text): ``mapping ->> key``, NULL where the key is missing (PostgreSQL).
    One expression however many keys the mapping holds: a CASE with a WHEN per value was
    built and compiled anew on every request (the search's municipalities and regions: 3 ms
    of each of the two statements that read them)."""

    template = "(%(expressions)s)"
    arg_joiner = "::jsonb ->> "

    def __init__(self, mapping: dict, key, output_field=None):
        super().__init__(
            Value(json.dumps(mapping, sort_keys=True)),
            Cast(key, TextField()),
            output_field=output_field or CharField(),
        )


def type_of_page():
    if connection.vendor == "postgresql":
        types = {
            str(content_type): str(key)
            for key, models in TYPE_MODELS.items()
            for content_type in _content_type_ids(models)
        }
        return Coalesce(JsonLookup(types, "content_type_id"), Value(str(ResultType.PAGE)))
    whens = [
        When(content_type_id__in=_content_type_ids(models), then=Value(str(key)))
        for key, models in TYPE_MODELS.items()
        if models
    ]
    return Case(*whens, default=Value(str(ResultType.PAGE)), output_field=CharField())


def date_of_page():
    return Coalesce(
        *[f"{model._meta.model_name}__{field}" for model, field in DATE_FIELDS.items()]
    )


def _of_municipality(pages: dict, column: int, length: int, prefix: str):
    """The slug (``column`` 0) or region (2) of the municipality a page is or lies under,
    among ``pages`` (their paths all ``length`` long), found by the page path's prefix of
    that length (no subquery per page): in a JSON object of the paths on PostgreSQL, by a
    CASE over them elsewhere, which compares the annotation ``prefix``."""
    if connection.vendor == "postgresql":
        values = {path: row[column] for path, row in pages.items()}
        return JsonLookup(values, Substr("path", 1, length))
    by_value: dict[str, list[str]] = {}
    for path, row in pages.items():
        by_value.setdefault(row[column], []).append(path)
    whens = [
        When(Q(**{f"{prefix}__in": paths}), then=Value(value)) for value, paths in by_value.items()
    ]
    return Case(*whens, default=None, output_field=CharField())


def _rank_order(ids: list[int]):
    """Ranked ids as an ORDER BY expression."""
    if connection.vendor == "postgresql":
        # Each id's place, looked up in a JSON object (its keys are kept sorted: a binary
        # search per row). ``array_position`` searched the array from its start for every
        # row: 500,000 comparisons to order 1,000 hits (7 ms).
        places = {str(page_id): place for place, page_id in enumerate(ids)}
        return Cast(JsonLookup(places, "pk"), IntegerField())
    return Case(
        *[When(pk=page_id, then=Value(position)) for position, page_id in enumerate(ids)],
        output_field=IntegerField(),
    )


def with_search_fields(queryset, municipality_pages: dict | None = None):
    """Pages with what the search's filters read: type and date, and (given the
    municipalities, :func:`municipality_pages`) municipality and region."""
    queryset = queryset.annotate(search_type=type_of_page(), search_date=date_of_page())
    if municipality_pages is None:
        return queryset
    # Municipalities sit at one depth in practice (below the profiles overview): one length.
    slugs, regions = [], []
    for length in sorted({len(path) for path in municipality_pages}):
        pages = {p: row for p, row in municipality_pages.items() if len(p) == length}
        prefix = f"search_path_{length}"
        if connection.vendor != "postgresql":  # what the CASE compares
            queryset = queryset.annotate(**{prefix: Substr("path", 1, length)})
        slugs.append(_of_municipality(pages, 0, length, prefix))
        regions.append(_of_municipality(pages, 2, length, prefix))
    return queryset.annotate(search_municipality=_first(slugs), search_region=_first(regions))


def _first(values: list):
    """The first of ``values`` that is not NULL."""
    if len(values) > 1:
        return Coalesce(*values)
    return values[0] if values else Value(None, output_field=CharField())


def hits_queryset(ids: list[int], context: dict):
    """The ranked pages (``ids``, best first; visible, as the ranking found them) with what
    the filters and the result list read. The pages with those columns are built once per
    content version and language (``cms.statements``; their annotations cost 1 ms of a
    search), the ranked keys and their order added per search."""
    if not ids:  # nothing to ask the database
        return remembered_queryset(("search: no pages",), lambda: _with_search_columns({})).none()
    pages = remembered_queryset(
        ("search: pages", context.get("locale_id")),
        lambda: _with_search_columns(municipality_pages(context)),
    )
    return pages.filter(pk__in_rows=list(ids)).order_by(_rank_order(ids).asc())


def _with_search_columns(municipalities: dict):
    return with_search_fields(Page.objects.all(), municipalities).only(
        "id", "title", "content_type_id", "path", "depth", "url_path", "locale_id"
    )
