"""The search service: one function, used by the search page, the topic hubs and the API.

``search(text, filters, language)`` returns ranked results with facet counts; ``attach_snippets``
adds highlighted excerpts and URLs to the results shown. On PostgreSQL the ranking comes from
``search.postgres`` (German stemming, umlaut spellings, compounds, typos, title matches first);
on other databases Wagtail's own backend answers, without stemming or fallback. Editors'
promoted results (wagtail.contrib.search_promotions) come first either way.

The best ``MAX_HITS`` matches of a language are loaded once with what the filters need; filters
and facet counts are computed from them (disjunctive facets: each facet's counts apply the
other facets' choices), so a request costs the same few queries whatever the page size.
"""

import datetime
import html
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.search_promotions.models import Query as PromotionQuery
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend

from cms.facets import Facet, FacetOption
from cms.filters import Problem, param, parse_date, parse_year
from cms.localization import locale_ids
from cms.models import TaggedPage, Topic
from cms.querysets import visible, visible_for_search
from events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from knowledge.models import KnowledgeIndexPage, PublicationPage, WorkshopPage, WorkshopSeriesPage
from profiles.models import (
    DistrictProfileIndexPage,
    DistrictProfilePage,
    MunicipalityPage,
    Regierungsbezirk,
)

from . import postgres

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_HITS = 1000  # the best matches that results and facet counts are computed from
FALLBACK_BELOW = 5  # fewer hits than this: let similar words (typos) count as well
WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\x02", "\x03"

# Result types: URL value -> (models, label). Everything else counts as "page".
TYPES = {
    "news": ((NewsPage,), gettext_lazy("News")),
    "event": ((EventPage,), gettext_lazy("Events")),
    "profile": ((DistrictProfilePage,), gettext_lazy("District profiles")),
    "municipality": ((MunicipalityPage,), gettext_lazy("Municipalities")),
    "publication": ((PublicationPage,), gettext_lazy("Publications")),
    "workshop": ((WorkshopPage, WorkshopSeriesPage), gettext_lazy("Workshops")),
    "page": ((), gettext_lazy("Pages")),
}
OVERVIEW_MODELS = (NewsIndexPage, EventIndexPage, DistrictProfileIndexPage, KnowledgeIndexPage)
# The date shown with a result and used by the year and date filters; other types have none.
DATE_FIELDS = {
    NewsPage: "date",
    EventPage: "start_date",
    PublicationPage: "publication_date",
    WorkshopPage: "date",
    WorkshopSeriesPage: "period_start",
}
FACET_LABELS = {
    "type": gettext_lazy("Type"),
    "topic": gettext_lazy("Topic"),
    "region": gettext_lazy("Administrative district"),
    "municipality": gettext_lazy("Municipality"),
    "year": gettext_lazy("Year"),
}


def type_of_model(model) -> str:
    for key, (models, __) in TYPES.items():
        if model in models:
            return key
    return "page"


# ---------------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class SearchFilters:
    type: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    municipality: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    FACETS = ("type", "topic", "region", "municipality", "year")

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def toggled(self, facet: str, value: str) -> "SearchFilters":
        current = getattr(self, facet)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self._replace(**{facet: new})

    def _replace(self, **changes) -> "SearchFilters":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return SearchFilters(**values)

    def params(self) -> list[tuple[str, str]]:
        pairs = [(facet, value) for facet in self.FACETS for value in getattr(self, facet)]
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        return pairs


def parse_filters(
    query: Mapping, known: Mapping[str, Iterable[str]]
) -> tuple[SearchFilters, list]:
    """Filters from URL parameters; unknown values are dropped and reported, never raised."""
    problems: list[Problem] = []
    values = {}
    for facet in SearchFilters.FACETS:
        raw = query.getlist(facet) if hasattr(query, "getlist") else [query.get(facet, "")]
        chosen = []
        for value in raw[:20]:
            value = param({facet: value}, facet)
            if not value:
                continue
            if facet == "year":
                year = parse_year({facet: value}, facet, problems)
                value = str(year) if year else ""
            elif value not in known[facet]:
                problems.append(Problem(facet, value, _("unknown value")))
                value = ""
            if value and value not in chosen:
                chosen.append(value)
        values[facet] = tuple(chosen)
    for name, key in (("from", "date_from"), ("to", "date_to")):
        values[key] = parse_date(query, name, problems)
    return SearchFilters(**values), problems


# ---------------------------------------------------------------------------------- results


@dataclass
class Hit:
    page_id: int
    score: float
    promoted: bool = False
    content_type_id: int = 0
    title: str = ""
    path: str = ""
    url_path: str = ""
    date: datetime.date | None = None
    topics: list[str] = field(default_factory=list)
    municipality: str = ""
    region: str = ""
    snippet: str = ""
    url: str = ""
    type: str = "page"
    facet_values: dict[str, set[str]] = field(default_factory=dict)
    detailed: bool = False  # date and topics are loaded

    @cached_property
    def model(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def type_label(self) -> str:
        return str(self.model._meta.verbose_name)

    def index_values(self, type_key: str) -> None:
        """Set the type and the values the facets count (once, after the details are in)."""
        self.type = type_key
        self.facet_values = {
            "type": {type_key},
            "topic": set(self.topics),
            "region": {self.region} if self.region else set(),
            "municipality": {self.municipality} if self.municipality else set(),
            "year": {str(self.date.year)} if self.date else set(),
        }

    def values(self, facet: str) -> set[str]:
        return self.facet_values.get(facet, set())

    def failing(self, filters: SearchFilters) -> list[str]:
        """The filters this hit does not pass: facet names, or "date" for the date range."""
        failed = [
            facet
            for facet in SearchFilters.FACETS
            if (chosen := getattr(filters, facet)) and not self.values(facet).intersection(chosen)
        ]
        if (filters.date_from and (not self.date or self.date < filters.date_from)) or (
            filters.date_to and (not self.date or self.date > filters.date_to)
        ):
            failed.append("date")
        return failed

    def matches(self, filters: SearchFilters) -> bool:
        return not self.failing(filters)


@dataclass
class SearchResponse:
    query: str
    words: list[str]
    filters: SearchFilters
    hits: list[Hit]  # all matching hits, ranked
    facets: list[Facet]
    problems: list[Problem]
    suggestions: list[Topic] = field(default_factory=list)
    spelling: str = ""  # the query with umlauts, when that differs from what was typed
    used_fallback: bool = False
    truncated: bool = False  # more than MAX_HITS pages matched; the best of them are here
    lexemes: list[set[str]] | None = None  # what snippets highlight (PostgreSQL)

    @property
    def count(self) -> int:
        return len(self.hits)


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
    promotion = PromotionQuery.objects.filter(query_string=text.casefold()).first()
    if promotion is None:
        return []
    ids = list(promotion.editors_picks.order_by("sort_order").values_list("page_id", flat=True))
    visible_ids = set(
        visible(Page.objects.filter(pk__in=ids, locale_id=locale_id)).values_list("pk", flat=True)
    )
    return [page_id for page_id in ids if page_id in visible_ids]


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
        rows = postgres.ranked(
            expansion.exact(),
            expansion.wide(),
            locale_id,
            content_types,
            DATE_FIELDS,
            MAX_HITS + 1,
        )
        ranking.lexemes = expansion.wide()
        if len(rows) < FALLBACK_BELOW and expansion.fuzzy() != expansion.wide():
            seen = {row.page_id for row in rows}
            similar = postgres.ranked(
                expansion.fuzzy(),
                expansion.fuzzy(),
                locale_id,
                content_types,
                DATE_FIELDS,
                MAX_HITS,
            )
            similar = [row for row in similar if row.page_id not in seen]
            ranking.used_fallback = bool(similar)
            ranking.lexemes = expansion.fuzzy()
            rows += similar
        found = [
            Hit(
                row.page_id,
                row.score,
                content_type_id=row.content_type_id,
                title=row.title,
                path=row.path,
                url_path=row.url_path,
                date=row.date,
                topics=row.topics,
                detailed=True,
            )
            for row in rows
        ]
    else:
        found = [Hit(page_id, score) for page_id, score in _generic_search(words, locale_id)]
    ranking.truncated = len(found) > MAX_HITS
    promoted = _promoted(clean_query(text), locale_id)
    hits = [Hit(page_id, 1000.0, promoted=True) for page_id in promoted]
    hits += [hit for hit in found if hit.page_id not in promoted]
    ranking.hits = hits[:MAX_HITS]
    return ranking


# ---------------------------------------------------------------------------------- details


def _municipalities(locale_id: int) -> dict[str, tuple[str, str, str]]:
    """Visible municipality pages of the language: path → (slug, title, region)."""
    return {
        path: (slug, title, region)
        for path, slug, title, region in visible(
            MunicipalityPage.objects.filter(locale_id=locale_id)
        ).values_list("path", "slug", "title", "regierungsbezirk")
    }


def _load_details(hits: list[Hit]) -> None:
    """Type, title, path, date and topics of hits that were ranked without them (Wagtail's
    backend on other databases, promoted pages): a fixed number of queries."""
    by_id = {hit.page_id: hit for hit in hits if not hit.detailed}
    if not by_id:
        return
    pages = Page.objects.filter(pk__in_array=list(by_id)).values_list(
        "pk", "content_type_id", "title", "path", "url_path"
    )
    for pk, content_type_id, title, path, url_path in pages:
        hit = by_id[pk]
        hit.content_type_id, hit.title, hit.path, hit.url_path = (
            content_type_id,
            title,
            path,
            url_path,
        )
        hit.detailed = True
    for model, date_field in DATE_FIELDS.items():
        content_type_id = ContentType.objects.get_for_model(model).pk
        ids = [pk for pk, hit in by_id.items() if hit.content_type_id == content_type_id]
        if ids:
            for pk, day in model.objects.filter(pk__in_array=ids).values_list("pk", date_field):
                by_id[pk].date = day
    tagged = TaggedPage.objects.filter(content_object__id__in_array=list(by_id))
    for page_id, slug in tagged.values_list("content_object_id", "tag__slug"):
        by_id[page_id].topics.append(slug)


def _attach_details(hits: list[Hit], municipalities) -> None:
    """Everything filters and facets need, for every hit."""
    _load_details(hits)
    hits[:] = [hit for hit in hits if hit.detailed]  # pages deleted since they were indexed
    depth = len(next(iter(municipalities))) if municipalities else 0
    types: dict[int, str] = {}
    for hit in hits:
        if depth and (found := municipalities.get(hit.path[:depth])):
            hit.municipality, __, hit.region = found
        if hit.content_type_id not in types:
            model = ContentType.objects.get_for_id(hit.content_type_id).model_class()
            types[hit.content_type_id] = type_of_model(model)
        hit.index_values(types[hit.content_type_id])


def _facet_labels(municipalities) -> dict[str, dict[str, str]]:
    return {
        "type": {key: str(label) for key, (__, label) in TYPES.items()},
        "topic": {topic.slug: topic.label for topic in Topic.objects.all()},
        "region": {value: str(label) for value, label in Regierungsbezirk.choices},
        "municipality": {slug: title for slug, title, __ in municipalities.values()},
        "year": {},
    }


def _facets(hits: list[Hit], filters: SearchFilters, labels) -> list[Facet]:
    """Disjunctive counts: a hit counts for facet F if it passes every filter but F's."""
    counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in SearchFilters.FACETS}
    for hit in hits:
        failed = hit.failing(filters)
        if len(failed) > 1 or failed == ["date"]:
            continue
        for name in failed or SearchFilters.FACETS:
            for value in hit.values(name):
                counts[name][value] += 1
    facets = []
    for name in SearchFilters.FACETS:
        chosen = getattr(filters, name)
        values = set(counts[name]) | set(chosen)
        options = [
            FacetOption(
                value=value,
                label=labels[name].get(value, value),
                count=counts[name].get(value, 0),
                selected=value in chosen,
            )
            for value in values
        ]
        if name == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        elif name == "type":
            order = list(TYPES)
            options.sort(key=lambda option: order.index(option.value))
        else:
            options.sort(key=lambda option: option.label.casefold())
        facets.append(Facet(name=name, label=str(FACET_LABELS[name]), options=options))
    return facets


def attach_snippets(hits: list[Hit], response: SearchResponse, language: str, request=None):
    """Highlighted excerpts and URLs for the hits shown (two queries for the whole page)."""
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
    pages = Page.objects.filter(pk__in_array=ids).only(
        "id", "path", "depth", "url_path", "locale_id"
    )
    urls = {page.pk: page.get_url(request=request) or "" for page in pages}
    for hit in hits:
        raw = html.escape(snippets.get(hit.page_id, ""))
        hit.snippet = raw.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
        hit.url = urls.get(hit.page_id, "")


def _python_snippet(body: str, words: list[str]) -> str:
    body = re.sub(postgres.TOPIC_TEXT_PATTERN, "", body)
    lowered = body.casefold()
    position = min((lowered.find(w) for w in words if w in lowered), default=0)
    start = max(0, position - 80)
    excerpt = body[start : start + 240]
    for word in words:
        excerpt = re.sub(
            re.escape(word), lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", excerpt, flags=re.I
        )
    return ("… " if start else "") + excerpt + (" …" if len(body) > start + 240 else "")


# ---------------------------------------------------------------------------------- entry


def search(text: str, query_params: Mapping, language: str) -> SearchResponse:
    """Search the pages of one language. ``query_params`` holds the facet filters."""
    locale_id = locale_ids().get(language) or Locale.get_default().pk
    text = clean_query(text)
    municipalities = _municipalities(locale_id)
    labels = _facet_labels(municipalities)
    known = {name: set(values) for name, values in labels.items()}
    filters, problems = parse_filters(query_params, known)
    ranking = rank(text, language)
    hits = ranking.hits
    _attach_details(hits, municipalities)
    matching = [hit for hit in hits if hit.matches(filters)]
    words = query_words(text)
    response = SearchResponse(
        query=text,
        words=words,
        filters=filters,
        hits=matching,
        facets=_facets(hits, filters, labels),
        problems=problems,
        used_fallback=ranking.used_fallback,
        truncated=ranking.truncated,
        lexemes=ranking.lexemes,
    )
    if words and not matching:
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
