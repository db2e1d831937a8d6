"""The search service: ranking, filters, facet counts and what must never be found."""

from django.db import connection, transaction
from django.db.models import AutoField, BigAutoField, IntegerField, OneToOneField
from django.http import QueryDict
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

import pytest

from cms.localization import locale_ids
from events.models import NewsPage
from search import postgres
from search.filters import with_search_fields
from search.service import (
    MAX_QUERY_LENGTH,
    _page_content_types,
    attach_snippets,
    clean_query,
    query_words,
    search,
    spelling_variants,
)
from search.types import ResultType
from tests.conftest import tag, translate_page
from tests.events.factories import NewsPageFactory

from .conftest import paragraph

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.postgres(
    reason="German stemming, umlaut spellings and similarity exist on PostgreSQL only",
)


def titles(response, limit=None):
    return [hit.title for hit in response.hits[:limit]]


def params(**values) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in values.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


class TestQueryParsing:
    def test_words_keep_letters_and_digits_only(self):
        assert query_words("Bürger & (Beteiligung) | !x:* 'y' \\ 2030") == [
            "bürger",
            "beteiligung",
            "x",
            "y",
            "2030",
        ]

    def test_queries_are_cut_and_freed_of_nul_bytes(self):
        assert clean_query("a\x00b   c") == "a b c"
        assert len(clean_query("x" * 1000)) == MAX_QUERY_LENGTH

    @pytest.mark.parametrize(
        ("word", "variants"),
        [
            ("buergerbeteiligung", ["buergerbeteiligung", "bürgerbeteiligung"]),
            ("oekonomie", ["oekonomie", "ökonomie"]),
            ("werkstaetten", ["werkstaetten", "werkstätten"]),
            ("quartier", ["quartier"]),  # "ue" after q is not an umlaut
            ("neue", ["neue", "neü"]),  # both spellings are searched; "neue" still matches
        ],
    )
    def test_umlaut_spellings(self, word, variants):
        assert spelling_variants(word) == variants

    def test_unknown_filter_values_are_reported_and_dropped(self, network):
        response = search(
            "Beteiligung", params(topic=["gibt-es-nicht"], year="zwanzig", to="gestern"), "de"
        )
        assert {problem.parameter for problem in response.problems} == {"topic", "year", "to"}
        assert response.filters.is_empty()  # every value was dropped


class TestRanking:
    def test_finds_words_in_titles_and_bodies(self, network):
        assert titles(search("Katernberg", {}, "de"), 1) == ["Katernberg"]
        assert "Nordstadt" in titles(search("Läden", {}, "de"))

    def test_title_matches_rank_above_body_matches(self, network):
        body_only = NewsPageFactory(
            parent=network.news_index,
            title="Neues aus Essen",
            body=paragraph("Der Verfügungsfonds hilft Vereinen."),
        )
        ranked = titles(search("Verfügungsfonds", {}, "de"))
        assert ranked.index("Arbeitshilfe Verfügungsfonds") < ranked.index(body_only.title)

    def test_topics_make_pages_findable_in_the_visitors_language(self, network, home_en, english):
        news_en = translate_page(network.news_index, english, title="News", slug="news")
        translate_page(
            network.participation_news,
            english,
            title="In the neighbourhood",
            slug="in-the-neighbourhood",
            teaser="How districts involve residents.",
            body=paragraph("Lessons from Hagen."),
        )
        assert news_en.live
        assert "In the neighbourhood" in titles(search("citizen participation", {}, "en"))
        # Synonyms count too: the topic's pages are found by "Partizipation".
        assert set(titles(search("Partizipation", {}, "de"))) == {
            "Bürgerbeteiligung im Quartier",
            "Werkstatt Beteiligung",
            "Rückblick Netzwerktreffen",
            "Katernberg",
            "Arbeitshilfe Verfügungsfonds",
        }

    def test_promoted_results_come_first(self, network):
        query = Query.get("beteiligung")
        SearchPromotion.objects.create(query=query, page=network.publication, sort_order=0)
        response = search("Beteiligung", {}, "de")
        assert response.hits[0].title == "Arbeitshilfe Verfügungsfonds"
        assert response.hits[0].promoted
        assert not any(hit.promoted for hit in response.hits[1:])

    def test_promoted_pages_that_are_not_live_stay_hidden(self, network):
        network.publication.unpublish()
        query = Query.get("beteiligung")
        SearchPromotion.objects.create(query=query, page=network.publication, sort_order=0)
        assert "Arbeitshilfe Verfügungsfonds" not in titles(search("Beteiligung", {}, "de"))

    def test_without_words_nothing_is_searched(self, network):
        # Filtering alone is what the listings and topic hubs are for.
        assert search("", params(topic="lokale-oekonomie"), "de").count == 0
        assert search("und der die", {}, "de").count == 0


@postgres_only
class TestGermanSearch:
    """The examples of the issue, each on a page that has the word only in its German form."""

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("Buergerbeteiligung", "Bürgerbeteiligung im Quartier"),
            ("Oekonomie", "Lokale Ökonomie stärken"),
            ("Werkstaetten", "Werkstatt Beteiligung"),
            ("Beteiligung", "Bürgerbeteiligung im Quartier"),  # part of a compound
            ("Beteilgung", "Werkstatt Beteiligung"),  # a typo
            ("Läden", "Nordstadt"),
            ("Laden", "Nordstadt"),  # the stem, not the exact form
            ("Verfuegungsfonds", "Arbeitshilfe Verfügungsfonds"),
        ],
    )
    def test_finds(self, network, query, expected):
        assert expected in titles(search(query, {}, "de"), 5)

    @pytest.mark.parametrize("query", ["Beteiligung", "Stadt"])
    def test_ranking_only_the_exact_matches_when_enough_gives_the_same_order(self, network, query):
        # Exact matches first, then the others (compounds): asked for fewer pages than match
        # exactly, the others are never ranked; the answer is the head of the full ranking.
        words = query_words(query)
        expansion = postgres.expand([spelling_variants(word) for word in words], "de")
        arguments = (expansion.exact(), expansion.wide(), locale_ids()["de"])
        everything = postgres.ranked(*arguments, _page_content_types(), 1000)
        assert {row.exact for row in everything} == {True, False}  # both kinds of match
        assert len({row.page_id for row in everything}) == len(everything)  # each page once
        for limit in range(1, len(everything) + 1):
            found = postgres.ranked(*arguments, _page_content_types(), limit)
            assert found == everything[:limit], limit
            unprobed = postgres.ranked(*arguments, _page_content_types(), limit, probe=False)
            assert unprobed == found, limit

    @pytest.mark.parametrize("query", ["Beteiligung", "Quartier Beteiligung"])
    def test_scores_are_the_ranks_of_title_and_body(self, network, query):
        # The title's rank is asked only of titles with one of the query's lexemes: every
        # score still equals the title's rank (weighed) plus the body's for the wide query.
        words = query_words(query)
        expansion = postgres.expand([spelling_variants(word) for word in words], "de")
        rows = postgres.ranked(
            expansion.exact(), expansion.wide(), locale_ids()["de"], _page_content_types(), 100
        )
        assert any(row.score for row in rows)
        wide = postgres.tsquery_text(expansion.wide())
        any_word = postgres.tsquery_text([set().union(*expansion.wide())])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id::bigint, ts_rank(title, %s::tsquery) * title_norm * %s"
                " + ts_rank(body, %s::tsquery), title @@ %s::tsquery"
                " FROM wagtailsearch_indexentry WHERE object_id::bigint = ANY(%s)"
                " AND content_type_id = ANY(%s)",
                [
                    wide,
                    postgres.TITLE_WEIGHT,
                    wide,
                    any_word,
                    [row.page_id for row in rows],
                    _page_content_types(),
                ],
            )
            expected = {page_id: (score, in_title) for page_id, score, in_title in cursor}
        assert {row.page_id: row.score for row in rows} == pytest.approx(
            {page_id: score for page_id, (score, __) in expected.items()}, rel=1e-12, abs=1e-15
        )
        # both kinds of page: titles with one of the words and titles without
        assert {in_title for __, in_title in expected.values()} == {True, False}

    def test_a_probe_of_hidden_pages_falls_back_to_the_full_ranking(self, network):
        # The best exact matches are drafts and unpublished pages (the index holds them, the
        # visitor must not see them): the probe of the best 2 × limit finds none visible, so
        # the answer comes from ranking every match, visible ones only.
        hidden = [
            NewsPageFactory(
                parent=network.news_index,
                title=f"Zwergobstwiese Zwergobstwiese {number}",
                body=paragraph("Zwergobstwiese " * 5),
            )
            for number in range(4)
        ]
        for page in hidden[:2]:
            page.unpublish()
        for page in hidden[2:]:
            page.live = False
            page.save_revision()
            page.save()
        shown = [
            NewsPageFactory(parent=network.news_index, title=f"Sommer {number}")
            for number in range(3)
        ]
        for page in shown:
            page.body = paragraph(f"Eine Zwergobstwiese im Stadtteil {page.title}.")
            page.save_revision().publish()
        indexed = postgres.page_entries(_page_content_types()).filter(
            body_text__contains="Zwergobstwiese"
        )
        assert indexed.count() == 7  # the hidden pages are in the index
        expansion = postgres.expand([["zwergobstwiese"]], "de")
        arguments = (
            expansion.exact(),
            expansion.wide(),
            locale_ids()["de"],
            _page_content_types(),
        )
        for limit in (1, 2, 3):
            found = postgres.ranked(*arguments, limit)
            assert found == postgres.ranked(*arguments, limit, probe=False)
            assert {row.page_id for row in found} <= {page.pk for page in shown}
            assert len(found) == limit

    def test_only_the_sites_own_language_probes(self, network, monkeypatch):
        # The probe pays where the language holds most of the index (German); in English the
        # German pages would fill it and the full ranking would follow anyway. The typo
        # fallback ("Beteilgung": similar words, German) asks the same way.
        asked = []
        ranked = postgres.ranked

        def spy(*args, probe=True):
            asked.append(probe)
            return ranked(*args, probe=probe)

        monkeypatch.setattr(postgres, "ranked", spy)
        search("Beteilgung", {}, "de")
        assert asked == [True, True]
        asked.clear()
        search("Beteilgung", {}, "en")
        assert asked
        assert set(asked) == {False}

    def test_the_vectors_stay_in_the_rows_and_still_feed_the_vocabulary(self, network):
        # Migration 0003: the ranking reads title and body vectors from the index's rows
        # (STORAGE MAIN), and the lexeme trigger it recreated still collects new words.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
                "'wagtailsearch_indexentry'::regclass AND attname IN ('title', 'body') "
                "ORDER BY attname"
            )
            assert cursor.fetchall() == [("body", "m"), ("title", "m")]
        # A body far larger than the ~2 kB after which PostgreSQL moves a value out of a row.
        filler = " ".join(
            f"Quartiersfest{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(600)
        )
        NewsPageFactory(
            parent=network.news_index,
            title="Sommer im Stadtteil",
            body=paragraph(f"{filler} Zwergobstwiese {filler}"),
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_lexeme WHERE word = 'zwergobstwies'")
            assert cursor.fetchone() == (1,)
        assert titles(search("Zwergobstwiese", {}, "de")) == ["Sommer im Stadtteil"]
        assert titles(search("Obstwiese", {}, "de")) == ["Sommer im Stadtteil"]  # compound

    def test_english_pages_are_searched_with_english_stemming(self, english_economy_news):
        assert titles(search("shop", {}, "en")) == ["Strengthening the local economy"]
        assert titles(search("workshop", {}, "en")) == ["Strengthening the local economy"]
        assert search("Läden", {}, "en").count == 0

    def test_snippets_highlight_the_words_without_topic_noise(self, network):
        response = search("Leerstand", {}, "de")
        attach_snippets(response.hits, response, "de")
        snippet = response.hits[0].snippet
        assert "<mark>Leerstand</mark>" in snippet
        assert "⟦" not in snippet


@postgres_only
class TestIndexWrites:
    """``search.backend``: each entry of the index written once, with Wagtail's values."""

    @staticmethod
    def written(pages) -> dict:
        rows = postgres.page_entries(_page_content_types()).filter(
            object_id__in=[str(page.pk) for page in pages]
        )
        columns = ("title", "autocomplete", "body", "title_text", "body_text", "title_norm")
        return {row["object_id"]: row for row in rows.values("object_id", *columns)}

    @staticmethod
    def row_versions() -> list[int]:
        """Rows inserted and updated in the search index by this transaction so far."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables"
                " WHERE relname = 'wagtailsearch_indexentry'"
            )
            return list(cursor.fetchone())

    def index_with(self, add_items, pages, *, fresh: bool) -> tuple[dict, list[int]]:
        """What ``add_items`` writes for ``pages`` (new entries or replacing theirs), and how
        many rows it inserted and updated; rolled back."""
        with transaction.atomic():
            if fresh:
                postgres.page_entries(_page_content_types()).filter(
                    object_id__in=[str(page.pk) for page in pages]
                ).delete()
            before = self.row_versions()
            add_items(NewsPage, pages)
            after = self.row_versions()
            rows = self.written(pages)
            transaction.set_rollback(True)
        return rows, [later - earlier for later, earlier in zip(after, before, strict=True)]

    @pytest.mark.parametrize("fresh", [True, False], ids=["new entries", "entries replaced"])
    def test_each_entry_is_written_once_with_wagtails_values(
        self, network, english_economy_news, fresh
    ):
        from modelsearch.backends.database.postgres.postgres import PostgresIndex

        # German and English pages (each language's configuration) and a title of stop words
        # only, whose empty vector keeps the norm 1.0.
        stop_words = NewsPageFactory(parent=network.news_index, title="Und die")
        pages = [
            NewsPage.objects.get(pk=page.pk)
            for page in (network.participation_news, stop_words, english_economy_news)
        ]
        index = get_search_backend().get_index_for_model(NewsPage)

        def wagtails(model, objs):  # Wagtail's add_items, per language as ours groups them
            for config, group in (("german", objs[:2]), ("english", objs[2:])):
                PostgresIndex(index.backend.with_config(config)).add_items(model, group)

        ours, (inserted, updated) = self.index_with(index.add_items, pages, fresh=fresh)
        theirs, (__, their_updates) = self.index_with(wagtails, pages, fresh=fresh)
        assert set(ours) == {str(page.pk) for page in pages}
        for object_id, row in ours.items():
            expected = theirs[object_id]
            norm = pytest.approx(expected["title_norm"], rel=1e-12)
            assert row == {**expected, "title_norm": norm}
        assert ours[str(stop_words.pk)]["title_norm"] == 1.0
        assert "shop" in ours[str(english_economy_news.pk)]["body"]  # English stemming
        # One row version per entry: inserted, or updated by the upsert. Wagtail's add_items
        # updates every entry with a norm of 1.0 afterwards, at least the two it wrote with a
        # title (a second version of each row).
        assert (inserted, updated) == ((3, 0) if fresh else (0, 3))
        assert their_updates >= updated + 2


class TestFiltersAndFacets:
    def test_the_pages_of_an_unfiltered_search_are_slices_of_the_ranking(self, network):
        # Nothing chosen: each page's hits are loaded by their keys from the ranking; every
        # type chosen (nothing left out) they are chosen among the ranked pages in SQL. Both
        # give the same hits, in the same order, with the same columns.
        def shown(response):
            return [
                (hit.page_id, hit.title, hit.type, hit.date, hit.municipality, hit.region)
                for hit in response.hits
            ]

        everything = search("Quartier", {}, "de", limit=100)
        assert len(everything.hits) >= 3
        every_type = params(type=[str(value) for value in ResultType])
        assert shown(search("Quartier", every_type, "de", limit=100)) == shown(everything)
        paged = []
        for number in range(1, (len(everything.hits) + 1) // 2 + 1):
            response = search("Quartier", {}, "de", page=str(number), per_page=2)
            paged += shown(response)
        assert paged == shown(everything)
        assert shown(search("Quartier", {}, "de", offset=1, limit=2)) == shown(everything)[1:3]

    def test_filters_combine_with_text(self, network):
        assert set(titles(search("Beteiligung", params(type="event"), "de"))) <= {
            "Werkstatt Beteiligung",
            "Rückblick Netzwerktreffen",
        }
        response = search("Quartier", params(topic="lokale-oekonomie"), "de")
        assert set(titles(response)) == {"Lokale Ökonomie stärken", "Nordstadt"}
        response = search("Quartier", params(municipality="essen"), "de")
        assert titles(response) == []
        response = search("Bürgerbeteiligung", params(region="duesseldorf"), "de")
        assert titles(response) == ["Katernberg"]

    def test_municipality_and_region_come_from_the_nearest_listed_ancestor(self, network):
        # The municipalities' paths may differ in length (a municipality placed higher up):
        # each length is looked up by its own prefix of the page's path.
        places = {
            network.essen.path: ("essen", "Essen", "duesseldorf"),
            network.library.path: ("bibliothek", "Bibliothek", "koeln"),
        }
        assert len(network.essen.path) > len(network.library.path)
        pages = [network.katernberg, network.publication, network.nordstadt, network.essen]
        found = with_search_fields(
            Page.objects.filter(pk__in=[page.pk for page in pages]), places
        ).values_list("pk", "search_municipality", "search_region", "search_type")
        assert {row[0]: row[1:] for row in found} == {
            network.katernberg.pk: ("essen", "duesseldorf", "profile"),
            network.publication.pk: ("bibliothek", "koeln", "publication"),
            network.nordstadt.pk: (None, None, "profile"),
            network.essen.pk: ("essen", "duesseldorf", "municipality"),
        }

    def test_year_and_date_range_apply_to_dated_pages_only(self, network, topics):
        text = "Partizipation"  # the synonym of the topic: every page tagged with it
        tag(network.economy_news, topics.participation)
        response = search(text, params(year="2025"), "de")
        assert titles(response) == ["Bürgerbeteiligung im Quartier"]
        response = search(text, params(**{"from": "2019-01-01", "to": "2024-12-31"}), "de")
        assert set(titles(response)) == {
            "Lokale Ökonomie stärken",
            "Rückblick Netzwerktreffen",
            "Arbeitshilfe Verfügungsfonds",
        }

    @pytest.mark.parametrize(
        "selected",
        [{}, {"topic": "buergerbeteiligung"}, {"type": ["news", "event"]}, {"year": "2024"}],
    )
    def test_facet_counts_equal_the_results_behind_them(self, network, selected):
        for query in ("Quartier", "Bürgerbeteiligung"):
            response = search(query, params(**selected), "de")
            if "type" not in selected:
                assert sum(option.count for option in response.facets[0].options) == (
                    response.count
                )
            assert response.count or selected
            for facet in response.facets:
                for option in facet.options:
                    chosen = dict(selected)
                    current = chosen.get(facet.name, [])
                    current = current if isinstance(current, list) else [current]
                    # An option's count is what selecting only that value shows, other
                    # facets' selections unchanged.
                    chosen[facet.name] = [option.value]
                    behind = search(query, params(**chosen), "de")
                    assert behind.count == option.count, (query, facet.name, option.value)
                    assert option.selected == (option.value in current)

    def test_type_facet_labels(self, network):
        with translation.override("de"):
            response = search("Partizipation", {}, "de")
        types = {option.value: option.label for option in response.facets[0].options}
        assert types == {
            "news": "Aktuelles",
            "event": "Veranstaltungen",
            "profile": "Stadtteilprofile",
            "publication": "Publikationen",
        }


class TestVisibility:
    def test_drafts_private_pages_and_other_languages_never_appear(
        self, network, home_en, english
    ):
        draft = NewsPageFactory(parent=network.news_index, title="Zauberwort Entwurf", live=False)
        assert not draft.live
        private = NewsPageFactory(parent=network.news_index, title="Zauberwort privat")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        below_private = NewsPageFactory(parent=network.essen, title="Zauberwort unter Essen")
        PageViewRestriction.objects.create(
            page=network.essen, restriction_type=PageViewRestriction.LOGIN
        )
        translate_page(network.news_index, english, title="News", slug="news")
        translate_page(network.participation_news, english, title="Zauberwort English")
        visible = NewsPageFactory(parent=network.news_index, title="Zauberwort öffentlich")

        for filters in ({}, params(type="news")):
            found = titles(search("Zauberwort", filters, "de"))
            assert visible.title in found
            for hidden in (draft, private, below_private):
                assert hidden.title not in found
            assert "Zauberwort English" not in found
        assert titles(search("Zauberwort", {}, "en")) == ["Zauberwort English"]
        assert "Katernberg" not in titles(search("Bürgerbeteiligung", {}, "de"))


def test_every_indexed_model_has_an_integer_key():
    """The ranking reads an entry's page as ``object_id::bigint`` (``search.postgres``): an
    indexed model with a key of another kind would make that cast fail for every search."""

    def integer_key(model) -> bool:
        key = model._meta.pk
        if isinstance(key, OneToOneField):  # a page type: the key of the page table
            return integer_key(key.related_model)
        return isinstance(key, AutoField | BigAutoField | IntegerField)

    assert [m.__name__ for m in get_indexed_models() if not integer_key(m)] == []
