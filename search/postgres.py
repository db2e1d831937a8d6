"""Full-text search on PostgreSQL: German (and English) stemming, umlaut spellings, compound
words and typos, all answered from the tsvector GIN indexes of Wagtail's search index.

1. Each query word is stemmed with the language's text search configuration, in every
   spelling the visitor may have meant ("Buergerbeteiligung" → "buergerbeteil" and, read with
   umlauts, "burgerbeteil"; the German stemmer folds ä/ö/ü to a/o/u and ß to ss).
2. The vocabulary of the index (table ``search_lexeme``, kept up to date by a trigger, see
   migration 0001) gives the lexemes that *contain* a stem ("beteil" → "burgerbeteil",
   "beteiligungsformat": German compounds) and those that *resemble* it (pg_trgm similarity:
   "beteilg" → "beteil": typos).
3. One query ranks the pages that match every word through its stem or a compound containing
   it, exact matches first; only when that finds little, similar words are looked up and a
   second ranking lets them count too.
"""

import string
from dataclasses import dataclass, field

from django.db import connection

from wagtail.models import Page

from cms.querysets import visible
from cms.statements import fixed_cursor, remembered_sql

from .backend import config_for_language

TITLE_WEIGHT = 2.0
MIN_PART_STEM = 5  # shorter stems occur inside too many unrelated words ("ess" in "interess")
MAX_PARTS = 60  # compound lexemes per word, shortest first
MIN_SIMILAR_STEM = 4
SIMILARITY_MIN = 0.6  # "beteilg" ~ "beteil" 0.67; "stadtteilf" ~ "stadtteil" 0.58 is not
MAX_SIMILAR = 8
SNIPPET_SOURCE_CHARS = 20_000
# Topic labels and synonyms are indexed with the page (cms TopicsMixin) between these brackets;
# they help finding but read badly in an excerpt, so snippets leave them out.
TOPIC_TEXT_PATTERN = "⟦[^⟧]*⟧"

EXPAND_SQL = """
WITH input AS (
    SELECT word_no, variant FROM unnest(%s::int[], %s::text[]) AS t(word_no, variant)
), stems AS (
    SELECT DISTINCT input.word_no, lexeme AS stem
    FROM input, unnest(to_tsvector(%s::regconfig, input.variant))
)
SELECT word_no, 'stem', stem FROM stems
UNION ALL
SELECT stems.word_no, 'part', parts.word
FROM stems CROSS JOIN LATERAL (
    SELECT word FROM search_lexeme
    WHERE length(stems.stem) >= %s
      AND word LIKE '%%' || replace(replace(stems.stem, '\\', '\\\\'), '_', '\\_') || '%%'
      AND word <> stems.stem
    ORDER BY length(word), word
    LIMIT %s
) AS parts
"""

# Lexemes that resemble the stems (typos): asked only when the ranking found too few pages
# (on every search it cost 2.7 of the demo search's 40 ms).
SIMILAR_SQL = """
SELECT stems.word_no, alike.word
FROM unnest(%s::int[], %s::text[]) AS stems(word_no, stem) CROSS JOIN LATERAL (
    SELECT word FROM search_lexeme
    WHERE length(stems.stem) >= %s
      AND word %% stems.stem
      AND similarity(word, stems.stem) >= %s
    ORDER BY similarity(word, stems.stem) DESC, word
    LIMIT %s
) AS alike
"""


@dataclass
class Expansion:
    """Per query word (stop words dropped): its stems, compounds containing them, look-alikes
    (asked of the database when first needed)."""

    stems: list[set[str]] = field(default_factory=list)
    parts: list[set[str]] = field(default_factory=list)
    _similar: list[set[str]] | None = None

    def exact(self) -> list[set[str]]:
        return self.stems

    def wide(self) -> list[set[str]]:
        return [stems | parts for stems, parts in zip(self.stems, self.parts, strict=True)]

    @property
    def similar(self) -> list[set[str]]:
        if self._similar is None:
            self._similar = similar_lexemes(self)
        return self._similar

    def fuzzy(self) -> list[set[str]]:
        return [wide | similar for wide, similar in zip(self.wide(), self.similar, strict=True)]


def expand(variants: list[list[str]], language: str) -> Expansion:
    """Stems, compound lexemes and similar lexemes of each word (given in its spellings)."""
    positions, texts = [], []
    for position, spellings in enumerate(variants):
        for spelling in spellings:
            positions.append(position)
            texts.append(spelling)
    with fixed_cursor() as cursor:
        cursor.execute(
            EXPAND_SQL,
            [
                positions,
                texts,
                config_for_language(language, "simple"),
                MIN_PART_STEM,
                MAX_PARTS,
            ],
        )
        rows = cursor.fetchall()
    found: dict[int, dict[str, set[str]]] = {}
    for position, kind, lexeme in rows:
        found.setdefault(position, {"stem": set(), "part": set()})
        found[position][kind].add(lexeme)
    expansion = Expansion()
    for position in sorted(found):  # words without stems were stop words
        kinds = found[position]
        expansion.stems.append(kinds["stem"])
        expansion.parts.append(kinds["part"] - kinds["stem"])
    return expansion


def similar_lexemes(expansion: Expansion) -> list[set[str]]:
    """Per word of ``expansion``: the lexemes of the index that resemble one of its stems
    (pg_trgm similarity) and are none of its stems or compounds (one query)."""
    positions, stems = [], []
    for position, word_stems in enumerate(expansion.stems):
        for stem in sorted(word_stems):
            positions.append(position)
            stems.append(stem)
    with fixed_cursor() as cursor:
        cursor.execute(
            SIMILAR_SQL, [positions, stems, MIN_SIMILAR_STEM, SIMILARITY_MIN, MAX_SIMILAR]
        )
        rows = cursor.fetchall()
    similar: list[set[str]] = [set() for __ in expansion.stems]
    for position, lexeme in rows:
        similar[position].add(lexeme)
    return [found - wide for found, wide in zip(similar, expansion.wide(), strict=True)]


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(groups: list[set[str]]) -> str:
    """A tsquery of lexemes as the index stores them (no parsing, no stemming a second time):
    every group must match (AND) through one of its lexemes (OR)."""
    return " & ".join(
        "(" + " | ".join(_quote(lexeme) for lexeme in sorted(group)) + ")" for group in groups
    )


def _index_entries():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")


def page_entries(content_type_ids):
    return _index_entries().objects.filter(content_type_id__in=content_type_ids)


# The score of an entry: its title's rank (weighed) plus its body's, both for the wide query.
# A title's rank is asked only of titles with one of the query's lexemes ({any}): most matches
# match in the body alone, and ``ts_rank`` sorts the query's lexemes for every row it ranks
# ("Quartier", 15 lexemes, 11,600 matches at 100,000 pages: the ranking 157 -> 129 ms). A
# title without any of them ranks 0 (``ts_rank`` gives 0, or 1e-20 for a query of several
# words, which double precision drops beside a body's rank).
SCORE_SQL = (
    "CASE WHEN entry.title @@ {any} THEN ts_rank(entry.title, {wide}) * entry.title_norm "
    "* {weight} ELSE 0 END + ts_rank(entry.body, {wide})"
)

# Exact matches rank before all others: when there are as many as asked for, those are the
# answer and the other matches are never ranked (PostgreSQL skips the second part of the union
# on the count of the first). A broad word ranks its exact matches only, not every page with a
# compound containing it ("Quartier": 11,600 instead of 40,700 entries at 100,000 pages).
# An entry's page is its ``object_id`` as a number, looked up among the visible pages: joined
# to the page table through ``page.id::text`` instead, PostgreSQL hashed the ids of all
# 100,000 pages for every search ("Quartier" 120 -> 80-100 ms, same rows). Every indexed
# model has an integer key (``tests/search/test_service.py``), so the cast cannot fail.
# The content types are compared as ``content_type_id + 0``: nearly every entry is a page's,
# and through their index PostgreSQL read the keys of all 100,000 entries to AND them with the
# matches (8 ms of the ranking of "Quartier"); compared, they are checked on the matches.
RANKED_TEMPLATE = """
WITH exact_hits AS (
    SELECT entry.object_id::bigint AS id, {score} AS score, TRUE AS exact
    FROM {entries} AS entry
    WHERE entry.content_type_id + 0 = ANY({types})
      AND (entry.title @@ {exact} OR entry.body @@ {exact})
      AND entry.object_id::bigint IN ({candidates})
    ORDER BY score DESC, id
    LIMIT {limit}
)
SELECT id, score, exact FROM exact_hits
UNION ALL
{others}
ORDER BY exact DESC, score DESC, id
LIMIT {limit}
"""

# The matches that are no exact ones, ranked when fewer exact ones are visible than asked for.
OTHERS_SQL = """(
    SELECT entry.object_id::bigint AS id, {score} AS score, FALSE AS exact
    FROM {entries} AS entry
    WHERE (SELECT count(*) FROM exact_hits) < {limit}
      AND {settled}
      AND entry.content_type_id + 0 = ANY({types})
      AND (entry.title @@ {wide} OR entry.body @@ {wide})
      AND NOT (entry.title @@ {exact} OR entry.body @@ {exact})
      AND entry.object_id::bigint IN ({candidates})
    ORDER BY score DESC, id
    LIMIT {limit}
)"""

# The same answer, first tried on the best ``probe`` exact matches: ranked apart from the
# visibility check, PostgreSQL sorts only their keys and scores and keeps the best (joined to
# the pages, it sorted every match with its vectors, 1.3 kB each, on disk above 4 MB).
# "Quartier" 73 -> 51 ms, "Netzwerk" (64,000 matches) 160 -> 85. When fewer than ``limit`` of
# the probed matches are visible and more matched, the answer is not settled: the statement
# returns a row of NULLs and ``ranked`` asks RANKED_SQL instead.
PROBED_TEMPLATE = """
WITH exact_top AS MATERIALIZED (
    SELECT entry.object_id::bigint AS id, {score} AS score
    FROM {entries} AS entry
    WHERE entry.content_type_id + 0 = ANY({types})
      AND (entry.title @@ {exact} OR entry.body @@ {exact})
    ORDER BY score DESC, id
    LIMIT {probe}
), exact_hits AS (
    SELECT id, score FROM exact_top
    WHERE id IN ({candidates})
    ORDER BY score DESC, id
    LIMIT {limit}
), settled AS (
    SELECT (SELECT count(*) FROM exact_hits) = {limit}
        OR (SELECT count(*) FROM exact_top) < {probe} AS yes
)
SELECT id, score, TRUE AS exact FROM exact_hits
UNION ALL
{others}
UNION ALL
SELECT NULL, NULL, NULL FROM settled WHERE NOT settled.yes
ORDER BY exact DESC, score DESC, id
LIMIT {limit}
"""


def _ranking_sql(template: str, settled: str) -> str:
    """A ranking statement with its part for the other matches (asked when ``settled``)."""
    others = OTHERS_SQL.replace("{settled}", settled)
    return template.replace("{others}", others).replace("{score}", SCORE_SQL)


RANKED_SQL = _ranking_sql(RANKED_TEMPLATE, "TRUE")
PROBED_SQL = _ranking_sql(PROBED_TEMPLATE, "(SELECT yes FROM settled)")
PROBE_FACTOR = 2  # matches probed per page asked for


def compose(template: str, **fragments: tuple[str, list]) -> tuple[str, list]:
    """SQL and its parameters from a template whose ``{name}`` fields are SQL fragments with
    parameters of their own, in the order the fields appear (a field may appear many times)."""
    sql, params = [], []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        sql.append(literal)
        if name:
            fragment, fragment_params = fragments[name]
            sql.append(fragment)
            params += fragment_params
    return "".join(sql), params


@dataclass
class Row:
    """A ranked page (what the filters read comes later, from ``search.filters``)."""

    page_id: int
    score: float
    exact: bool


def ranked(
    exact: list[set[str]],
    wide: list[set[str]],
    locale_id: int,
    content_type_ids,
    limit: int,
    *,
    probe: bool = True,
) -> list[Row]:
    """Pages matching every ``wide`` group, those matching every ``exact`` group first, then
    by rank (title matches weigh double). One query (two when the probe is not settled;
    ``probe=False`` asks the full ranking at once)."""
    candidates, candidate_params = remembered_sql(  # compiled once (``cms.statements``)
        ("search: candidates", locale_id),
        lambda: visible(Page.objects.filter(locale_id=locale_id)).order_by().values_list("pk"),
    )
    quote = connection.ops.quote_name
    fragments = {
        "entries": (quote(_index_entries()._meta.db_table), []),
        "candidates": (candidates, list(candidate_params)),
        # The queries as constants, not columns of a CTE: the planner then estimates from the
        # index's statistics how many entries match (and ranks them in parallel when many).
        "wide": ("%s::tsquery", [tsquery_text(wide)]),
        "exact": ("%s::tsquery", [tsquery_text(exact)]),
        "any": ("%s::tsquery", [tsquery_text([set().union(*wide)])]),
        "weight": ("%s", [TITLE_WEIGHT]),
        "types": ("%s", [list(content_type_ids)]),
        "limit": ("%s", [limit]),
        "probe": ("%s", [limit * PROBE_FACTOR]),
    }
    with connection.cursor() as cursor:
        if probe:
            cursor.execute(*compose(PROBED_SQL, **fragments))
            rows = cursor.fetchall()
            if all(row[0] is not None for row in rows):
                return [Row(*row) for row in rows]
        cursor.execute(*compose(RANKED_SQL, **fragments))
        return [Row(*row) for row in cursor.fetchall()]


# Excerpts of the pages shown: the body without the topic text, cut to its first
# ``SNIPPET_SOURCE_CHARS``, the words of the query marked. One text for every search (its
# parameters apart: run prepared where that is on); built with the ORM per request, the
# statement cost 1.1 of the search page's 17 ms before it ran.
HEADLINE_SQL = """
SELECT entry.object_id, ts_headline(
    %s::regconfig,
    regexp_replace(substr(entry.body_text, 1, %s), %s, '', 'g'),
    %s::tsquery,
    %s
)
FROM {entries} AS entry
WHERE entry.content_type_id = ANY(%s) AND entry.object_id = ANY(%s)
"""
HEADLINE_OPTIONS = (
    "StartSel='\x02', StopSel='\x03', MaxWords=30, MinWords=12, MaxFragments=2, "
    "FragmentDelimiter=' … '"
)


def headlines(page_ids, groups: list[set[str]], language: str, content_type_ids) -> dict:
    """Excerpts with the matching words between \\x02 and \\x03, by page id (one query)."""
    sql = HEADLINE_SQL.replace(
        "{entries}", connection.ops.quote_name(_index_entries()._meta.db_table)
    )
    params = [
        config_for_language(language, "simple"),
        SNIPPET_SOURCE_CHARS,
        TOPIC_TEXT_PATTERN,
        tsquery_text(groups),
        HEADLINE_OPTIONS,
        list(content_type_ids),
        [str(page_id) for page_id in page_ids],
    ]
    with fixed_cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {int(object_id): snippet or "" for object_id, snippet in rows}
