"""The profiles' SQL sort key (``profiles.queries.german_order``) orders as Python's
``profiles.filters.sort_key`` does, on PostgreSQL (the test database) and on SQLite (the
embedded database of the demo, which knows no collation "C")."""

import sqlite3

from django.db import connection, connections
from django.db.models import F
from django.db.utils import ConnectionHandler

from wagtail.models import Page

import pytest

from profiles.filters import sort_key
from profiles.queries import german_order

TITLES = ["Oberhausen", "Ökonomie", "Paderborn", "Essen", "Übach", "Ulm", "Aachen", "Ärzte"]
EXPECTED = sorted(TITLES, key=sort_key)


def compiled(database) -> tuple[str, list]:
    """The SQL of ``german_order(title)`` for ``database``'s backend."""
    query = Page.objects.all().query
    expression = german_order(F("title")).resolve_expression(query)
    sql, params = query.get_compiler(connection=database).compile(expression)
    return sql, list(params)


def test_expected_order():
    assert EXPECTED.index("Ökonomie") == EXPECTED.index("Oberhausen") + 1
    assert EXPECTED[:2] == ["Aachen", "Ärzte"]


def test_sqlite_orders_like_python():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    sql, params = compiled(ConnectionHandler({"default": sqlite})["default"])
    assert "COLLATE BINARY" in sql
    with sqlite3.connect(":memory:") as database:
        database.execute('CREATE TABLE "wagtailcore_page" ("title" text)')
        database.executemany('INSERT INTO "wagtailcore_page" VALUES (?)', [(t,) for t in TITLES])
        order = sql.replace("%s", "?")  # Django's placeholders in sqlite3's style
        rows = database.execute(f'SELECT "title" FROM "wagtailcore_page" ORDER BY {order}', params)
        assert [title for (title,) in rows] == EXPECTED


@pytest.mark.django_db
def test_the_test_database_orders_like_python():
    sql, params = compiled(connections["default"])
    with connection.cursor() as cursor:
        values = ", ".join(["(%s)"] * len(TITLES))
        cursor.execute(
            f'WITH "wagtailcore_page" ("title") AS (VALUES {values}) '
            f'SELECT "title" FROM "wagtailcore_page" ORDER BY {sql}',
            [*TITLES, *params],
        )
        assert [title for (title,) in cursor.fetchall()] == EXPECTED
