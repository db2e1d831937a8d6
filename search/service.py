"""The search service: one function, used by the search page and the API.

``search(text, query, language)`` ranks the pages that match the words (``rank``) and hands
the ranked ids to the listing engine: the search's filter set (``search.filters``) narrows
them, counts the facets (disjunctive: each facet's counts apply the other facets' choices,
one grouped query per facet) and pages through them in SQL, in the order of the ranking.
``attach_snippets`` adds highlighted excerpts to the results shown. On PostgreSQL the ranking
comes from ``search.postgres`` (German stemming, umlaut spellings, compounds, typos, title
matches first); on other databases Wagtail's own backend answers, without stemming or
fallback. Editors' promoted results (wagtail.contrib.search_promotions) come first either way.
"""

import datetime
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend

from cms.facets import Facet
from cms.filters import Problem
from cms.listing import Listing, Selection
from cms.localization import default_language, locale_ids
from cms.models import Topic
from cms.querysets import visible, visible_for_search
from cms.statements import remembered
from cms.topics import topic_slugs_of

from . import postgres
from .filters import SearchFilters, hits_queryset

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_HITS = 1000  # the best matches that results and facet counts are computed from
FALLBACK_BELOW = 5  # fewer hits than this: let similar words (typos) count as well
WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\x02", "\x03"


# ---------------------------------------------------------------------------------- results


@dataclass
class Hit:
    page_id: int
    score: float
    promoted: bool = False
    content_type_id: int = 0
    title: str = ""
    date: datetime.date | None = None
    topics: list[str] = field(default_factory=list)
    municipality: str = ""
    region: str = ""
    snippet: str = ""
    url: str = ""
    type: str = "page"
    page: Page | None = None  # the page as the listing loaded it (for its URL)

    @cached_property
    def model(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def type_label(self) -> str:
        return str(self.model._meta.verbose_name)


@dataclass
class SearchResponse:
    query: str
    words: list[str]
    filters: Selection  # the parsed filters
    listing: Listing  # the page of results asked for, the total and the facets
    hits: list[Hit]  # the results of the page asked for, ranked
    suggestions: list[Topic] = field(default_factory=list)
    spelling: str = ""  # the query with umlauts, when that differs from what was typed
    used_fallback: bool = False
    truncated: bool = False  # more than MAX_HITS pages matched; the best of them are here
    lexemes: list[set[str]] | None = None  # what snippets highlight (PostgreSQL)

    @property
    def count(self) -> int:
        return self.listing.total

    @property
    def facets(self) -> list[Facet]:
        return self.listing.facets

    @property
    def problems(self) -> list[Problem]:
        return self.listing.problems

    @property
    def page(self):
        """Django's paginator page (HTML), its items are the hits."""
        return self.listing.page


# ---------------------------------------------------------------------------------- queries


UMLAUT_SPELLINGS = [("ae", "ä"), ("oe", "ö"), ("ue", "ü")]


def clean_query(text: str) -> str:
    text = (text or "").replace("\x00", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_words(text: str) -> list[str]:
    """The searchable words: letters and digits only, so no tsquery or SQL syntax survives."""
    return [word.casefold() for word in WORD.findall(text)][:MAX_WORDS]


def spelling_variants(word: str) -> list[str]:
    """The word as typed and, if it contains ae/oe/ue, with umlauts ("buerger" → "bürger")."""
    variant = word
    for plain, umlaut in UMLAUT_SPELLINGS:
        variant = re.sub(rf"(?<!q){plain}" if plain == "ue" else plain, umlaut, variant)
    return [word] if variant == word else [word, variant]


def umlaut_spelling(words: list[str]) -> str:
    spelled = " ".join(spelling_variants(word)[-1] for word in words)
    return spelled if spelled != " ".join(words) else ""


def _page_content_types() -> list[int]:
    return [ContentType.objects.get_for_model(model).pk for model in get_page_models()]


def _generic_search(words, locale_id) -> list[tuple[int, float]]:
    """Other databases: Wagtail's own backend (no stemming, no fallback); pages with every
    word in the title first."""
    backend = get_search_backend()
    queryset = visible_for_search(Page.objects.filter(locale_id=locale_id)).only("id", "title")
    results = backend.search(" ".join(words), queryset, operator="and").annotate_score("_score")
    ranked = [(page, page._score or 0.0) for page in results[: MAX_HITS + 1]]
    ranked.sort(key=lambda pair: not all(word in pair[0].title.casefold() for word in words))
    return [(page.pk, score) for page, score in ranked]


def _promoted(text: str, locale_id: int) -> list[int]:
    """The visible pages editors promoted for ``text``, in their order: one statement for
    every search of the language, the query string sent with it (``cms.statements``)."""
    query_strings = [text.casefold()]
    rows = remembered(
        ("search: promoted", locale_id),
        lambda: (
            SearchPromotion.objects.filter(
                query__query_string__in_array=query_strings,
                page__in=visible(Page.objects.filter(locale_id=locale_id)),
            )
            .order_by("sort_order", "pk")
            .values_list("page_id")
        ),
        slots={"query": query_strings},
    )
    return [page_id for (page_id,) in rows]


@dataclass
class Ranking:
    hits: list[Hit]
    truncated: bool = False  # more pages matched than MAX_HITS
    used_fallback: bool = False  # similar words (typos) were needed
    lexemes: list[set[str]] | None = None  # what to highlight (PostgreSQL)


def rank(text: str, language: str) -> Ranking:
    """The pages of one language that match the words, best first (promoted ones first)."""
    words = query_words(text)
    locale_id = locale_ids().get(language)
    if not words or locale_id is None:
        return Ranking([])
    ranking = Ranking([])
    if connection.vendor == "postgresql":
        expansion = postgres.expand([spelling_variants(word) for word in words], language)
        if not expansion.stems:  # only stop words
            return ranking
        content_types = _page_content_types()
        # The probe pays where the language holds most of the index: the site's own
        # language. In another the other's pages fill it (English "Netzwerk" at 100,000
        # pages: probe and full ranking 290 ms, the full ranking alone 211).
        probe = language == default_language()
        rows = postgres.ranked(
            expansion.exact(),
            expansion.wide(),
            locale_id,
            content_types,
            MAX_HITS + 1,
            probe=probe,
        )
        ranking.lexemes = expansion.wide()
        if len(rows) < FALLBACK_BELOW and expansion.fuzzy() != expansion.wide():
            seen = {row.page_id for row in rows}
            similar = postgres.ranked(
                expansion.fuzzy(),
                expansion.fuzzy(),
                locale_id,
                content_types,
                MAX_HITS,
                probe=probe,
            )
            similar = [row for row in similar if row.page_id not in seen]
            ranking.used_fallback = bool(similar)
            ranking.lexemes = expansion.fuzzy()
            rows += similar
        found = [Hit(row.page_id, row.score) for row in rows]
    else:
        found = [Hit(page_id, score) for page_id, score in _generic_search(words, locale_id)]
    ranking.truncated = len(found) > MAX_HITS
    promoted = _promoted(clean_query(text), locale_id)
    hits = [Hit(page_id, 1000.0, promoted=True) for page_id in promoted]
    hits += [hit for hit in found if hit.page_id not in promoted]
    ranking.hits = hits[:MAX_HITS]
    return ranking


def attach_snippets(hits: list[Hit], response: SearchResponse, language: str, request=None):
    """Highlighted excerpts and URLs for the hits shown (one query for the whole page; the
    URLs come from the pages the listing loaded)."""
    if not hits:
        return
    ids = [hit.page_id for hit in hits]
    if connection.vendor == "postgresql" and response.lexemes:
        snippets = postgres.headlines(ids, response.lexemes, language, _page_content_types())
    else:
        entries = postgres.page_entries(_page_content_types()).filter(
            object_id__in_array=[str(page_id) for page_id in ids]
        )
        # Outside PostgreSQL the index keeps the plain text in "body".
        snippets = {
            int(object_id): _python_snippet(body or "", response.words)
            for object_id, body in entries.values_list("object_id", "body")
        }
    for hit in hits:
        raw = html.escape(snippets.get(hit.page_id, ""))
        hit.snippet = raw.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
        hit.url = (hit.page.get_url(request=request) if hit.page else "") or ""


def _python_snippet(body: str, words: list[str], width: int = 240, before: int = 80) -> str:
    """Outside PostgreSQL: about ``width`` characters around the first found word, cut at word
    boundaries (never mid-word), with the words marked."""
    body = " ".join(re.sub(postgres.TOPIC_TEXT_PATTERN, "", body).split())
    lowered = body.casefold()
    found = [lowered.find(word.casefold()) for word in words if word.casefold() in lowered]
    position = min(found, default=0)
    start = max(0, position - before)
    if start:
        # back to the beginning of the word the cut would fall into
        start = body.rfind(" ", 0, start + 1) + 1
    end = start + width
    if end < len(body):
        # back to the end of the last whole word (unless that would lose the found word)
        boundary = body.rfind(" ", start, end + 1)
        if boundary > position:
            end = boundary
    excerpt = body[start:end]
    for word in words:
        excerpt = re.sub(
            re.escape(word), lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", excerpt, flags=re.I
        )
    return ("… " if start else "") + excerpt + (" …" if end < len(body) else "")


# ---------------------------------------------------------------------------------- entry


def search(
    text: str,
    query: Mapping | None,
    language: str,
    *,
    selection: Selection | None = None,
    filterset: SearchFilters | None = None,
    page=None,
    per_page: int | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> SearchResponse:
    """Search the pages of one language. ``query`` holds the filters (or give the parsed
    ``selection``); ``page``/``per_page`` (HTML) or ``offset``/``limit`` (API, default: the
    first 100) choose the results returned. A fixed number of queries: expansion and ranking,
    promotions, one per facet, the page of results and their topics (one more for the ranking
    when its probe of the best matches found too few visible, ``search.postgres.ranked``;
    two more when fewer than ``FALLBACK_BELOW`` pages match: the similar words and a ranking
    that lets them count)."""
    locale_id = locale_ids().get(language) or Locale.get_default().pk
    text = clean_query(text)
    if filterset is None:
        filterset = SearchFilters(context={"locale_id": locale_id})
    if selection is None:
        selection = filterset.parse(query or {})
    ranking = rank(text, language)
    ranked = {hit.page_id: hit for hit in ranking.hits}
    ranked_ids = list(ranked)
    hits_found = hits_queryset(ranked_ids, filterset.context)

    def load(shown):
        if not ranked_ids:
            return []  # nothing found: nothing to load
        if selection.is_empty():
            # Nothing narrows the ranking: the page's hits are a slice of it, loaded by their
            # keys alone, without the 1,000 ranked keys and their order ("Quartier" at
            # 100,000 pages: 25 -> 4 ms).
            page_ids = ranked_ids[shown.query.low_mark : shown.query.high_mark]
            # Its statement is the same for every search of the language but for the keys
            # (``cms.statements``); they are put in their order here.
            found = remembered(
                ("search: page of hits", locale_id),
                lambda: hits_queryset(page_ids, filterset.context).order_by(),
                slots={"ids": page_ids},
            )
            place = {page_id: number for number, page_id in enumerate(page_ids)}
            return sorted(found, key=lambda hit: place[hit.pk])
        # The page's hits are chosen by their keys alone (PostgreSQL then drops the joins
        # that only the columns need), and only those are loaded with their columns: sorted
        # with them, every ranked hit was joined ("Quartier": 1,000 rows for 10, 11 -> 3 ms).
        return list(hits_found.filter(pk__in_selected=shown.values("pk")))

    listing = filterset.run(
        hits_found,
        selection,
        page=page,
        per_page=per_page,
        offset=offset,
        limit=limit,
        load=load,
        # The facet statement is the same for every search of a language and choice of
        # filters but for the ranked hits, which it is sent with (``cms.statements``).
        statement_key=("search", locale_id) if ranked_ids else None,
        statement_slots={"hits": ranked_ids},
    )
    topics = topic_slugs_of(listing.items)
    hits = []
    for item in listing.items:
        hit = ranked[item.pk]
        hit.page = item
        hit.content_type_id = item.content_type_id
        hit.title = item.title
        hit.type = item.search_type
        hit.date = item.search_date
        hit.municipality = item.search_municipality or ""
        hit.region = item.search_region or ""
        hit.topics = topics.get(item.pk, [])
        hits.append(hit)
    if listing.page is not None:
        listing.page.object_list = hits
    listing.items = hits
    words = query_words(text)
    response = SearchResponse(
        query=text,
        words=words,
        filters=selection,
        listing=listing,
        hits=hits,
        used_fallback=ranking.used_fallback,
        truncated=ranking.truncated,
        lexemes=ranking.lexemes,
    )
    if words and not listing.total:
        response.spelling = umlaut_spelling(words)
        response.suggestions = suggest_topics(words)
    return response


def suggest_topics(words: list[str], limit: int = 5) -> list[Topic]:
    """Topics whose label or synonyms resemble the query (for "no results")."""
    import difflib

    topics = list(Topic.objects.all())
    scored = []
    for topic in topics:
        names = [topic.label, topic.name, *[s.strip() for s in topic.synonyms.split(",") if s]]
        terms = {part.casefold() for name in names for part in WORD.findall(name)}
        score = max(
            (
                difflib.SequenceMatcher(None, word, term).ratio()
                for word in words
                for term in terms
            ),
            default=0,
        )
        if score >= 0.6:
            scored.append((score, topic))
    scored.sort(key=lambda pair: -pair[0])
    return [topic for __, topic in scored[:limit]]
