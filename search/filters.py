"""The search's filters and facets, declared once for the search page and the API.

The ranking (``search.service.rank``) decides which pages match the words and in what order;
everything after it runs on the listing engine: the ranked page ids become a queryset
annotated with what the filters read (type, date, municipality, region), and the filter set
narrows it, counts its facets (one grouped query each) and pages through it in SQL.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Substr
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

# Municipality pages sit at one depth below the start page (the profiles overview is a child
# of the start page); these are the depths looked at, so the lookup stays an index lookup.
MUNICIPALITY_DEPTHS = range(3, 9)
STEPLEN = 4  # characters per level of Wagtail's materialised path


def municipalities(context) -> dict:
    """Slug → title of the visible municipalities of the search's language (or, without one,
    the API's parameter check, of every language)."""
    if "municipalities" not in context:
        queryset = MunicipalityPage.objects.all()
        if context.get("locale_id"):
            queryset = queryset.filter(locale_id=context["locale_id"])
        context["municipalities"] = dict(visible(queryset).values_list("slug", "title"))
    return context["municipalities"]


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
        label_field="search_municipality_title",
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


def _of_municipality(column: str, locale_id: int):
    """A subquery: ``column`` of the visible municipality page the page is (or lies under)."""
    ancestor = Q()
    for depth in MUNICIPALITY_DEPTHS:
        ancestor |= Q(path=Substr(OuterRef("path"), 1, depth * STEPLEN), depth=depth)
    municipality = visible(MunicipalityPage.objects.filter(ancestor, locale_id=locale_id))
    return Subquery(municipality.order_by().values(column)[:1])


def _rank_order(ids: list[int]):
    """Ranked ids as an ORDER BY expression."""
    if connection.vendor == "postgresql":
        column = (
            f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('id')}"
        )
        return RawSQL(f"array_position(%s::integer[], {column})", (list(ids),))
    return Case(
        *[When(pk=page_id, then=Value(position)) for position, page_id in enumerate(ids)],
        output_field=IntegerField(),
    )


def with_search_fields(queryset, locale_id: int):
    """Pages with what the search's filters read: type, date, municipality and region."""
    return queryset.annotate(
        search_type=type_of_page(),
        search_date=date_of_page(),
        search_municipality=_of_municipality("slug", locale_id),
        search_municipality_title=_of_municipality("title", locale_id),
        search_region=_of_municipality("regierungsbezirk", locale_id),
    )


def hits_queryset(ids: list[int], locale_id: int):
    """The ranked pages (``ids``, best first; visible, as the ranking found them) with what
    the filters and the result list read."""
    queryset = (
        with_search_fields(Page.objects.filter(pk__in_array=list(ids)), locale_id)
        .only("id", "title", "content_type_id", "path", "depth", "url_path", "locale_id")
        .order_by(_rank_order(ids).asc())
    )
    return queryset if ids else queryset.none()  # nothing to ask the database
