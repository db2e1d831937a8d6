"""The profiles' order: stored German sort keys (``cms.sortkeys``), compared by code point
(``profiles.queries.by_sort_key``), order as Python's ``german_sort_key`` does, on PostgreSQL
(the test database) and on SQLite (the embedded database of the demo, which knows no
collation "C"); the keys follow the titles."""

import sqlite3

from django.db import connection, connections
from django.db.utils import ConnectionHandler

import pytest

from cms.sortkeys import german_sort_key, set_sort_keys
from profiles.models import DistrictProfilePage, MunicipalityPage
from profiles.queries import by_sort_key
from tests.conftest import translate_page

from .factories import DistrictProfilePageFactory

TITLES = ["Oberhausen", "Ökonomie", "Paderborn", "Essen", "Übach", "Ulm", "Aachen", "Ärzte"]
EXPECTED = sorted(TITLES, key=german_sort_key)
TABLE = DistrictProfilePage._meta.db_table


def compiled(database) -> tuple[str, list]:
    """The SQL of ``by_sort_key("sort_title")`` for ``database``'s backend."""
    query = DistrictProfilePage.objects.all().query
    expression = by_sort_key("sort_title").resolve_expression(query)
    sql, params = query.get_compiler(connection=database).compile(expression)
    return sql, list(params)


def test_expected_order():
    assert EXPECTED.index("Ökonomie") == EXPECTED.index("Oberhausen") + 1
    assert EXPECTED[:2] == ["Aachen", "Ärzte"]
    assert german_sort_key("Bürger*innen") == "buergerinnen"


def test_sqlite_orders_like_python():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    sql, params = compiled(ConnectionHandler({"default": sqlite})["default"])
    assert "COLLATE BINARY" in sql
    with sqlite3.connect(":memory:") as database:
        database.execute(f'CREATE TABLE "{TABLE}" ("title" text, "sort_title" text)')
        database.executemany(
            f'INSERT INTO "{TABLE}" VALUES (?, ?)', [(t, german_sort_key(t)) for t in TITLES]
        )
        order = sql.replace("%s", "?")  # Django's placeholders in sqlite3's style
        rows = database.execute(f'SELECT "title" FROM "{TABLE}" ORDER BY {order}', params)
        assert [title for (title,) in rows] == EXPECTED


@pytest.mark.django_db
def test_the_test_database_orders_like_python():
    sql, params = compiled(connections["default"])
    with connection.cursor() as cursor:
        values = ", ".join(["(%s, %s)"] * len(TITLES))
        cursor.execute(
            f'WITH "{TABLE}" ("title", "sort_title") AS (VALUES {values}) '
            f'SELECT "title" FROM "{TABLE}" ORDER BY {sql}',
            [*(value for t in TITLES for value in (t, german_sort_key(t))), *params],
        )
        assert [title for (title,) in cursor.fetchall()] == EXPECTED


@pytest.mark.django_db
class TestStoredKeys:
    def test_every_save_and_published_revision_sets_the_key(self, essen):
        profile = DistrictProfilePageFactory(parent=essen, title="Östliche Innenstadt")
        assert essen.sort_title == "essen"
        profile.refresh_from_db()
        assert profile.sort_title == "oestliche innenstadt"

        profile.title = "Übach-Palenberg Mitte"
        profile.save_revision().publish()
        profile.refresh_from_db()
        assert profile.sort_title == "uebach-palenberg mitte"

    def test_a_translation_keys_its_own_title(self, essen, profile_index_en):
        english = translate_page(essen, profile_index_en.locale, title="Äsen (en)")
        assert MunicipalityPage.objects.get(pk=english.pk).sort_title == "aesen (en)"

    def test_pages_written_without_save_get_it_from_set_sort_keys(self):
        page = DistrictProfilePage(title="Größere Höfe")
        set_sort_keys(page)
        assert page.sort_title == "groessere hoefe"
