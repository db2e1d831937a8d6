"""Statements compiled once per content version and key, and run prepared.

A listing's facet statement is the same SQL on every request for the same listing and choice
of filters: only the request's time differs. The ORM built and compiled it anew each time
(the news index: ~1.5 of its ~8 ms), and PostgreSQL parsed and planned it anew (the start
page's statements: 1.6 ms planning for 0.6 ms running). Here a statement is compiled once and
remembered under a key its caller gives (what the statement depends on: the listing, its
language and index page, the choice of filters) and the content version the request read
(``cms.routing``: a remembered statement may carry content, e.g. a topic's key for its slug,
so a new version forgets them all). Its constants are written into its text; its only
parameters are the request's time and lists of keys that change from request to request
(slots), so that on PostgreSQL it runs as a prepared statement whose plan knows the rest.

Only the conditions of our own that compare with the request's time (``VisibleAt``,
``CurrentState``, ``After``) leave their parameter open (``NOW``, filled per execution); a
statement with any other date or time among its parameters is not remembered (its caller's
key could not know that value). The rows are converted as the ORM converts them, model
instances made as ``raw()`` makes them. PostgreSQL only: SQLite serves development, where the
ORM's path is kept.
"""

import datetime
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, transaction
from django.db.models import Count, IntegerField, Model, QuerySet, Value
from django.db.models.query import ModelIterable, RawQuerySet, ValuesListIterable
from django.db.models.sql.query import RawQuery
from django.utils import timezone
from django.utils.functional import cached_property


class Slot:
    """A parameter of a remembered statement that is filled when it runs."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<Slot {self.name}>"


NOW = Slot("now")
# Set while a statement is compiled to be remembered: time conditions give ``NOW``.
_compiling: ContextVar[bool] = ContextVar("compiling_statement", default=False)
# The content version the current request read (``cms.routing``), None outside of one.
request_version: ContextVar[int | None] = ContextVar("request_content_version", default=None)


def now_param(now: datetime.datetime, db_connection):
    """The parameter of a condition that compares with ``now`` (the request's time)."""
    if _compiling.get():
        return NOW
    return db_connection.ops.adapt_datetimefield_value(now)


class StatementMemory:
    """Compiled statements by key, all of one content version (thread-safe, bounded)."""

    def __init__(self):
        self.version: int | None = None
        self.entries: OrderedDict[Hashable, Statement | None] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, version: int):
        """The entry remembered under ``version``: ``compile_statement``'s, None for a statement
        that cannot be remembered, or ``MISSING``."""
        with self.lock:
            if version != self.version:
                return MISSING
            entry = self.entries.get(key, MISSING)
            if entry is not MISSING:
                self.entries.move_to_end(key)
            return entry

    def remember(self, key: Hashable, entry, version: int) -> None:
        """Keep ``entry``, compiled by a request that read ``version``: a newer version forgets
        every older entry; an entry of an older version than the memory's is not kept."""
        with self.lock:
            if self.version is None or version > self.version:
                self.version = version
                self.entries.clear()
            if version != self.version:
                return
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > settings.STATEMENT_MEMORY_SIZE:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.version = None
            self.entries.clear()


MISSING = object()
memory = StatementMemory()


def prepared_cursor():
    """A cursor of the default connection (PostgreSQL) whose statements the server prepares:
    parsed once per connection, and planned once when PostgreSQL finds a generic plan as good
    as one for the parameters at hand (the start page's statements spent three times as long
    being planned as running). psycopg's server-side binding with ``prepare=True``, wrapped
    as Django wraps its cursors (logged, counted, errors translated). Off with
    ``DATABASE_PREPARED_STATEMENTS=0`` (e.g. behind a pooler that cannot keep them)."""
    connection.ensure_connection()
    # What ``connection.cursor()`` does with the cursor it creates.
    return connection._prepare_cursor(preparing_cursor_class()(connection.connection))


@cache
def preparing_cursor_class() -> type:
    """Django's server-side binding cursor, asking psycopg to prepare every statement (made
    when first asked: the module imports psycopg, which SQLite installs may lack)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            try:
                return super().execute(query, params, prepare=True, binary=binary)
            finally:
                # What Django logs of a statement (``connection.queries``, the tests' query
                # counts), also of one that failed: the text with the parameters in it,
                # composed only when asked.
                self._query = LoggedStatement(query, params)

    return PreparingCursor


def fixed_cursor():
    """The cursor for a fixed statement (one text, simple parameters, run on every request):
    prepared where that is on (PostgreSQL), else Django's."""
    if connection.vendor == "postgresql" and settings.DATABASE_PREPARED_STATEMENTS:
        return prepared_cursor()
    return connection.cursor()


def raw_instances(model: type[Model], sql: str, params: list, cursor=None) -> list:
    """The instances of ``model`` that ``raw(sql, params)`` gives, run on ``cursor`` (default:
    ``fixed_cursor()``)."""
    query = StatementQuery(sql, params, cursor or fixed_cursor())
    return list(RawQuerySet(sql, model, query=query, params=params))


class LoggedStatement:
    """A prepared statement as Django's query log reads it (``cursor._query.query``: psycopg
    sets it for statements that are sent with their text only)."""

    def __init__(self, sql: str, params):
        self.sql, self.params = sql, params

    @cached_property
    def query(self) -> bytes:
        return connection.ops.compose_sql(self.sql, self.params).encode()


class StatementQuery(RawQuery):
    """``raw()``'s query run on a given cursor (``Statement.results``)."""

    def __init__(self, sql: str, params: list, cursor):
        super().__init__(sql, DEFAULT_DB_ALIAS, params)
        self.given_cursor = cursor

    def _execute_query(self):
        self.cursor = self.given_cursor
        self.cursor.execute(self.sql, self.params)


@dataclass
class Statement:
    """A remembered statement: its SQL, its parameters (``Slot`` where a run fills them in),
    and how its rows become results: the ORM's converters for ``values_list`` rows, or the
    ``model`` whose instances ``raw()`` makes of them."""

    sql: str
    params: list
    converters: list
    model: type[Model] | None = None
    # Does the server take it as a prepared statement (``prepared_cursor``)? None: not tried.
    prepared: bool | None = None

    def bind(self, slots: dict) -> list:
        """The parameters of a run: the slots filled in."""
        values = {**slots, NOW.name: connection.ops.adapt_datetimefield_value(timezone.now())}
        return [values[p.name] if isinstance(p, Slot) else p for p in self.params]

    def run(self, slots: dict) -> list:
        params = self.bind(slots)
        if self.prepared is None and settings.DATABASE_PREPARED_STATEMENTS:
            # Its first run tries it prepared, in a savepoint: with its parameters apart from
            # its text a statement may not type (GROUPING of an expression with parameters).
            try:
                with transaction.atomic():
                    results = self.results(params, prepared=True)
            except DatabaseError:
                self.prepared = False
            else:
                self.prepared = True
                return results
        return self.results(params, prepared=bool(self.prepared))

    def results(self, params: list, *, prepared: bool) -> list:
        cursor = prepared_cursor() if prepared else connection.cursor()
        if self.model is not None:
            return raw_instances(self.model, self.sql, params, cursor)
        with cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if not self.converters:
            return rows
        converted = []
        for row in map(list, rows):  # as the ORM's compiler does (``apply_converters``)
            for position, (functions, expression) in self.converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
            converted.append(tuple(row))
        return converted


def compile_statement(queryset: QuerySet, slots: dict | None = None) -> Statement | None:
    """``queryset``'s statement with ``NOW`` for the request's time and a ``Slot`` for each
    parameter that equals a list of ``slots`` (name → the list this request sends); None if
    it cannot be remembered: neither a ``values_list`` of tuples nor plain model instances
    (no related rows, no prefetching), another date or time among its parameters, or a
    slot's list not among them. Raises ``EmptyResultSet`` for a statement that would find
    nothing (the ORM then sends none)."""
    if queryset.db != DEFAULT_DB_ALIAS:
        return None
    instances = queryset._iterable_class is ModelIterable
    if instances:
        query = queryset.query
        if query.select_related or queryset._prefetch_related_lookups:
            return None
        if queryset._known_related_objects or query.extra_select:
            return None
    elif queryset._iterable_class is not ValuesListIterable:
        return None
    compiler = queryset.query.get_compiler(using=queryset.db)
    token = _compiling.set(True)
    try:
        sql, params = compiler.as_sql()  # EmptyResultSet: a statement that finds nothing
    finally:
        _compiling.reset(token)
    if any(isinstance(param, datetime.date) for param in params):
        return None
    params = list(params)
    for name, value in (slots or {}).items():
        found = [i for i, param in enumerate(params) if isinstance(param, list) and param == value]
        if not found:
            return None
        for position in found:
            params[position] = Slot(name)
    inlined = inline_constants(sql, params)
    if inlined is None:
        return None
    sql, params = inlined
    if instances:
        # ``raw()`` finds the fields by the columns' names: each must be one of the model's
        # columns or an annotation, and no name may come twice.
        names = [
            alias or getattr(getattr(column, "target", None), "column", None)
            for column, _sql, alias in compiler.select
        ]
        if None in names or len(set(names)) != len(names):
            return None
        return Statement(sql, params, [], queryset.model)
    converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
    return Statement(sql, params, list(converters.items()))


PLACEHOLDERS = re.compile(r"(%%|%s)")


def inline_constants(sql: str, params: list) -> tuple[str, list] | None:
    """``sql`` with its constant parameters written into it as literals (as Django's
    client-side binding writes them), its slots left as parameters: a prepared statement's
    plan then knows the constants (the listing's path and language), and only the request's
    time and keys are parameters (with ``path LIKE $2`` PostgreSQL's generic plan read all
    30,000 news entries of 100,000 pages: the news index 29 -> 57 ms). None if the
    placeholders do not match the parameters."""
    pieces, slots, values = [], [], iter(params)
    for token in PLACEHOLDERS.split(sql):
        if token != "%s":
            pieces.append(token)
            continue
        value = next(values, MISSING)
        if value is MISSING:
            return None
        if isinstance(value, Slot):
            pieces.append(token)
            slots.append(value)
        else:
            pieces.append(connection.ops.compose_sql("%s", [value]).replace("%", "%%"))
    if next(values, MISSING) is not MISSING:
        return None
    return "".join(pieces), slots


def remembered_entry(key: Hashable | None, slots: dict | None = None):
    """The memory's entry for ``key`` and the request's content version: a ``Statement``,
    None (not remembered, or not to be: no key, no version read, the memory off, an empty
    slot list, which is no parameter of the statement: the ORM sends none, or another), or
    ``MISSING`` (to be compiled), and that version."""
    version = request_version.get()
    remembering = key is not None and version is not None and settings.STATEMENT_MEMORY_SIZE > 0
    if not remembering or not all(slots.values() if slots else ()):
        return None, version
    return memory.get(key, version), version


def remembered_sql(key: Hashable | None, build: Callable[[], QuerySet]) -> tuple[str, list]:
    """``build().query.sql_with_params()``, for a statement written around it (a
    ``values_list`` queryset), compiled once as ``remembered`` compiles (same ``key``)."""
    entry, version = remembered_entry(key)
    if entry is MISSING and connection.vendor == "postgresql":
        entry = compile_statement(build())
        memory.remember(key, entry, version)
    if entry is None or entry is MISSING:
        return build().query.sql_with_params()
    return entry.sql, entry.bind({})


def remembered(
    key: Hashable | None, build: Callable[[], QuerySet | None], slots: dict | None = None
) -> list:
    """The results of the queryset ``build()`` makes (None: no statement, nothing), a
    ``values_list`` of tuples or model instances, by a statement remembered under ``key``
    (see the module) for the request's content version; ``slots``: lists among its
    parameters that the key does not name (name → this request's list, e.g. the search's
    ranked hits), sent with each run. Without a key, outside a request that read a version,
    or on SQLite: ``build()``'s results."""
    entry, version = remembered_entry(key, slots)
    if connection.vendor != "postgresql" or entry is None:
        queryset = build()
        return [] if queryset is None else list(queryset)
    if entry is MISSING:
        queryset = build()
        if queryset is None:
            return []
        try:
            entry = compile_statement(queryset, slots)
        except EmptyResultSet:  # nothing to ask the database (this time)
            return []
        memory.remember(key, entry, version)
        if entry is None:
            return list(queryset)
    return entry.run(slots or {})


def remembered_queryset(key: Hashable | None, build: Callable[[], QuerySet]) -> QuerySet:
    """A copy of the queryset ``build()`` makes, built once per content version under ``key``
    (as ``remembered`` keeps statements; the key names what it depends on): for a queryset
    whose annotations cost more to build than the rest of a request's use of it. The
    remembered one is never evaluated (no rows are kept): each call gets its own copy to
    filter, order and run. Outside a request that read a version: ``build()``."""
    entry, version = remembered_entry(key)
    if entry is None:
        return build()
    if entry is MISSING:
        entry = build()
        memory.remember(key, entry, version)
    copy = entry.all()
    # Django's ``Query.clone`` shares the lists of its table aliases with the original, and
    # relabels them in place when the copy becomes a subquery: each copy gets its own.
    aliases = copy.query.table_map
    copy.query.table_map = {table: list(names) for table, names in aliases.items()}
    return copy


def unnarrowed(queryset: QuerySet) -> bool:
    """Is ``queryset`` all rows of its model, as its manager gives them (no filter, no slice,
    no annotation)? Then a method of the queryset may remember its statements under a key of
    its own arguments only."""
    query = queryset.query
    return not (
        query.has_filters()
        or query.is_sliced
        or query.annotations
        or query.extra
        or query.distinct
    )


def remembered_count(key: Hashable | None, build: Callable[[], QuerySet]) -> int:
    """``build().count()``, by a statement remembered under ``key`` (as ``remembered``)."""

    def statement():
        # One row whatever the number: the constant is no column to group by.
        every = build().order_by().annotate(every=Value(1, output_field=IntegerField()))
        return every.values("every").annotate(total=Count("pk")).values_list("total")

    return remembered(key, statement)[0][0]
