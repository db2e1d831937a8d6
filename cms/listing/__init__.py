"""One listing engine for every filtered list (HTML, feeds, API).

A listing declares its filters once (:mod:`cms.listing.filters`) in a :class:`FilterSet`;
the set parses a query into a :class:`Selection` (typed values plus the problems found),
narrows a queryset in SQL, counts disjunctive facets in SQL (one grouped query per facet;
on PostgreSQL the facets nothing was chosen of share one, ``FilterSet.shared_keys``),
writes query strings and toggle links for templates and describes itself to django-ninja
(:func:`cms.listing.ninja.query_schema`). Every listing answers with one :class:`Listing`.
"""

from . import bounds
from .filters import (
    ChoiceFilter,
    DateRange,
    DateRangeFilter,
    Filter,
    MonthFilter,
    MultipleChoiceFilter,
    PageTypeFilter,
    TextFilter,
    TopicFilter,
    YearFilter,
)
from .filterset import FilterSet, Listing, Selection

__all__ = [
    "ChoiceFilter",
    "DateRange",
    "DateRangeFilter",
    "Filter",
    "FilterSet",
    "Listing",
    "MonthFilter",
    "MultipleChoiceFilter",
    "PageTypeFilter",
    "Selection",
    "TextFilter",
    "TopicFilter",
    "YearFilter",
    "bounds",
]
