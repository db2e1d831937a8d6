"""Stored listings: a listing's items kept in a table of narrow rows.

Finding the items of a listing means asking the page tree, for every item, whether visitors
may see it (live, not expired, no view restriction above it, no placeholder of an
untranslated page, a visible parent where the listing asks for one) and joining the tables
its filters read. At 100,000 pages that costs 50-70 ms before anything is counted, in every
facet's part and again for the page of items. A stored listing runs the listing's own query
(the one rule, ``cms.querysets.visible``, and the listing's joins) once, keeps its result as
rows of an entry model (``cms.models.listing.ListingEntry``) with the columns the filters read
and the topics as narrow rows, and lets the filter set count and page those rows instead
(the library at 100,000 pages: the facet statement 131 -> 20 ms, the page of items 45 -> 3 ms).

The rows are a cache with an exact rule for when they are stale:

- every change of public content (a page saved live, published, unpublished, moved or
  deleted, a view restriction, a topic or a topic assignment) increments the one
  ``ContentVersion`` in the transaction of the change (``content_changed``, called by
  ``cms.signals``);
- the rows remember the version they were built from, and the moment the first live page
  expires after the build (expiry needs no change to hide a page);
- a listing asks whether its rows are current in the statement that counts its facets (no
  query of its own; ``FilterSet.run(..., stored=...)``); stale rows are rebuilt in
  one transaction (a delete and two ``INSERT … SELECT`` statements; 0.3 s for the library
  at 100,000 pages), under a row lock so that two requests do not build at once.

Content written around the ORM's signals (``generate_content``, a data migration, raw SQL)
calls ``content_changed`` itself; ``manage.py rebuild_listings`` rebuilds every stored
listing. The pages a listing finally shows are loaded through ``visible`` again, so that
even a stale row could never show a page visitors may not see: it could only miscount.
"""

import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, transaction
from django.db.models import Exists, F, Min, QuerySet
from django.utils import timezone

from wagtail.models import Locale, Page

from cms.models.listing import ContentVersion, StoredListingState
from cms.models.topics import TaggedPage
from cms.querysets import ColumnCondition
from cms.statements import fixed_cursor, now_param, remembered

VERSION_ROW = 1

# name -> StoredRows, filled as the listings are declared (``rebuild_listings``).
REGISTRY: dict[str, "StoredRows"] = {}


def content_changed() -> None:
    """Public content changed: every stored listing is stale from now on (one UPDATE, in the
    transaction of the change, so that no listing reads the change before the new version)."""
    if ContentVersion.objects.filter(pk=VERSION_ROW).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=VERSION_ROW, version=1)
    except IntegrityError:  # created by a concurrent change in the meantime
        ContentVersion.objects.filter(pk=VERSION_ROW).update(version=F("version") + 1)


def database_identity(using: str = DEFAULT_DB_ALIAS) -> str:
    """Which database's content this is (``ContentVersion.database``; the row is created on
    first use)."""
    rows = ContentVersion.objects.using(using).filter(pk=VERSION_ROW)
    identity = rows.values_list("database", flat=True).first()
    if identity is None:
        try:
            with transaction.atomic(using=using):
                identity = rows.create(pk=VERSION_ROW, version=0).database
        except IntegrityError:  # created by a concurrent request in the meantime
            identity = rows.values_list("database", flat=True).first()
    return str(identity)


def new_database_identity(using: str = DEFAULT_DB_ALIAS) -> None:
    """Give this database a content identity of its own (a restored copy has its source's)."""
    ContentVersion.objects.using(using).filter(pk=VERSION_ROW).update(database=uuid.uuid4())


# Read on every page request (``cms.routing``) and inside every listing's statement
# (``CurrentState``): a fixed statement, not compiled each time.
CURRENT_VERSION_SQL = "SELECT version FROM {table} WHERE id = %s"


def current_version() -> int:
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    sql = CURRENT_VERSION_SQL.format(table=table)
    with fixed_cursor() as cursor:
        cursor.execute(sql, [VERSION_ROW])
        row = cursor.fetchone()
    return row[0] if row else 0


class CurrentState(ColumnCondition):
    """A state row's condition of being current: built from the current content version and
    not expired at ``now``. Every listing asks it on every request, and the ORM built and
    compiled the same subquery, coalesce and exclusion each time (0.7 ms of a start page's
    26, twice)."""

    columns = ("version", "valid_until")
    sql = (
        "({0} = COALESCE(("
        + CURRENT_VERSION_SQL.format(table=ContentVersion._meta.db_table)
        + "), 0) AND ({1} IS NULL OR {1} > %s))"
    )

    def __init__(self, now):
        super().__init__()
        self.now = now

    def params(self, connection) -> list:
        return [VERSION_ROW, now_param(self.now, connection)]


class StoredRows:
    """Rows built from the page tree and kept until public content changes: the freshness
    rule and the rebuild of every stored table. Subclasses say which ``tables`` they fill
    and ``write`` them (with ``insert``)."""

    name: str
    tables: tuple[type, ...]

    def register(self) -> None:
        REGISTRY[self.name] = self

    def count(self) -> int:
        return self.tables[0].objects.count()

    # ------------------------------------------------------------------------ reading

    def current(self) -> QuerySet:
        """The state row of these rows if they are current (built from the current version,
        no live page expired since), else no row: a query that can run as part of another
        statement (``FilterSet.facet_counts``), so that asking costs no query of its own and
        sees the same snapshot as the rows it guards."""
        return StoredListingState.objects.filter(name=self.name).filter(
            CurrentState(timezone.now())
        )

    def ensure_fresh(self) -> None:
        """Rebuild the rows if they are not current (one query when they are)."""
        if not self.current().exists():
            self.rebuild()

    def read(self, query: Callable[[], QuerySet], key: Hashable | None = None) -> list:
        """The rows of ``query()`` (a query that reads these rows), asking in the same
        statement whether the rows are current: each result has ``stored_fresh`` (as its
        last value in a ``values_list``). When they are not, they are rebuilt and asked
        again; when nothing matches, which says nothing of them, one query more sees whether
        they are current. ``key``: what ``query()`` depends on, to remember its statement
        (``cms.statements``)."""

        def statement():
            return query().annotate(stored_fresh=Exists(self.current()))

        found = remembered(key, statement)
        if found and all(_fresh(row) for row in found):
            return found
        if found or not self.current().exists():
            self.rebuild()
            found = remembered(key, statement)
        return found

    # ------------------------------------------------------------------------ writing

    def rebuild(self) -> None:
        """Build the rows again, in one transaction; a request that finds another one
        building waits for it and then uses its rows."""
        # TRUNCATE (below) waits for every transaction that read the rows to end: only where
        # the rebuild is the outermost transaction, so that it holds no lock another rebuild
        # could be waiting behind (within a caller's transaction the rows are deleted).
        truncate = connection.vendor == "postgresql" and not connection.in_atomic_block
        with transaction.atomic():
            StoredListingState.objects.get_or_create(
                name=self.name, defaults={"version": -1, "valid_until": None}
            )
            state = StoredListingState.objects.select_for_update().get(name=self.name)
            if self.current().exists():
                return  # built by the request we waited for
            version = current_version()  # read before the content the rows are built from
            now = timezone.now()
            names = ", ".join(quote(table._meta.db_table) for table in self.tables)
            with connection.cursor() as cursor:
                if truncate:
                    # Emptied, not deleted row by row: a DELETE leaves every old row behind
                    # until autovacuum comes, and the listings read through them (after five
                    # rebuilds the library's facets read 14,000 topic rows for 2,800). Readers
                    # wait for the rebuild's commit, as they would for its row lock.
                    cursor.execute(f"TRUNCATE {names}")
                else:
                    for table in reversed(self.tables):
                        cursor.execute(f"DELETE FROM {quote(table._meta.db_table)}")
                self.write(cursor)
                if connection.vendor == "postgresql":
                    # Statistics of the new rows at once (autovacuum follows later): without
                    # them PostgreSQL plans for an empty table (the library's facets 59
                    # instead of 133 ms).
                    cursor.execute(f"ANALYZE {names}")
            state.version = version
            state.valid_until = Page.objects.filter(live=True, expire_at__gt=now).aggregate(
                first=Min("expire_at")
            )["first"]
            state.save()

    def write(self, cursor) -> None:
        raise NotImplementedError


def _fresh(row) -> bool:
    return row[-1] if isinstance(row, tuple) else row.stored_fresh


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def insert(cursor, table: type, columns: tuple[str, ...], rows: QuerySet) -> None:
    """``INSERT INTO table (columns) SELECT …``: ``rows`` is a ``values_list`` of as many
    columns, in that order (Django keeps the order given)."""
    names = ", ".join(quote(column) for column in columns)
    sql, params = rows.query.sql_with_params()
    cursor.execute(f"INSERT INTO {quote(table._meta.db_table)} ({names}) {sql}", params)


@dataclass
class StoredListing(StoredRows):
    """A listing whose items are kept as ``entry_model`` rows (with ``topic_model`` rows for
    their topics), built per language by ``source(locale)``: the listing's queryset of
    visible items, with a field or annotation named as each column of the entry model."""

    name: str
    entry_model: type
    topic_model: type
    source: Callable[[Locale], QuerySet]
    columns: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        self.columns = tuple(
            f.attname for f in self.entry_model._meta.concrete_fields if f.name != "page"
        )
        self.tables = (self.entry_model, self.topic_model)
        self.register()

    def entries(self, locale: Locale | int, index: Page | None = None) -> QuerySet:
        """The listing's entries of one language (under ``index``, if given), as stored: hand
        this listing to ``FilterSet.run(..., stored=...)``, which asks whether they are
        current in its facet statement, or call ``ensure_fresh`` first."""
        queryset = self.entry_model.objects.filter(locale=locale)
        if index is not None:
            queryset = queryset.filter(path__startswith=index.path)
        return queryset

    def statement_key(self, locale: Locale | int, index: Page | None = None) -> tuple:
        """What ``entries(locale, index)`` is, as the key of a statement that reads them and
        is remembered (``cms.statements``): the listing, the language, the index page's
        path."""
        return (self.name, getattr(locale, "pk", locale), index.path if index else None)

    def pages_of(self, pages: QuerySet) -> Callable[[QuerySet], list]:
        """``load`` for ``FilterSet.run``: the pages of the chosen entries, taken from
        ``pages`` (the listing's own queryset: through its visibility rule, in its order), in
        one query."""
        return lambda entries: list(pages.filter(pk__in=entries.values("pk")))

    def write(self, cursor) -> None:
        for locale in Locale.objects.all():
            rows = (
                self.source(locale)
                .order_by()
                .annotate(entry_page_id=F("pk"))
                .values_list("entry_page_id", *self.columns)
            )
            insert(cursor, self.entry_model, ("page_id", *self.columns), rows)
        entries, tagged = quote(self.entry_model._meta.db_table), quote(TaggedPage._meta.db_table)
        cursor.execute(
            f"INSERT INTO {quote(self.topic_model._meta.db_table)} (entry_id, topic_id)"
            " SELECT tagged.content_object_id, tagged.tag_id"
            f" FROM {tagged} tagged INNER JOIN {entries} entry"
            " ON entry.page_id = tagged.content_object_id"
        )
