"""PostgreSQL: the vocabulary of the search index, for compound words and typos.

``search_lexeme`` holds every lexeme (stemmed word) that occurs in Wagtail's search index; a
trigger adds the lexemes of each index entry as it is written. The search service looks up
the lexemes that contain a query word ("beteil" in "burgerbeteil": compounds) or resemble it
(pg_trgm similarity: typos) and then searches the index's tsvectors with them, so every
search uses the full-text GIN indexes and never scans the documents' text.

Lexemes of deleted text stay in the table; they cost a few bytes and find nothing.
Nothing happens on other databases.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS search_lexeme (word text PRIMARY KEY);
CREATE INDEX IF NOT EXISTS search_lexeme_word_trgm
    ON search_lexeme USING gin (word gin_trgm_ops);

CREATE OR REPLACE FUNCTION search_lexeme_collect() RETURNS trigger AS $$
BEGIN
    INSERT INTO search_lexeme (word)
    SELECT DISTINCT lexeme
    FROM unnest(coalesce(NEW.title, ''::tsvector) || coalesce(NEW.body, ''::tsvector))
    WHERE length(lexeme) BETWEEN 3 AND 60
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS search_lexeme_collect ON wagtailsearch_indexentry;
CREATE TRIGGER search_lexeme_collect
    AFTER INSERT OR UPDATE OF title, body ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_lexeme_collect();

INSERT INTO search_lexeme (word)
SELECT DISTINCT lexeme
FROM wagtailsearch_indexentry,
    unnest(coalesce(title, ''::tsvector) || coalesce(body, ''::tsvector))
WHERE length(lexeme) BETWEEN 3 AND 60
ON CONFLICT DO NOTHING;
"""

BACKWARD = """
DROP TRIGGER IF EXISTS search_lexeme_collect ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_lexeme_collect();
DROP TABLE IF EXISTS search_lexeme;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forward, backward)]
