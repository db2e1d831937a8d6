"""The filter classes of :mod:`cms.listing`: one small class per kind of filter.

A filter knows everything about its URL parameter(s): how to read them (with the bounds of
:mod:`cms.listing.bounds`), how to narrow a queryset in SQL, how to count its facet in one
grouped query, how to write its value back into a query string and how to document itself
in the OpenAPI document. A listing declares its filters once in a
:class:`cms.listing.FilterSet`.
"""

import calendar
import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    Expression,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Cast, ExtractYear, NullIf
from django.utils.translation import gettext as _

from cms import params
from cms.filters import Problem

from . import bounds


def clean_text(value: Any) -> str:
    """One raw value without NUL bytes and surrounding space."""
    return str(value or "").replace("\x00", "").strip()


def too_long(text: str) -> str | None:
    """Why a value is refused for its length (every filter's one bound), or None."""
    if len(text) > bounds.MAX_VALUE_LENGTH:
        return _("longer than %(max)s characters") % {"max": bounds.MAX_VALUE_LENGTH}
    return None


def shown(text: str) -> str:
    """A refused value as a problem names it: short enough to echo."""
    return text if len(text) <= 40 else text[:40] + "…"


@dataclass(frozen=True)
class DateRange:
    """The chosen days of a date-range filter (either end may be open)."""

    start: datetime.date | None = None
    end: datetime.date | None = None

    def __bool__(self) -> bool:
        return bool(self.start or self.end)


class _AsText(Cast):
    """A facet's key or label as text, grouped by the value itself: PostgreSQL then hashes
    the value, not its text (the library's topic facet at 100,000 pages, 50,000 topic rows
    grouped by the topic's id: 32-44 -> 19 ms)."""

    def __init__(self, expression):
        super().__init__(expression, output_field=TextField())

    def get_group_by_cols(self):
        return self.get_source_expressions()[0].get_group_by_cols()


def grouped(
    queryset: QuerySet, key, label=None, *, count: str = "pk", distinct: bool | None = None
) -> QuerySet:
    """Items of ``queryset`` counted per ``key`` (an expression), as rows of (key as text,
    ``label`` as text or "", number of distinct items): the shape every facet's grouped query
    has, so that a filter set can combine them with UNION ALL. Rows of a model with one row
    per item (``one_row_per_item``: a stored listing's entries) are counted as rows, which
    PostgreSQL can hash; distinct items it must sort."""
    label = Value("") if label is None else label
    if distinct is None:
        distinct = not getattr(queryset.model, "one_row_per_item", False)
    part = (
        queryset.order_by()
        .annotate(facet_key=_AsText(key), facet_label=_AsText(label))
        .values_list("facet_key", "facet_label")
        .annotate(facet_total=Count(count, distinct=distinct))
        .values_list("facet_key", "facet_label", "facet_total")
    )
    # Grouped by the values, not by their text (Django groups by the selected columns).
    annotations = part.query.annotations
    part.query.group_by = tuple(
        column
        for name in ("facet_key", "facet_label")
        for column in annotations[name].get_group_by_cols()
    )
    return part


class _OfGroups(Func):
    """An expression of a grouping-sets query's keys in its SELECT list: not itself a key to
    group by (Django would add every selected expression to the GROUP BY)."""

    template = "%(expressions)s"

    def get_group_by_cols(self):
        return []


class _GroupingSets(Expression):
    """``GROUPING SETS ((a, b), (c), ())``: the GROUP BY clause of :func:`grouped_sets`."""

    output_field = IntegerField()  # not a value; Django asks every GROUP BY part for a type

    def __init__(self, sets: list[list]):
        super().__init__()
        self.sets = sets

    def get_source_expressions(self):
        return [expression for keys in self.sets for expression in keys]

    def set_source_expressions(self, expressions):
        expressions = iter(expressions)
        self.sets = [[next(expressions) for __ in keys] for keys in self.sets]

    def as_sql(self, compiler, connection):
        sql, params = [], []
        for keys in self.sets:
            compiled = [compiler.compile(key) for key in keys]
            sql.append("(" + ", ".join(part for part, __ in compiled) + ")")
            params += [param for __, part_params in compiled for param in part_params]
        return "GROUPING SETS (" + ", ".join(sql) + ")", params


class _SetNumber(Expression):
    """The number of the grouping set a row of :func:`grouped_sets` counts: the first whose
    key is grouped (``GROUPING(key) = 0``), else ``default`` (the empty set: every item)."""

    output_field = IntegerField()

    def __init__(self, keys: list, numbers: list[int], default: int):
        super().__init__()
        self.keys, self.numbers, self.default = keys, numbers, default

    def get_source_expressions(self):
        return self.keys

    def set_source_expressions(self, expressions):
        self.keys = list(expressions)

    def get_group_by_cols(self):
        return []

    def as_sql(self, compiler, connection):
        whens, params = [], []
        for key, number in zip(self.keys, self.numbers, strict=True):
            sql, key_params = compiler.compile(key)
            whens.append(f"WHEN GROUPING({sql}) = 0 THEN {int(number)}")
            params += key_params
        return f"CASE {' '.join(whens)} ELSE {int(self.default)} END", params


def grouped_sets(
    queryset: QuerySet, keys: dict[int, tuple], *, every: int | None = None, count: str = "pk"
) -> QuerySet:
    """Several facets of the same items counted in one pass (PostgreSQL's grouping sets):
    ``keys`` maps a facet's number to its (key, label or None) expressions
    (``Filter.group_key``); with ``every``, the items are counted as well, under that
    number. Rows of (number, key as text, label as text or "", number of distinct items), the
    shape of :func:`grouped`, so that they join the other facets' rows in one UNION ALL
    statement.
    One scan of the items instead of one per facet (district profiles at 100,000 pages: four
    facets 60-70 -> 34 ms)."""
    base = queryset.order_by()  # a copy: resolving the keys may add to its query
    resolved = {
        number: [part.resolve_expression(base.query) for part in parts if part is not None]
        for number, parts in keys.items()
    }
    sets = list(resolved.values()) + ([[]] if every is not None else [])
    distinct = not getattr(queryset.model, "one_row_per_item", False)
    text = TextField()
    key_texts = [Cast(parts[0], output_field=text) for parts in resolved.values()]
    label_texts = [
        Cast(parts[1], output_field=text) for parts in resolved.values() if len(parts) > 1
    ]
    part = base.annotate(
        facet_name=_SetNumber(
            [parts[0] for parts in resolved.values()],
            list(resolved),
            every if every is not None else -1,
        ),
        facet_key=_OfGroups(Func(*key_texts, function="COALESCE"), output_field=text),
        facet_label=_OfGroups(
            Func(*label_texts, Value(""), function="COALESCE"), output_field=text
        ),
        facet_total=Count(count, distinct=distinct),
    ).values_list("facet_name", "facet_key", "facet_label", "facet_total")
    part.query.group_by = (_GroupingSets(sets),)
    return part


class Filter:
    """One declared filter. Subclasses say how to parse, apply and count.

    ``params`` are the URL parameters the filter reads (usually one: its name); ``facet``
    says whether the listing shows counts for its values.
    """

    many = False  # a value may be given several times (``?topic=a&topic=b``)
    facet = False
    empty: Any = None

    def __init__(
        self,
        label="",
        *,
        param: str | None = None,
        help_text: str = "",
        show_chosen: bool = False,
        label_key=str.casefold,
    ):
        self.label = label
        self.param = param
        self.help_text = help_text
        self.show_chosen = show_chosen  # chosen values stay in the facet, also with 0 items
        self.label_key = label_key  # how option labels sort (e.g. German alphabetical order)
        self.name = ""  # set by the FilterSet

    def bind_name(self, name: str) -> None:
        self.name = name
        self.param = self.param or name

    @property
    def params(self) -> tuple[str, ...]:
        return (self.param,)

    # ------------------------------------------------------------------ reading the URL

    def parse(self, raw: Mapping[str, list[str]], context: dict) -> tuple[Any, list[Problem]]:
        """The typed value from the raw values of the URL; problems drop the value."""
        texts = [text for text in (clean_text(v) for v in raw.get(self.param, [])) if text]
        if not texts:
            return self.empty, []
        problems: list[Problem] = []
        if self.many:
            if len(texts) > bounds.MAX_VALUES:
                reason = _("at most %(max)s values") % {"max": bounds.MAX_VALUES}
                return self.empty, [Problem(self.param, texts[bounds.MAX_VALUES], reason)]
            values = []
            for text in dict.fromkeys(texts):
                value, reason = self.read_one(text, context)
                if reason:
                    problems.append(Problem(self.param, shown(text), str(reason)))
                else:
                    values.append(value)
            return tuple(values), problems
        value, reason = self.read_one(texts[-1], context)
        if reason:
            return self.empty, [Problem(self.param, shown(texts[-1]), str(reason))]
        return value, []

    def read_one(self, text: str, context: dict) -> tuple[Any, str | None]:
        if reason := too_long(text):
            return None, reason
        return self.parse_one(text, context)

    def parse_one(self, text: str, context: dict) -> tuple[Any, str | None]:
        return text, None

    def is_empty(self, value) -> bool:
        return value in (None, "", ()) or not value

    def to_params(self, value) -> list[tuple[str, str]]:
        if self.is_empty(value):
            return []
        values = value if self.many else (value,)
        return [(self.param, self.format_one(one)) for one in values]

    def format_one(self, value) -> str:
        return str(value)

    # ------------------------------------------------------------------------------ SQL

    def apply(self, queryset: QuerySet, value, context: dict) -> QuerySet:
        """``queryset`` narrowed to the items matching ``value`` (``context`` as in
        :meth:`parse`: what the filter loaded then)."""
        raise NotImplementedError

    def columns(self) -> tuple[str, ...] | None:
        """The item's fields (or annotations) that :meth:`apply` and :meth:`count_query` read
        besides its primary key, so that a filter set can count its facets on the items
        selected once (see ``FilterSet.facet_counts``); None: the filter reads the items in
        a way it cannot name, and the facets count on the queryset itself."""
        return None

    def counts(self, queryset: QuerySet, context: dict) -> list[tuple[Any, int]]:
        """(value, number of items) for the items of ``queryset``: one grouped query."""
        return self.count_rows(list(self.count_query(queryset, context)), context)

    def count_query(self, queryset: QuerySet, context: dict) -> QuerySet:
        """The grouped query of :meth:`counts` as (key as text, label as text, count) rows
        (see :func:`grouped`), so that a filter set can send the grouped queries of all its
        facets to the database as one statement."""
        raise NotImplementedError

    @property
    def counts_in_sql(self) -> bool:
        """Does the filter count its facet by :meth:`count_query` (else by :meth:`counts`)?"""
        return type(self).count_query is not Filter.count_query

    def group_key(self, context: dict) -> tuple | None:
        """(key, label or None): the expressions :meth:`count_query` groups by, when it counts
        the items of its queryset by a key of their own row (no join, no other condition than
        dropping a NULL key), so that a filter set can count several facets in one pass
        (``grouped_sets``); None: the filter counts through :meth:`count_query` only."""
        return None

    def count_rows(self, rows, context: dict) -> list[tuple[Any, int]]:
        """(value, number of items) from the rows of :meth:`count_query`."""
        return [(key, total) for key, _label, total in rows if key is not None]

    def option(self, key, context: dict) -> tuple[Any, str] | None:
        """(the object a template shows, its label) for a facet value, None to leave it out."""
        return key, str(key)

    def sort_options(self, options: list) -> list:
        return options

    # -------------------------------------------------------------------------- OpenAPI

    def json_schema(self, param: str) -> dict:
        """The schema of one value of ``param`` (the API's parameter documentation)."""
        return {"type": "string", "maxLength": bounds.MAX_VALUE_LENGTH}


class ChoiceFilter(Filter):
    """One value out of a vocabulary: a model's ``TextChoices``, a callable giving
    ``{value: label}``, or ``None`` for an open vocabulary (e.g. the cities events happen
    in) that is checked only where the filter set is asked to (``check_open``)."""

    facet = True
    empty = ""

    def __init__(
        self,
        label="",
        *,
        field: str,
        choices=None,
        aliases: Mapping[str, str] | None = None,
        unknown: str = "",
        label_field: str | None = None,
        **kwargs,
    ):
        super().__init__(label, **kwargs)
        self.field = field
        # A field naming each value (e.g. a municipality's title next to its slug): the facet
        # reads the labels with its counts, and the vocabulary is loaded only to check a value.
        self.label_field = label_field
        self.choices = choices
        self.aliases = dict(aliases or {})  # old spellings clients may still send
        self.unknown = unknown

    def vocabulary(self, context: dict) -> Mapping[str, Any] | None:
        key = ("vocabulary", self.name)
        if key not in context:
            context[key] = self.load_vocabulary(context)
        return context[key]

    def load_vocabulary(self, context: dict) -> Mapping[str, Any] | None:
        choices = self.choices
        if choices is None:
            base = context.get("open_vocabulary_base")
            if base is None:
                return None
            values = base.exclude(**{self.field: ""}).order_by()
            values = values.values_list(self.field, flat=True).distinct()
            return {value: value for value in values}
        if isinstance(choices, type):  # TextChoices
            return dict(choices.choices)
        return dict(choices(context))

    def static_values(self) -> list[str] | None:
        if isinstance(self.choices, type):
            return [str(value) for value in self.choices.values]
        return None

    def parse_one(self, text, context):
        text = self.aliases.get(text, text)
        known = self.vocabulary(context)
        if known is not None and text not in known:
            return None, self.unknown or _("unknown value")
        return text, None

    def apply(self, queryset, value, context):
        lookup = f"{self.field}__in" if self.many else self.field
        return queryset.filter(**{lookup: value})

    def columns(self):
        return (self.field, self.label_field) if self.label_field else (self.field,)

    def count_query(self, queryset, context):
        label = F(self.label_field) if self.label_field else None
        return grouped(queryset.exclude(**{self.field: ""}), F(self.field), label)

    def group_key(self, context):
        # No value ("") counts as no key, as ``count_query`` leaves those items out.
        label = F(self.label_field) if self.label_field else None
        return NullIf(F(self.field), Value("")), label

    def count_rows(self, rows, context):
        if self.label_field:
            labels = context.setdefault(("labels", self.name), {})
            labels.update({key: label for key, label, _total in rows if key is not None})
        return super().count_rows(rows, context)

    def option(self, key, context):
        labels = context.get(("labels", self.name), {})
        if key in labels:
            return key, labels[key]
        known = self.vocabulary(context) if self.choices is not None else None
        if known is not None:
            return (key, str(known[key])) if key in known else None
        return key, str(key)

    def sort_options(self, options):
        static = self.static_values()
        if static is not None:
            order = {value: index for index, value in enumerate(static)}
            return sorted(options, key=lambda option: order.get(option.value, len(order)))
        return sorted(options, key=lambda option: self.label_key(option.label))

    def json_schema(self, param):
        values = self.static_values()
        if values is None:
            return super().json_schema(param)
        return {"type": "string", "enum": values + [a for a in self.aliases if a not in values]}


class MultipleChoiceFilter(ChoiceFilter):
    """Several values of a vocabulary, combined with OR (``?status=a&status=b``)."""

    many = True
    empty = ()


class PageTypeFilter(ChoiceFilter):
    """A choice among kinds of page, each kind one or more page types (``page_types``: kind →
    model labels, named lazily as a ForeignKey names them). Counted by ``field``, the kind the
    listing annotates; applied as the pages' content type. PostgreSQL knows from its statistics
    how many pages a content type has, but a condition on the annotated kind (a CASE over the
    content type) it guesses at 0.5 % of the rows and joins what it guessed small by nested
    loops (the library at 100,000 pages: 15,000 publications guessed as 32, each part of the
    facet statement 60-90 ms)."""

    def __init__(self, label="", *, page_types: Mapping[str, tuple[str, ...]], **kwargs):
        super().__init__(label, **kwargs)
        self.page_types = page_types

    def apply(self, queryset, value, context):
        kinds = value if self.many else (value,)
        models = [apps.get_model(label) for kind in kinds for label in self.page_types[kind]]
        content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        return queryset.filter(content_type_id__in=[ct.pk for ct in content_types.values()])

    def columns(self):
        return (*super().columns(), "content_type_id")


class TopicFilter(Filter):
    """A topic of the network's vocabulary (``cms.Topic``) by slug; a page matches when it is
    tagged with it. With ``many=True`` a page matches any of the chosen topics."""

    facet = True
    empty = ""

    def __init__(self, label="", *, many: bool = False, **kw):
        super().__init__(label, **kw)
        self.many = many
        self.empty = () if many else ""

    def topics(self, context: dict) -> dict:
        if "topics" not in context:
            from cms.models.topics import topic_vocabulary

            context["topics"] = topic_vocabulary()
        return context["topics"]

    def parse_one(self, text, context):
        if text not in self.topics(context):
            return None, _("unknown topic")
        return text, None

    def apply(self, queryset, value, context):
        from wagtail.models import Page

        from cms.models import ListingEntry, TaggedPage

        # By the topics' ids, known from parsing (the vocabulary is cached): PostgreSQL then
        # reads the assignments of those topics through their index. Joined to the topics by
        # slug instead, it scanned all assignments in page order to merge them with the items
        # (news by topic at 100,000 pages: 52 of 80 ms).
        topics = self.topics(context)
        ids = [topics[slug].pk for slug in (value if self.many else [value]) if slug in topics]
        model = queryset.model
        if issubclass(model, ListingEntry):  # a stored listing: its entries' own topic rows
            chosen = model.topic_rows().objects.filter(topic_id__in=ids)
            return queryset.filter(pk__in=chosen.values("entry_id"))
        tagged = TaggedPage.objects.filter(tag_id__in=ids)
        own_table = queryset.query.base_table == model._meta.db_table  # not items selected once
        if own_table and model is not Page and issubclass(model, Page):
            # Only the assignments of pages of the listing's type (joined to its own table):
            # PostgreSQL then joins those few to the listing instead of looking up the page of
            # every assignment of the topic (news year facet with a topic at 100,000 pages:
            # 48-70 -> 24-40 ms).
            tagged = tagged.filter(content_object_id__in=model.objects.order_by().values("pk"))
        return queryset.filter(pk__in=tagged.values("content_object_id"))

    def columns(self):
        return ()  # joined through the primary key

    def count_query(self, queryset, context):
        # Joined from the items to their topics (an index lookup per item), not the topic
        # assignments filtered by ``IN (the items)``: PostgreSQL misjudges the size of such a
        # set of annotated items and planned a nested loop over both sides (35 s for the
        # district profiles at 100,000 pages). Items without a topic give a NULL key, dropped.
        from cms.models import ListingEntry

        # Counted by the topics' ids, which ``count_rows`` names by the cached vocabulary: not
        # joined to the topics (district profiles at 100,000 pages: 40,000 topic rows, the
        # topic facet 47 -> 35 ms).
        model = queryset.model
        if issubclass(model, ListingEntry):  # a stored listing's topic rows, one per item
            rows = model.topic_rows().objects.filter(entry_id__in=queryset.order_by().values("pk"))
            return grouped(rows, F("topic_id"), distinct=False)
        return grouped(queryset, F("tagged_topics__tag_id"), count="pk")

    def count_rows(self, rows, context):
        slugs = {str(topic.pk): slug for slug, topic in self.topics(context).items()}
        return [(slugs[key], total) for key, _label, total in rows if key in slugs]

    def option(self, key, context):
        topic = self.topics(context).get(key)
        return (topic, topic.label) if topic else None

    def sort_options(self, options):
        return sorted(options, key=lambda option: self.label_key(option.label))

    def json_schema(self, param):
        return {
            "type": "string",
            "maxLength": bounds.MAX_VALUE_LENGTH,
            "description": "topic slug, e.g. `buergerbeteiligung` (see `/api/v3/topics/`)",
        }


class YearFilter(Filter):
    """The year of a date field (``?year=2026``), with counts per year, newest first; with
    ``many=True`` several years are alternatives (``?year=2024&year=2025``)."""

    facet = True

    def __init__(self, label="", *, field: str, many: bool = False, **kwargs):
        super().__init__(label, **kwargs)
        self.field = field
        self.many = many
        self.empty = () if many else None

    def parse_one(self, text, context):
        if text.isdigit() and bounds.FIRST_YEAR <= int(text) <= bounds.LAST_YEAR:
            return int(text), None
        return None, _("not a year")

    def apply(self, queryset, value, context):
        if self.many:
            return queryset.filter(**{f"{self.field}__year__in": value})
        return queryset.filter(**{f"{self.field}__year": value})

    def columns(self):
        return (self.field,)

    def count_query(self, queryset, context):
        return grouped(queryset, ExtractYear(self.field))

    def group_key(self, context):
        return ExtractYear(self.field), None

    def count_rows(self, rows, context):
        return [(int(year), total) for year, _label, total in rows if year is not None]

    def sort_options(self, options):
        return sorted(options, key=lambda option: option.item, reverse=True)

    def json_schema(self, param):
        return {"type": "integer", "minimum": bounds.FIRST_YEAR, "maximum": bounds.LAST_YEAR}


class SpanFilter(Filter):
    """A filter on days: items that take place on at least one day of a range.

    ``span`` names the item's first and last moment (e.g. ``("starts_at", "ends_at")``) or,
    for items of one day, a single date field. Several span filters of one set (month and
    from/to) intersect their ranges before the one overlap condition is built.
    """

    def __init__(self, label="", *, span, timezone: Callable | None = None, **kwargs):
        super().__init__(label, **kwargs)
        self.span = (span, span) if isinstance(span, str) else tuple(span)
        self.timezone = timezone  # for date-time fields: the zone whose days count

    def days(self, value) -> tuple[datetime.date | None, datetime.date | None]:
        raise NotImplementedError

    def apply(self, queryset, value, context):
        return queryset.filter(span_condition(self, *self.days(value)))

    def columns(self):
        return tuple(dict.fromkeys(self.span))


def span_condition(span_filter: SpanFilter, first, last) -> Q:
    """Items overlapping the days ``first``–``last`` (either may be None)."""
    start_field, end_field = span_filter.span
    condition = Q()
    zone = span_filter.timezone
    if zone is None:
        if first:
            condition &= Q(**{f"{end_field}__gte": first})
        if last:
            condition &= Q(**{f"{start_field}__lte": last})
        return condition
    if first:
        condition &= Q(**{f"{end_field}__gt": _midnight(first, zone())})
    if last:
        condition &= Q(**{f"{start_field}__lt": _midnight(last + datetime.timedelta(1), zone())})
    return condition


def _midnight(day: datetime.date, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


class MonthFilter(SpanFilter):
    """A month (``?month=2026-05``): items on at least one of its days."""

    def parse_one(self, text, context):
        try:
            year, month = (int(part) for part in text.split("-"))
        except ValueError:
            return None, _("expected YYYY-MM")
        if bounds.FIRST_YEAR <= year <= bounds.LAST_YEAR and 1 <= month <= 12:
            return (year, month), None
        return None, _("expected YYYY-MM")

    def format_one(self, value):
        return f"{value[0]:04d}-{value[1]:02d}"

    def days(self, value):
        if not value:
            return None, None
        year, month = value
        last = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, 1), datetime.date(year, month, last)

    def json_schema(self, param):
        return {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$"}


class DateRangeFilter(SpanFilter):
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD`` (either end open; dates within ``cms.params``'
    years). A range that ends before it starts keeps its start and reports its end."""

    empty = DateRange()

    def __init__(self, label="", *, params=("from", "to"), help_texts=None, **kwargs):
        super().__init__(label, **kwargs)
        self.range_params = tuple(params)
        self.help_texts = dict(help_texts or {})  # per parameter, for the API document

    def bind_name(self, name):
        self.name = name
        self.param = self.range_params[0]

    @property
    def params(self):
        return self.range_params

    def parse(self, raw, context):
        problems: list[Problem] = []
        found = []
        for param in self.range_params:
            texts = [text for text in (clean_text(v) for v in raw.get(param, [])) if text]
            value = None
            if texts:
                reason = too_long(texts[-1])
                value, reason = (None, reason) if reason else params.parse_date(texts[-1])
                if reason:
                    problems.append(Problem(param, shown(texts[-1]), str(reason)))
            found.append(value)
        start, end = found
        if start and end and end < start:
            reason = _("the range ends before it starts")
            problems.append(Problem(self.range_params[1], end.isoformat(), reason))
            end = None
        return DateRange(start, end), problems

    def to_params(self, value):
        if not value:
            return []
        pairs = zip(self.range_params, (value.start, value.end), strict=True)
        return [(param, day.isoformat()) for param, day in pairs if day]

    def days(self, value):
        return (value.start, value.end) if value else (None, None)

    def json_schema(self, param):
        schema = {"type": "string", "format": "date"}
        if param in self.help_texts:
            schema["description"] = self.help_texts[param]
        return schema


class TextFilter(Filter):
    """Free text (``?q=…``): items whose fields contain every word, case-insensitively.
    For ranked full-text search use ``search/``; this is the simple "contains" of a list."""

    empty = ""

    def __init__(self, label="", *, fields: tuple[str, ...], **kwargs):
        super().__init__(label, **kwargs)
        self.fields = tuple(fields)

    def parse_one(self, text, context):
        words = text.split()
        if len(words) > bounds.MAX_WORDS:
            return None, _("at most %(max)s words") % {"max": bounds.MAX_WORDS}
        return " ".join(words), None

    def columns(self):
        return self.fields

    def apply(self, queryset, value, context):
        for word in value.split():
            condition = Q()
            for field in self.fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset
