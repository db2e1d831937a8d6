"""FilterSet, Selection and Listing: the engine every filtered list runs on."""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any
from urllib.parse import quote_plus

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import IntegerField, QuerySet, Value
from django.utils.translation import get_language

from django_cte import CTE, with_cte

from cms.facets import Facet, FacetOption
from cms.filters import Problem
from cms.statements import remembered

from . import bounds
from .filters import Filter, SpanFilter, grouped, grouped_sets, span_condition

TOTAL = "__total__"  # facet_counts: the number of matching items
UNFILTERED = "__unfiltered__"  # facet_counts: the number of all items
GUARD = "__guard__"  # facet_counts: the rows of ``guard`` (a stored listing is current)
# Their numbers in the facet statement's rows (the facets are numbered from 0).
TOTALS = {TOTAL: -1, UNFILTERED: -2, GUARD: -3}
# The columns of the facet statement's rows.
FACET_COLUMNS = ("facet_name", "facet_key", "facet_label", "facet_total")

PAGE_PARAM = "page"


def raw_values(query: Mapping) -> dict[str, list[str]]:
    """A ``QueryDict`` (or a plain mapping) as lists of strings per parameter."""
    if hasattr(query, "getlist"):
        return {key: [str(v) for v in query.getlist(key)] for key in query}
    result = {}
    for key, value in query.items():
        if value is None:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        result[key] = [str(v) for v in values if v is not None]
    return result


class FilterSet:
    """The filters of one listing, declared once as class attributes::

        class NewsFilters(FilterSet):
            topic = TopicFilter(_("Topic"))
            year = YearFilter(_("Year"), field="date")

    An instance is bound to what a request needs besides the URL: ``base`` (the unfiltered
    queryset, for open vocabularies and facets) and ``check_open`` (report values of open
    vocabularies, e.g. a city no item is in, as the HTML pages do).
    """

    declared: dict[str, Filter] = {}
    facet_order: tuple[str, ...] = ()  # facets in another order than declared (names)
    # A facet whose values partition the items (every item has exactly one value): its
    # counts give the total, so a listing with facets needs no COUNT query.
    partition: str = ""
    # Count the facets on the items selected once (``listed``): pays where finding an item is
    # costly (joins, annotations, lookups) and several facets count on all of them; costs
    # where a chosen filter would narrow the items through an index in each facet's part.
    select_items_once: bool = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        declared = dict(getattr(cls, "declared", {}))
        for name, value in list(vars(cls).items()):
            if isinstance(value, Filter):
                value.bind_name(name)
                declared[name] = value
        cls.declared = declared
        cls._schema = None

    def __init__(
        self,
        base: QuerySet | None = None,
        *,
        check_open: bool = False,
        context=None,
        keep_before=(),
        keep_after=(),
    ):
        self.base = base
        self.check_open = check_open
        # Parameters outside the filters that every link keeps (e.g. the search words first,
        # the page size last), as (name, value) pairs.
        self.keep_before = [(name, value) for name, value in keep_before if value]
        self.keep_after = [(name, value) for name, value in keep_after if value]
        # What filters share while a request runs (vocabularies they loaded, or were given).
        self.context: dict = dict(context or {})
        if check_open and base is not None:
            self.context["open_vocabulary_base"] = base

    @classmethod
    def params(cls) -> list[str]:
        return [param for f in cls.declared.values() for param in f.params]

    # ------------------------------------------------------------------------- parsing

    def parse(self, query: Mapping) -> "Selection":
        """The typed values of a query; values that cannot be used are dropped and named in
        ``selection.problems`` (never an exception)."""
        raw = raw_values(query)
        values, problems = {}, []
        for name, declared in self.declared.items():
            values[name], found = declared.parse(raw, self.context)
            problems.extend(found)
        return Selection(self, values, problems)

    def empty(self) -> "Selection":
        return Selection(self, {name: f.empty for name, f in self.declared.items()}, [])

    def select(self, **values) -> "Selection":
        """A selection from typed values (code, tests)."""
        selection = self.empty()
        selection.values.update(values)
        return selection

    # ----------------------------------------------------------------------------- SQL

    def apply(self, queryset: QuerySet, selection: "Selection", *, without: str = ""):
        """``queryset`` narrowed by every chosen filter except ``without``."""
        spans: dict[tuple, list] = {}
        for name, declared in self.declared.items():
            value = selection.values.get(name)
            if name == without or declared.is_empty(value):
                continue
            if isinstance(declared, SpanFilter):
                spans.setdefault(declared.span, []).append((declared, declared.days(value)))
            else:
                queryset = declared.apply(queryset, value, self.context)
        for ranges in spans.values():
            firsts = [first for _f, (first, _l) in ranges if first]
            lasts = [last for _f, (_first, last) in ranges if last]
            condition = span_condition(
                ranges[0][0], max(firsts) if firsts else None, min(lasts) if lasts else None
            )
            queryset = queryset.filter(condition)
        return queryset

    def facet_counts(
        self,
        queryset: QuerySet,
        selection: "Selection",
        names,
        *,
        total: bool = False,
        unfiltered: bool = False,
        guard: QuerySet | None = None,
        statement_key: Hashable | None = None,
        statement_slots: dict | None = None,
    ) -> dict:
        """Facet name → its (value, count) pairs: each facet's grouped query applies every
        other filter's choice; all of them go to the database as one UNION ALL statement.
        With ``total``, the same statement counts the matching items (under ``TOTAL``), with
        ``unfiltered`` all items of ``queryset`` (under ``UNFILTERED``), with ``guard`` the
        rows of that queryset (under ``GUARD``). ``statement_key``: what ``queryset`` is
        (e.g. its listing, language and index page), to compile the statement once per
        content version and choice of filters (``cms.statements``), ``statement_slots`` the
        lists among its parameters that change with each request (e.g. the search's hits)."""
        counts = {}
        asked = {TOTAL} if total else set()
        asked |= {UNFILTERED} if unfiltered else set()
        asked |= {GUARD} if guard is not None else set()
        own_way = [name for name in names if not self.declared[name].counts_in_sql]
        if own_way or statement_key is None:
            memo_key = None
        else:
            shape = (type(self), tuple(names), tuple(selection.pairs()), frozenset(asked))
            memo_key = ("facets", statement_key, shape, get_language())

        def statement():
            parts = []
            listed = self.listed(queryset)
            items = listed.queryset() if listed is not None else queryset
            filtered = self.apply(items, selection)
            shared = self.shared_keys(names, selection, total)
            counted_sets = {TOTAL: filtered, UNFILTERED: items, GUARD: guard}
            for total_name in (TOTAL, UNFILTERED, GUARD):
                if total_name not in asked or (total_name == TOTAL and shared):
                    continue  # not asked, or counted with the shared facets
                part = grouped(counted_sets[total_name], Value(""), count="pk").annotate(
                    facet_name=Value(TOTALS[total_name], output_field=IntegerField())
                )
                parts.append(part.values_list(*FACET_COLUMNS))
            if shared:
                every = TOTALS[TOTAL] if total else None
                parts.append(grouped_sets(filtered, shared, every=every))
            for index, name in enumerate(names):
                if index in shared:
                    continue
                declared = self.declared[name]
                subset = self.apply(items, selection, without=name)
                if name in own_way:  # a filter that counts in its own way
                    if listed is not None:
                        subset = with_cte(listed, select=subset)
                    counts[name] = list(declared.counts(subset, self.context))
                    continue
                part = declared.count_query(subset, self.context)
                part = part.annotate(facet_name=Value(index, output_field=IntegerField()))
                parts.append(part.values_list(*FACET_COLUMNS))
            if not parts:
                return None
            combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
            return with_cte(listed, select=combined) if listed is not None else combined

        rows: dict[int, list] = {}
        if queryset.query.is_empty() and guard is None:
            found = []  # nothing to count (a search that found nothing): nothing to build
        else:
            found = remembered(memo_key, statement, statement_slots)
        for index, key, label, number in found:
            rows.setdefault(index, []).append((key, label, number))
        for index, name in enumerate(names):
            if name not in counts:
                counts[name] = self.declared[name].count_rows(rows.get(index, []), self.context)
        for key, number in TOTALS.items():
            if key in asked:
                counts[key] = sum(row[2] for row in rows.get(number, []))
        return counts

    def shared_keys(self, names, selection: "Selection", total: bool) -> dict[int, tuple]:
        """The facets (by their number in ``names``) that count the same items, the matching
        ones: those nothing was chosen of (each facet's counts apply only the *other*
        facets' choices), by a key of the item's own row (``Filter.group_key``), counted in
        one pass on PostgreSQL (``grouped_sets``; with ``total`` the number of matching items
        too). Empty when that would not spare a scan, or elsewhere (SQLite knows no grouping
        sets)."""
        if connection.vendor != "postgresql":
            return {}
        shared: dict[int, tuple] = {}
        for index, name in enumerate(names):
            declared = self.declared[name]
            if not declared.is_empty(selection.values.get(name)):
                continue
            key = declared.group_key(self.context)
            # Two facets with the same key could not tell their rows apart (GROUPING).
            if key is not None and all(key[0] != other[0] for other in shared.values()):
                shared[index] = key
        return shared if len(shared) + total >= 2 else {}

    def listed(self, queryset: QuerySet) -> CTE | None:
        """The items of ``queryset`` with the columns the filters read, selected once for
        the facet statement (a common table expression): every facet's part and the totals
        count on it instead of finding the items again (visibility, joins, annotations), as
        a subquery per part would (district profiles at 100,000 pages: 445 → 225 ms). None
        when the set does not ``select_items_once`` or a filter cannot name its columns."""
        if not self.select_items_once:
            return None
        columns = [queryset.model._meta.pk.attname]
        for declared in self.declared.values():
            read = declared.columns()
            if read is None:
                return None
            columns += read
        return CTE(queryset.order_by().values(*dict.fromkeys(columns)), name="listed")

    def facets(
        self,
        queryset: QuerySet,
        selection: "Selection",
        *,
        counted: dict | None = None,
        unfiltered: bool = False,
        stored=None,
        statement_key: Hashable | None = None,
        statement_slots: dict | None = None,
    ) -> list[Facet]:
        """Disjunctive facets: each facet's counts apply every other filter's choice, in one
        grouped query per facet (or one for those nothing was chosen of, ``shared_keys``), all
        sent as one statement. ``counted`` receives the number of
        matching items (``TOTAL``) when the listing has no ``partition`` facet to give it, and
        with ``unfiltered`` the number of all items (``UNFILTERED``). ``queryset`` may be the
        entries of a stored listing (``stored``, ``cms.listing.stored``): the same statement
        asks whether they are current, and if not they are rebuilt and counted again."""
        facets = []
        names = [*self.facet_order, *(n for n in self.declared if n not in self.facet_order)]
        names = [name for name in names if self.declared[name].facet]

        def count():
            return self.facet_counts(
                queryset,
                selection,
                names,
                total=counted is not None and not self.partition,
                unfiltered=counted is not None and unfiltered,
                guard=stored.current() if stored is not None else None,
                statement_key=statement_key,
                statement_slots=statement_slots,
            )

        all_counts = count()
        if stored is not None and not all_counts[GUARD]:
            stored.rebuild()
            all_counts = count()
        if counted is not None:
            counted.update({k: v for k, v in all_counts.items() if k in (TOTAL, UNFILTERED)})
        for name in names:
            declared = self.declared[name]
            chosen = selection.values.get(name)
            chosen_set = set(chosen) if declared.many else {chosen}
            options = []
            counts = list(all_counts[name])
            if declared.show_chosen and not declared.is_empty(chosen):
                counted = {key for key, _count in counts}
                counts += [(key, 0) for key in chosen_set if key not in counted]
            for key, count in counts:
                shown = declared.option(key, self.context)
                if shown is None:
                    continue
                item, label = shown
                options.append(
                    FacetOption(
                        value=declared.format_one(key),
                        label=label,
                        count=count,
                        selected=key in chosen_set,
                        toggle=partial(selection.toggle, name, key),
                        item=item,
                    )
                )
            facets.append(
                Facet(
                    name=declared.param,
                    label=str(declared.label),
                    options=declared.sort_options(options),
                    remove=partial(selection.query_string, **{declared.param: None}),
                )
            )
        return facets

    def run(
        self,
        queryset: QuerySet,
        selection: "Selection",
        *,
        page: Any = None,
        per_page: int | None = None,
        offset: int = 0,
        limit: int | None = None,
        facets: bool = True,
        unfiltered_total: bool = False,
        stored=None,
        load=list,
        statement_key: Hashable | None = None,
        statement_slots: dict | None = None,
    ) -> "Listing":
        """The listing: a page of items (``page``/``per_page`` for HTML, ``offset``/``limit``
        for the API), the total, the facets. Queries: one statement for the facets and the
        total, one for the page (and one count without facets). ``queryset`` may be the
        entries of a stored listing (``stored``): they are rebuilt first if not current.
        ``load`` turns the page's slice of ``queryset`` into its items (e.g. the pages of
        stored entries, in one query). ``statement_key`` and ``statement_slots``: what
        ``queryset`` is, for the facet statement (``facet_counts``)."""
        filtered = self.apply(queryset, selection)
        counted: dict = {}
        if facets:
            found_facets = self.facets(
                queryset,
                selection,
                counted=counted,
                unfiltered=unfiltered_total,
                stored=stored,
                statement_key=statement_key,
                statement_slots=statement_slots,
            )
        else:
            found_facets = []
            if stored is not None:
                stored.ensure_fresh()
        total = counted.get(TOTAL, self.partition_total(found_facets, selection))
        page_obj = None
        if per_page is not None:
            per_page = min(per_page, bounds.MAX_PER_PAGE)
            paginator = Paginator(filtered, per_page)
            if total is not None:
                paginator.count = total  # a cached property: set, it is not counted again
            page_obj = paginator.get_page(page)
            items, total = load(page_obj.object_list), paginator.count
        else:
            limit = min(limit or bounds.MAX_PER_PAGE, bounds.MAX_PER_PAGE)
            total = filtered.count() if total is None else total
            items = load(filtered[offset : offset + limit]) if total > offset else []
        return Listing(
            items=items,
            total=total,
            facets=found_facets,
            selection=selection,
            problems=list(selection.problems),
            page=page_obj,
            total_unfiltered=counted.get(UNFILTERED),
        )

    def partition_total(self, facets: list[Facet], selection: "Selection") -> int | None:
        """The number of matching items from the ``partition`` facet, or None."""
        if not self.partition:
            return None
        declared = self.declared[self.partition]
        facet = next((f for f in facets if f.name == declared.param), None)
        if facet is None:
            return None
        chosen = not declared.is_empty(selection.values.get(self.partition))
        return sum(option.count for option in facet.options if option.selected or not chosen)


def _encoded_pair(param: str, value) -> str:
    """``param=value`` as ``urlencode`` writes it."""
    return f"{quote_plus(str(param))}={quote_plus(str(value))}"


class Selection:
    """The parsed filter set of one request: typed values by filter name (``selection.year``,
    ``selection["dates"]``), the problems found, and query strings for templates."""

    def __init__(self, filterset: FilterSet, values: dict, problems: list[Problem]):
        self.filterset = filterset
        self.values = values
        self.problems = problems

    def __getattr__(self, name):
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)

    def __getitem__(self, name):
        return self.values[name]

    def is_empty(self) -> bool:
        return all(f.is_empty(self.values.get(n)) for n, f in self.filterset.declared.items())

    def pairs(self) -> list[tuple[str, str]]:
        result = []
        for name, declared in self.filterset.declared.items():
            result.extend(declared.to_params(self.values.get(name)))
        return result

    def as_params(self) -> dict[str, str]:
        """Each parameter's value as the form shows it ("" when not chosen)."""
        found = dict.fromkeys(self.filterset.params(), "")
        for param, value in self.pairs():
            found[param] = found[param] or value
        return found

    def query_string(self, **changes) -> str:
        """``?…`` for this selection with ``changes`` (parameter → value; None or "" removes
        it, a list repeats it); always starts with ``?`` so it can follow a page URL."""
        before, chosen, after = self._encoded
        pieces = [*before, *(text for param, text in chosen if param not in changes)]
        for param, value in changes.items():
            if value in (None, ""):
                continue
            for one in value if isinstance(value, list | tuple) else [value]:
                pieces.append(_encoded_pair(param, one))
        return "?" + "&".join([*pieces, *after])

    @cached_property
    def _encoded(self) -> tuple[list[str], list[tuple[str, str]], list[str]]:
        """What every query string of this selection is made of, encoded once (a search
        page builds one per facet option, 60 and more): the filter set's parameters kept
        before the filters, each chosen filter's (parameter, encoded pair), those kept after."""
        keep = self.filterset
        return (
            [_encoded_pair(param, value) for param, value in keep.keep_before],
            [(param, _encoded_pair(param, value)) for param, value in self.pairs()],
            [_encoded_pair(param, value) for param, value in keep.keep_after],
        )

    def toggle(self, name: str, key) -> str:
        """The query string that adds ``key`` to filter ``name`` or removes it if chosen."""
        declared = self.filterset.declared[name]
        chosen = self.values.get(name)
        text = declared.format_one(key)
        if declared.many:
            current = [declared.format_one(v) for v in chosen or ()]
            new = [v for v in current if v != text] if text in current else [*current, text]
            return self.query_string(**{declared.param: new})
        selected = not declared.is_empty(chosen) and chosen == key
        return self.query_string(**{declared.param: None if selected else text})


@dataclass
class Listing:
    """What every listing returns, for HTML, feeds and the API alike."""

    items: list
    total: int
    facets: list[Facet]
    selection: Selection
    problems: list[Problem] = field(default_factory=list)
    page: Any = None  # Django's paginator page for HTML listings
    total_unfiltered: int | None = None  # all items, without the filters (``unfiltered_total``)

    def facet(self, name: str) -> Facet | None:
        return next((facet for facet in self.facets if facet.name == name), None)
