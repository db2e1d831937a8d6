"""The search page and the suggestions endpoint: HTML, bad input, query counts."""

import re
from unittest import mock

from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from cms import statements
from tests.conftest import tag
from tests.events.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/de/suche/"
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE)\b", re.I)


def result_titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="result__title"><a href="[^"]*">([^<]*)</a>', html)


class TestSearchPage:
    def test_results_with_type_labels_dates_and_the_query_kept(self, client, network):
        html = client.get(SEARCH, {"q": "Quartier"}).text
        assert 'value="Quartier"' in html
        assert "Bürgerbeteiligung im Quartier" in result_titles(html)
        assert '<p class="result__type">Meldung · <time datetime="2025-03-01">' in html
        assert "<mark>" in html
        assert '<meta name="robots" content="noindex">' in html

    def test_facets_link_to_the_filtered_search_and_active_filters_can_be_removed(
        self, client, network
    ):
        html = client.get(SEARCH, {"q": "Beteiligung"}).text
        assert 'href="?q=Beteiligung&amp;type=event"' in html
        html = client.get(SEARCH, {"q": "Beteiligung", "type": "event"}).text
        assert set(result_titles(html)) <= {"Werkstatt Beteiligung", "Rückblick Netzwerktreffen"}
        active = re.search(r'<ul class="active-filters".*?</ul>', html, re.S).group(0)
        assert "Art: Veranstaltungen" in active
        assert 'href="?q=Beteiligung"' in active  # removing the filter keeps the words
        assert '<input type="hidden" name="type" value="event">' in html

    def test_no_results_offers_spelling_topics_and_a_way_out(self, client, network):
        html = client.get(SEARCH, {"q": "Buergerbeteiligung", "type": "municipality"}).text
        assert "Nichts gefunden." in html
        assert 'href="?q=b%C3%BCrgerbeteiligung"' in html  # the umlaut spelling
        assert 'href="/de/themen/buergerbeteiligung/"' in html  # a similar topic
        assert 'href="?q=Buergerbeteiligung">Ohne Filter suchen' in html
        # no empty "Eingrenzen" column beside nothing: the results take the whole width
        assert 'id="facets-heading"' not in html
        assert "search-layout--results-only" in html
        with_results = client.get(SEARCH, {"q": "Beteiligung"}).text
        assert 'id="facets-heading"' in with_results
        assert "search-layout--results-only" not in with_results

    def test_empty_search_shows_the_topics(self, client, network):
        html = client.get(SEARCH).text
        assert "Nach Themen stöbern" in html
        assert 'href="/de/themen/lokale-oekonomie/"' in html
        assert result_titles(html) == []

    def test_pagination_keeps_query_and_filters(self, client, network):
        for index in range(12):
            NewsPageFactory(parent=network.news_index, title=f"Quartiersfest {index}")
        html = client.get(SEARCH, {"q": "Quartiersfest", "type": "news"}).text
        assert len(result_titles(html)) == 10
        assert 'href="?q=Quartiersfest&amp;type=news&amp;page=2"' in html
        second = client.get(SEARCH, {"q": "Quartiersfest", "type": "news", "page": "2"}).text
        assert len(result_titles(second)) == 2
        assert (
            len(result_titles(client.get(SEARCH, {"q": "Quartiersfest", "per_page": "20"}).text))
            == 12
        )

    def test_english_search(self, client, english_economy_news):
        response = client.get("/en/search/", {"q": "economy"})
        assert response.status_code == 200
        assert result_titles(response.text) == ["Strengthening the local economy"]
        assert '<p class="result__type">News item' in response.text
        assert client.get("/en/suche/").status_code == 404


BAD_QUERIES = [
    {"q": ""},
    {"q": "x" * 1000},
    {"q": "der die das und oder"},
    {"q": "& | ! : * ( ) ' \\"},
    {"q": "Beteiligung & !Ökonomie:* | ('x')"},
    {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "1 OR 1=1"},
    {"q": "🏘️ Quartier 🎉"},
    {"q": "Quar\u00adtier"},
    {"q": "Beteiligung", "type": "unbekannt", "topic": "gibt-es-nicht"},
    {"q": "Beteiligung", "municipality": "x" * 500, "region": "\u200b"},
    {"q": "Beteiligung", "year": "zwanzig", "from": "2024-13-45", "to": "gestern"},
    {"q": "Beteiligung", "page": "999999"},
    {"q": "Beteiligung", "page": "-1"},
    {"q": "Beteiligung", "page": "abc"},
    {"q": "Beteiligung", "per_page": "100000"},
    {"q": ["Beteiligung", "Ökonomie"], "type": ["news"] * 50},
]


class TestBadInput:
    @pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda q: repr(q)[:40])
    def test_answers_200_and_writes_nothing(self, client, network, query):
        client.get(SEARCH)  # warm caches, so that only the request under test is captured
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH, query)
        assert response.status_code == 200
        writes = [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])]
        assert writes == []

    @pytest.mark.parametrize(
        "query",
        [
            {"q": "Quar\x00tier"},
            {"q": "Beteiligung", "region": "\x00"},
            {"q": "Beteiligung\x1b[31m"},
            {"q": " ".join(["Quartier"] * 33)},
        ],
        ids=["nul", "nul-facet", "escape", "33-words"],
    )
    def test_unusable_input_is_a_400_page_in_german(self, client, network, query):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH, query)
        assert response.status_code == 400
        assert "Diese Adresse kann nicht verwendet werden" in response.text
        assert queries.captured_queries == []

    def test_invalid_parameters_are_named(self, client, network):
        html = client.get(SEARCH, {"q": "Beteiligung", "type": "unbekannt", "year": "x"}).text
        assert "Einige Filterwerte konnten nicht verwendet werden" in html
        assert "<code>type=unbekannt</code>" in html
        assert "<code>year=x</code>" in html

    def test_page_out_of_range_shows_the_last_page(self, client, network):
        html = client.get(SEARCH, {"q": "Beteiligung", "page": "999"}).text
        assert result_titles(html)

    @pytest.mark.parametrize("query", BAD_QUERIES[:9], ids=lambda q: repr(q)[:40])
    def test_suggestions_answer_json(self, client, network, query):
        response = client.get("/de/suche/vorschlaege/", query)
        assert response.status_code == 200
        assert isinstance(response.json()["suggestions"], list)


class TestQueryCounts:
    def count(self, client, query) -> int:
        client.get(SEARCH, query)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(SEARCH, query).status_code == 200
        return len(queries)

    def test_query_count_is_fixed_whatever_the_page_size_and_the_number_of_hits(
        self, client, network, topics
    ):
        query = {"q": "Quartiersfest", "topic": "buergerbeteiligung"}
        for index in range(5):  # enough that no similarity fallback runs (one query more)
            tag(
                NewsPageFactory(parent=network.news_index, title=f"Quartiersfest {index}"),
                topics.participation,
            )
        few = self.count(client, {**query, "per_page": "10"})
        for index in range(40):
            tag(
                NewsPageFactory(parent=network.news_index, title=f"Quartiersfest x{index}"),
                topics.participation,
            )
        assert self.count(client, {**query, "per_page": "10"}) == few
        assert self.count(client, {**query, "per_page": "50"}) == few
        # The content version, for the site from the route memory (1; menu, settings, header
        # and footer come from the cached site shell, cms.shell), then the search on the
        # listing engine: expansion and ranking (PostgreSQL) or Wagtail's backend with its
        # visibility queries (elsewhere), promotions, the facets (type, topic, region,
        # municipality, year: one grouped query each, sent as one UNION ALL statement; the
        # total comes from the type facet, no COUNT), the page of results with everything it
        # shows, their topics, their excerpts. The topic vocabulary is cached. The
        # municipalities (paths, slugs, titles, regions) are asked when the facet shows one,
        # and where the search's pages with their columns are built: once per content
        # version (``search.filters.hits_queryset``).
        assert few == (8 if connection.vendor == "postgresql" else 9)

    def test_a_search_without_words_builds_and_asks_nothing(self, client, network):
        """Without words nothing is ranked: the page asks only for the content version (the
        site), and builds no statement for facets of nothing (it built one on every such
        page, 3 of its 6 ms)."""
        for query in ({}, {"type": "news", "topic": "buergerbeteiligung"}):
            assert self.count(client, query) == 1
            with mock.patch.object(SQLCompiler, "as_sql", autospec=True) as compiling:
                assert client.get(SEARCH, query).status_code == 200
            compiling.assert_not_called()

    @pytest.mark.postgres(reason="the similar words (typos) are asked of PostgreSQL only")
    def test_similar_words_are_asked_only_when_too_few_pages_match(self, client, network):
        for index in range(5):  # enough that no similarity fallback runs
            NewsPageFactory(parent=network.news_index, title=f"Quartiersfest {index}")
        found = self.count(client, {"q": "Quartiersfest"})
        assert found == 8
        # A typo: the words that resemble its stem, and a ranking that lets them count.
        assert self.count(client, {"q": "Beteilgung"}) == found + 2


class TestSuggestions:
    def test_titles_and_topics_starting_with_the_text(self, client, network):
        data = client.get("/de/suche/vorschlaege/", {"q": "bürger"}).json()
        labels = [(item["kind"], item["label"]) for item in data["suggestions"]]
        assert ("topic", "Bürgerbeteiligung") in labels
        assert ("page", "Bürgerbeteiligung im Quartier") in labels
        topic = next(item for item in data["suggestions"] if item["kind"] == "topic")
        assert topic["url"] == "/de/themen/buergerbeteiligung/"

    def test_nothing_for_one_letter_and_nothing_hidden(self, client, network):
        assert client.get("/de/suche/vorschlaege/", {"q": "b"}).json()["suggestions"] == []
        NewsPageFactory(parent=network.news_index, title="Geheimer Entwurf", live=False)
        data = client.get("/de/suche/vorschlaege/", {"q": "Geheim"}).json()
        assert data["suggestions"] == []

    def test_english_labels_on_the_english_site(self, client, network, home_en):
        data = client.get("/en/search/suggestions/", {"q": "citizen"}).json()
        assert data["suggestions"] == [
            {
                "label": "Citizen participation",
                "kind": "topic",
                "url": "/en/topics/buergerbeteiligung/",
            }
        ]

    def test_search_box_works_without_javascript(self, client, network):
        html = client.get("/de/").text
        form = re.search(r'<form[^>]*role="search"[^>]*>', html).group(0)
        assert 'action="/de/suche/"' in form
        assert 'method="get"' in form


def facet_counts(client, **query) -> dict:
    response = client.get(SEARCH, query).context["response"]
    return {
        facet.name: sorted((option.value, option.count) for option in facet.options)
        for facet in response.facets
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements are remembered on PostgreSQL only"
)
def test_the_statements_are_compiled_once_for_every_search_of_a_language(
    client, network, settings
):
    """The search's statements differ from search to search only by the ranked hits, which
    are sent with them (``cms.statements``): other words reuse them and count their own
    hits."""
    searches = [{"q": "Quartier"}, {"q": "Beteiligung"}, {"q": "Beteiligung", "type": "news"}]
    with mock.patch.object(
        statements, "compile_statement", wraps=statements.compile_statement
    ) as spy:
        remembered = [facet_counts(client, **query) for query in searches]
        compiled = spy.call_count
        again = [facet_counts(client, **query) for query in searches]
        facet_counts(client, q="Netzwerk")
    assert spy.call_count == compiled
    settings.STATEMENT_MEMORY_SIZE = 0
    assert [facet_counts(client, **query) for query in searches] == remembered == again
    assert remembered[0] != remembered[1]


def test_a_search_without_hits_after_one_with_hits(client, network):
    """The remembered statements of a search with hits are sent with the hits' keys; a
    search that finds nothing has none to send and asks nothing of them."""
    first = client.get(SEARCH, {"q": "Quartier"}).context["response"].count
    assert first > 0
    for query in ({"q": "xyzzy"}, {"q": "xyzzy", "type": "news"}):
        response = client.get(SEARCH, query)
        assert response.status_code == 200
        assert response.context["response"].count == 0
    response = client.get(SEARCH, {"q": "Quartier", "page": 99})  # the last page
    assert (response.status_code, response.context["response"].count) == (200, first)


def test_promoted_pages_through_the_remembered_statement(client, network):
    """Editors' picks come first on the search page: their statement is the same for every
    search of the language, the query string sent with it; an unpublished pick stays hidden."""
    SearchPromotion.objects.create(
        query=Query.get("beteiligung"), page=network.publication, sort_order=0
    )
    SearchPromotion.objects.create(
        query=Query.get("quartier"), page=network.economy_news, sort_order=0
    )
    for __ in range(2):  # compiled, then remembered
        hits = client.get(SEARCH, {"q": "Beteiligung"}).context["response"].hits
        assert (hits[0].title, hits[0].promoted) == ("Arbeitshilfe Verfügungsfonds", True)
        assert not any(hit.promoted for hit in hits[1:])
        hits = client.get(SEARCH, {"q": "Quartier"}).context["response"].hits
        assert (hits[0].page_id, hits[0].promoted) == (network.economy_news.pk, True)
        assert [hit.promoted for hit in hits].count(True) == 1
    network.publication.unpublish()
    hits = client.get(SEARCH, {"q": "Beteiligung"}).context["response"].hits
    assert not any(hit.promoted for hit in hits)
    assert "Arbeitshilfe Verfügungsfonds" not in [hit.title for hit in hits]
