"""Statements compiled once per content version (``cms.statements``): a remembered facet
statement gives the same counts as the ORM's, reads the request's time on every run, and is
forgotten when public content changes. PostgreSQL only: elsewhere the ORM compiles each time
(tested below too)."""

import datetime
from unittest import mock

from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

import pytest
from freezegun import freeze_time

from cms import statements
from cms.listing.stored import current_version
from cms.querysets import VisibleAt
from events.models import EVENTS_LISTING, EventPage, NewsPage
from tests.cms.factories import TopicFactory
from tests.conftest import tag
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements are remembered on PostgreSQL only"
)


def facets(client, **query) -> dict:
    response = client.get("/de/aktuelles/", query)
    assert response.status_code == 200
    found = response.context["facets"]
    return {
        "topics": [(topic.slug, count) for topic, count in found.topics],
        "years": list(found.years),
        "total": response.context["listing"].total,
    }


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def news(news_index):
    """Two news of two years, one of them on a topic."""
    tagged = NewsPageFactory(
        parent=news_index, title="Beteiligung", date=datetime.date(2025, 3, 1)
    )
    tag(tagged, TopicFactory(slug="buergerbeteiligung"))
    NewsPageFactory(parent=news_index, title="Anderes", date=datetime.date(2024, 4, 1))
    return tagged


def compiled(client, **query) -> int:
    """How often the facet statement was compiled for a request."""
    with mock.patch.object(
        statements, "compile_statement", wraps=statements.compile_statement
    ) as spy:
        facets(client, **query)
    return spy.call_count


@postgresql_only
def test_the_facet_statement_is_compiled_once_per_choice_of_filters(client, news):
    expected = {"topics": [("buergerbeteiligung", 1)], "years": [(2025, 1), (2024, 1)], "total": 2}
    assert compiled(client) == 1
    assert facets(client) == expected
    assert compiled(client) == 0
    # Another choice is another statement, remembered on its own.
    assert compiled(client, topic="buergerbeteiligung") == 1
    assert facets(client, topic="buergerbeteiligung") == {
        "topics": [("buergerbeteiligung", 1)],
        "years": [(2025, 1)],
        "total": 1,
    }
    assert compiled(client, topic="buergerbeteiligung") == 0
    assert len(statements.memory.entries) == 2


@postgresql_only
def test_a_remembered_statement_counts_as_the_orm_does(client, news, settings):
    remembered = [facets(client), facets(client), facets(client, year="2024")]
    settings.STATEMENT_MEMORY_SIZE = 0
    assert [facets(client), facets(client), facets(client, year="2024")] == remembered


@postgresql_only
def test_a_remembered_statement_reads_the_time_of_each_request(client, news):
    """A news item that expires between two requests (no content change: the scheduler has
    not unpublished it yet) is no longer counted by the remembered statement."""
    news.expire_at = timezone.now() + datetime.timedelta(hours=1)
    news.save_revision().publish()
    assert facets(client)["total"] == 2
    assert compiled(client) == 0
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        assert facets(client) == {"topics": [], "years": [(2024, 1)], "total": 1}


@postgresql_only
def test_a_change_of_public_content_forgets_the_statements(client, news, news_index):
    facets(client, topic="buergerbeteiligung")
    version = current_version()
    other = TopicFactory(slug="lokale-oekonomie")  # a new version
    tag(NewsPageFactory(parent=news_index, title="Neu", date=datetime.date(2025, 5, 1)), other)
    assert current_version() > version
    assert compiled(client, topic="buergerbeteiligung") == 1
    assert statements.memory.version == current_version()
    assert facets(client, topic="lokale-oekonomie")["total"] == 1


def test_outside_a_request_the_orm_compiles_each_time(news):
    rows = NewsPage.objects.values_list("title").order_by("title")
    with mock.patch.object(statements, "compile_statement") as spy:
        found = statements.remembered(("titles",), lambda: rows)
    assert found == [("Anderes",), ("Beteiligung",)]
    spy.assert_not_called()
    assert not statements.memory.entries


def twice(key, queryset) -> tuple[list, list]:
    """``queryset``'s results remembered under ``key`` in a request, then again (which must
    not compile it again)."""
    token = statements.request_version.set(current_version())
    try:
        first = statements.remembered(key, lambda: queryset)
        return first, statements.remembered(key, lambda: pytest.fail("compiled again"))
    finally:
        statements.request_version.reset(token)


@postgresql_only
def test_the_rows_are_converted_as_the_orm_converts_them(news):
    rows = (
        NewsPage.objects.order_by()
        .values_list(ExtractYear("date"))
        .annotate(total=Count("pk"))
        .order_by("-total", "date__year")
    )
    first, again = twice(("years",), rows)
    assert first == again == list(rows) == [(2024, 1), (2025, 1)]


@postgresql_only
def test_what_cannot_be_remembered_is_compiled_per_request(news):
    """Another date or time among the parameters (the caller's key could not know it),
    related rows loaded along, dictionaries: the ORM's path."""
    rows = NewsPage.objects.filter(date__lte=datetime.date(2025, 1, 1)).values_list("title")
    assert statements.compile_statement(rows) is None
    assert statements.compile_statement(NewsPage.objects.select_related("owner")) is None
    assert statements.compile_statement(NewsPage.objects.values("title")) is None
    statement = statements.compile_statement(NewsPage.objects.filter(title="x%").values_list("pk"))
    # Constants are written into the text (the plan knows them), escaped for the driver.
    assert "'x%%'" in statement.sql
    assert statement.params == []
    assert statement.model is None


@postgresql_only
def test_remembered_model_instances_are_the_orms(news):
    """Pages loaded with some fields only and an annotation, through ``raw()``: the same
    pages, the same values, the other fields deferred as the ORM defers them."""
    pages = (
        NewsPage.objects.only("title", "date")
        .annotate(visible_now=VisibleAt(timezone.now()))
        .order_by("date")
    )
    first, again = twice(("news",), pages)
    expected = list(pages)
    for found in (first, again):
        assert found == expected
        assert [(p.title, p.date, p.visible_now) for p in found] == [
            (p.title, p.date, p.visible_now) for p in expected
        ]
        assert [p.get_deferred_fields() for p in found] == [
            p.get_deferred_fields() for p in expected
        ]
        assert all(type(p) is NewsPage for p in found)


def test_the_memory_keeps_one_version_and_a_bounded_number(settings):
    settings.STATEMENT_MEMORY_SIZE = 2
    memory = statements.StatementMemory()
    for key in ("a", "b", "c"):
        memory.remember(key, ("SELECT 1", [], []), version=3)
    assert list(memory.entries) == ["b", "c"]
    memory.remember("old", ("SELECT 1", [], []), version=2)  # read before the memory's version
    assert memory.get("old", 2) is statements.MISSING
    memory.remember("d", ("SELECT 1", [], []), version=4)
    assert list(memory.entries) == ["d"]
    assert memory.get("d", 3) is statements.MISSING


def prepared_on_connection() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@postgresql_only
def test_remembered_statements_run_prepared(client, news):
    """The server parses (and, where a generic plan is as good, plans) them once per
    connection; the content version's fixed statement too."""
    expected = facets(client)
    assert facets(client) == expected
    (statement,) = statements.memory.entries.values()
    assert statement.prepared is True
    prepared = prepared_on_connection()
    head = statement.sql.split("%s")[0]  # its text up to its first parameter
    assert any(text.startswith(head) and "$1" in text for text in prepared)
    assert any(text.startswith("SELECT version FROM") for text in prepared)


@postgresql_only
def test_a_statement_the_server_cannot_prepare_runs_as_before(news):
    """With its parameters apart from its text, a GROUPING of an expression with a parameter
    is no grouping expression (the search's facets): the first run finds out, in a
    savepoint, and the statement runs with its parameters in its text, as the ORM sends it."""
    sql = (
        'SELECT GROUPING(NULLIF("title", %s)), COUNT(*) FROM "wagtailcore_page"'
        ' WHERE "title" LIKE %s GROUP BY NULLIF("title", %s)'
    )
    params = ["x", "Beteiligung", "x"]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        expected = cursor.fetchall()
    statement = statements.Statement(sql, params, [])
    assert statement.run({}) == expected == [(0, 1)]
    assert statement.prepared is False
    assert statement.run({}) == expected
    assert NewsPage.objects.count() == 2  # the transaction goes on


@postgresql_only
def test_prepared_statements_can_be_switched_off(client, news, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    expected = facets(client)
    assert facets(client) == expected
    (statement,) = statements.memory.entries.values()
    assert statement.prepared is None
    assert prepared_on_connection() == []


@postgresql_only
def test_a_time_asked_for_is_not_the_requests(home):
    """The next events at a given time are found at that time: not by a remembered
    statement, which would run with the request's time."""
    token = statements.request_version.set(current_version())
    try:
        with mock.patch.object(statements, "compile_statement") as spy:
            EventPage.objects.soonest(EVENTS_LISTING, home.locale, now=timezone.now())
        spy.assert_not_called()
        with mock.patch.object(
            statements, "compile_statement", wraps=statements.compile_statement
        ) as spy:
            EventPage.objects.soonest(EVENTS_LISTING, home.locale)
        spy.assert_called_once()
    finally:
        statements.request_version.reset(token)


def test_a_remembered_queryset_is_built_once_per_version_and_copied_for_each_use(news):
    """``remembered_queryset`` keeps a queryset (never its rows) for the request's content
    version: each use gets its own copy, and a new version builds it again."""
    built = []

    def build():
        built.append(1)
        return NewsPage.objects.annotate(year=ExtractYear("date")).order_by("title")

    def use():
        token = statements.request_version.set(current_version())
        try:
            return statements.remembered_queryset(("news with years",), build)
        finally:
            statements.request_version.reset(token)

    first = use()
    assert [(page.title, page.year) for page in first] == [
        ("Anderes", 2024),
        ("Beteiligung", 2025),
    ]
    second = use()
    assert second is not first
    assert second._result_cache is None  # no rows kept
    assert list(second.filter(title="Anderes").values_list("year", flat=True)) == [2024]
    assert [page.title for page in use()] == ["Anderes", "Beteiligung"]  # not narrowed
    # A copy used as a subquery (its aliases relabeled) leaves the remembered one as it was.
    remembered_aliases = {t: list(a) for t, a in use().query.table_map.items()}
    inner = use()
    str(NewsPage.objects.filter(pk__in=inner.values("pk")).query)
    assert {t: list(a) for t, a in use().query.table_map.items()} == remembered_aliases
    assert len(built) == 1
    NewsPageFactory(parent=news.get_parent(), title="Neu", date=datetime.date(2026, 1, 1))
    assert [page.year for page in use()] == [2024, 2025, 2026]  # a new version
    assert len(built) == 2
    statements.remembered_queryset(("news with years",), build)  # outside a request
    assert len(built) == 3
