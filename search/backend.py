"""Wagtail's database search backend, indexing each page with the text search configuration of
its language ("german" for German pages, "english" for English ones).

Wagtail's backend uses one configuration for everything; German stemming applied to English
text (or the other way round) finds little. This backend keeps Wagtail's index (its table, its
rows' values) and chooses the configuration per object; it writes each entry in one statement
(``write_entries``), where Wagtail's writes it and then updates it again. On other databases
than PostgreSQL it is Wagtail's own database backend unchanged (SQLite: less smart, but it
works).
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.db import connection

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def language_configs() -> dict[str, str]:
    return getattr(settings, "SEARCH_LANGUAGE_CONFIGS", {"de": "german", "en": "english"})


def config_for_language(language: str, default: str) -> str:
    return language_configs().get(language, default)


def _object_language(obj) -> str | None:
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    from cms.localization import language_of_locale

    return language_of_locale(locale_id)


if connection.vendor == "postgresql":
    from django.db.models.sql.subqueries import InsertQuery

    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        ObjectIndexer,
        PostgresIndex,
        PostgresSearchBackend,
    )
    from modelsearch.utils import get_content_type_pk

    # The entries of a batch, written once. ``title_norm`` is what Wagtail's
    # ``_refresh_title_norms`` sets after its insert: the average length of the non-empty
    # titles of every entry (the batch's replacing theirs) over the entry's own; 1.0 for an
    # empty title.
    WRITE_ENTRIES_SQL = """
    WITH item (content_type_id, object_id, title, autocomplete, body, title_text, body_text)
        AS (VALUES {rows}),
    stats AS (
        SELECT avg(size)::double precision AS average FROM (
            SELECT length(entry.title) AS size FROM {table} AS entry
            WHERE length(entry.title) > 0 AND NOT EXISTS (
                SELECT FROM item
                WHERE item.content_type_id = entry.content_type_id
                  AND item.object_id = entry.object_id
            )
            UNION ALL
            SELECT length(item.title) FROM item WHERE length(item.title) > 0
        ) AS sizes
    )
    INSERT INTO {table} AS entry
        (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
    SELECT item.content_type_id, item.object_id, item.title, item.autocomplete, item.body,
        CASE WHEN length(item.title) > 0 THEN stats.average / length(item.title) ELSE 1.0 END,
        item.title_text, item.body_text
    FROM item CROSS JOIN stats
    ON CONFLICT (content_type_id, object_id) DO UPDATE SET
        title = EXCLUDED.title,
        title_norm = EXCLUDED.title_norm,
        autocomplete = EXCLUDED.autocomplete,
        body = EXCLUDED.body,
        title_text = EXCLUDED.title_text,
        body_text = EXCLUDED.body_text
    """

    class LanguageAwarePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            if not model.get_search_fields():
                return
            groups = defaultdict(list)
            for obj in objs:
                language = _object_language(obj)
                groups[config_for_language(language, self.backend.config)].append(obj)
            for config, group in groups.items():
                backend = self.backend
                if config != backend.config:
                    backend = backend.with_config(config)
                self.write_entries(model, group, backend)

        def write_entries(self, model, objs, backend) -> None:
            """Wagtail's index entries of ``objs`` with ``backend``'s configuration, each row
            written once: its ``title_norm`` (the average title length over its own, as
            Wagtail's ``_refresh_title_norms`` sets it after writing 1.0) is computed in the
            same statement. Wagtail's ``add_items`` then updates every entry it wrote: two
            versions of each row (indexing 100,000 pages left the table twice as large as its
            rows, and a broad search reads all of it) and two scans of the table per save."""
            compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
            rows, params = [], []
            content_type = get_content_type_pk(model)
            for indexer in (ObjectIndexer(obj, backend) for obj in objs):
                vectors = []
                params.extend((content_type, indexer.id))
                for name in ("title", "autocomplete", "body"):
                    field = IndexEntry._meta.get_field(name)
                    value = compiler.prepare_value(field, getattr(indexer, name))
                    sql, value_params = value.as_sql(compiler, self.write_connection)
                    vectors.append(sql)
                    params.extend(value_params)
                params.extend((indexer.title_text, indexer.body_text))
                rows.append(f"(%s::integer, %s::text, {', '.join(vectors)}, %s::text, %s::text)")
            if not rows:
                return
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    WRITE_ENTRIES_SQL.format(
                        table=IndexEntry._meta.db_table, rows=", ".join(rows)
                    ),
                    params,
                )

    class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageAwarePostgresIndex

        def with_config(self, config: str):
            """This backend with another text search configuration (for queries or indexing)."""
            clone = copy.copy(self)
            clone.config = config
            return clone


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguageAwarePostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
