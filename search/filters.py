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
from profiles.models import MunicipalityPage, Regierungsbezirk

from .types import DATE_FIELDS, TYPE_MODELS, ResultType


def municipality_pages(context) -> dict[str, tuple[str, str, str]]:
    """Path → (slug, title, region) of the visible municipalities of the search's language
    (or, without one, the API's parameter check, of every language): one small query."""
    if "municipality_pages" not in context:
        queryset = MunicipalityPage.objects.all()
        if context.get("locale_id"):
            queryset = queryset.filter(locale_id=context["locale_id"])
        rows = visible(queryset).values_list("path", "slug", "title", "regierungsbezirk")
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


def type_of_page():
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


def _of_municipality(pages: dict, column: int, prefix):
    """The slug (``column`` 0) or region (2) of the municipality a page is or lies under:
    a CASE over the municipalities' paths, compared with the page path's ``prefix`` of their
    length (no subquery per page)."""
    by_value: dict[str, list[str]] = {}
    for path, row in pages.items():
        by_value.setdefault(row[column], []).append(path)
    whens = [
        When(Q(**{f"{prefix}__in": paths}), then=Value(value)) for value, paths in by_value.items()
    ]
    if not whens:
        return Value(None, output_field=CharField())
    return Case(*whens, default=None, output_field=CharField())


class _PlaceIn(Func):
    """A page's place in a JSON object of places by id (PostgreSQL)."""

    template = "(%(expressions)s)::integer"
    arg_joiner = "::jsonb ->> "
    output_field = IntegerField()


def _rank_order(ids: list[int]):
    """Ranked ids as an ORDER BY expression."""
    if connection.vendor == "postgresql":
        # Each id's place, looked up in a JSON object (its keys are kept sorted: a binary
        # search per row). ``array_position`` searched the array from its start for every
        # row: 500,000 comparisons to order 1,000 hits (7 ms).
        places = json.dumps({str(page_id): place for place, page_id in enumerate(ids)})
        return _PlaceIn(Value(places), Cast("pk", TextField()))
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
    lengths = sorted({len(path) for path in municipality_pages})
    # Municipalities sit at one depth in practice (below the profiles overview): one prefix.
    prefixes = {}
    for length in lengths:
        prefixes[length] = f"search_path_{length}"
        queryset = queryset.annotate(**{prefixes[length]: Substr("path", 1, length)})
    slug_whens, region_whens = [], []
    for length in lengths:
        pages = {p: row for p, row in municipality_pages.items() if len(p) == length}
        slug_whens.append(_of_municipality(pages, 0, prefixes[length]))
        region_whens.append(_of_municipality(pages, 2, prefixes[length]))
    none = Value(None, output_field=CharField())
    return queryset.annotate(
        search_municipality=Coalesce(*slug_whens, none) if slug_whens else none,
        search_region=Coalesce(*region_whens, none) if region_whens else none,
    )


def hits_queryset(ids: list[int], context: dict):
    """The ranked pages (``ids``, best first; visible, as the ranking found them) with what
    the filters and the result list read."""
    pages = Page.objects.filter(pk__in_rows=list(ids))
    queryset = (
        with_search_fields(pages, municipality_pages(context) if ids else {})
        .only("id", "title", "content_type_id", "path", "depth", "url_path", "locale_id")
        .order_by(_rank_order(ids).asc())
    )
    return queryset if ids else queryset.none()  # nothing to ask the database
