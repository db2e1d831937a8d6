"""Wagtail's database search backend, indexing each page with the text search configuration of
its language ("german" for German pages, "english" for English ones).

Wagtail's backend uses one configuration for everything; German stemming applied to English
text (or the other way round) finds little. This backend keeps Wagtail's index and indexing and
only chooses the configuration per object. On other databases than PostgreSQL it is Wagtail's
own database backend unchanged (SQLite: less smart, but it works).
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
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguageAwarePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = defaultdict(list)
            for obj in objs:
                language = _object_language(obj)
                groups[config_for_language(language, self.backend.config)].append(obj)
            for config, group in groups.items():
                if config == self.backend.config:
                    super().add_items(model, group)
                else:
                    PostgresIndex(self.backend.with_config(config)).add_items(model, group)

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
