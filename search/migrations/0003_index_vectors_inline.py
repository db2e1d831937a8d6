"""PostgreSQL: keep the search index's title and body vectors in the table's rows.

A search ranks every entry that matches its words (``ts_rank`` over the title and body
vectors, ``search.postgres``). With PostgreSQL's default storage a body vector of more than
about 2 kB is moved out of the row into the TOAST table, and ranking then reads it back from
there, entry by entry: at 100,000 pages "Quartier" ranks 11,600 entries and read 27,000 TOAST
pages for them. ``STORAGE MAIN`` keeps the vectors in the row as long as it fits a page (the
plain texts, read only for the excerpts of the results shown, still move out first): the
ranking query of "Quartier" 88 -> 77 ms, "Netzwerk" 250 -> 183 ms (same table, compacted).

The table is rewritten once (the ``USING`` expression is the vector itself, unchanged) so that
existing entries move in as well; the lexeme trigger (migration 0001) depends on the column
and is recreated around it. Nothing happens on other databases.
"""

from django.db import migrations

TRIGGER = """
CREATE TRIGGER search_lexeme_collect
    AFTER INSERT OR UPDATE OF title, body ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_lexeme_collect();
"""


def rewrite(storage: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS search_lexeme_collect ON wagtailsearch_indexentry;
ALTER TABLE wagtailsearch_indexentry
    ALTER COLUMN body TYPE tsvector USING body || ''::tsvector,
    ALTER COLUMN title SET STORAGE {storage},
    ALTER COLUMN body SET STORAGE {storage};
{TRIGGER}
ANALYZE wagtailsearch_indexentry;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(rewrite("MAIN"))


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(rewrite("EXTENDED"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_topic_pages")]

    operations = [migrations.RunPython(forward, backward)]
