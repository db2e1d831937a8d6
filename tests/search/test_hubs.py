"""Topic hubs: the overview with counts, one page per topic, and its RSS feed."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search import hubs
from search.filters import SearchFilters, with_search_fields
from tests.cms.factories import TopicFactory
from tests.conftest import tag, translate_page
from tests.events.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def card_counts(html: str) -> dict[str, str]:
    cards = re.findall(
        r'<h2 class="topic-card__title"><a href="[^"]*">([^<]*)</a></h2>.*?'
        r'<p class="topic-card__count">([^<]*)</p>',
        html,
        re.S,
    )
    return dict(cards)


def group_titles(html: str) -> dict[str, list[str]]:
    groups = {}
    for heading, body in re.findall(
        r'<h2 id="group-[^"]*">([^<]*?) <span.*?</h2>(.*?)</section>', html, re.S
    ):
        groups[heading] = re.findall(r'<h3 class="result__title"><a [^>]*>([^<]*)</a>', body)
    return groups


class TestOverview:
    def test_lists_every_topic_with_description_and_count(self, client, network):
        TopicFactory(name="Gender Mainstreaming", description="Gleichstellung im Quartier.")
        NewsPageFactory(parent=network.news_index, title="Entwurf", live=False)
        html = client.get("/de/themen/").text
        assert card_counts(html) == {
            "Bürgerbeteiligung": "5 Einträge",
            "Gender Mainstreaming": "0 Einträge",
            "Lokale Ökonomie": "2 Einträge",
        }
        assert "Gleichstellung im Quartier." in html

    def test_counts_only_visible_pages(self, client, network, topics):
        draft = NewsPageFactory(parent=network.news_index, title="Entwurf")
        tag(draft, topics.economy)
        draft.unpublish()
        assert card_counts(client.get("/de/themen/").text)["Lokale Ökonomie"] == "2 Einträge"

    def test_english_overview_uses_english_labels(self, client, network, home_en):
        html = client.get("/en/topics/").text
        assert set(card_counts(html)) == {"Citizen participation", "Local economy"}
        assert 'href="/en/topics/lokale-oekonomie/"' in html


class TestHub:
    def test_everything_tagged_grouped_by_type(self, client, network):
        html = client.get("/de/themen/buergerbeteiligung/").text
        assert group_titles(html) == {
            "Aktuelles": ["Bürgerbeteiligung im Quartier"],
            "Veranstaltungen": ["Werkstatt Beteiligung", "Rückblick Netzwerktreffen"],
            "Stadtteilprofile": ["Katernberg"],
            "Publikationen": ["Arbeitshilfe Verfügungsfonds"],
        }
        assert '<link rel="alternate" type="application/rss+xml"' in html

    def test_upcoming_events_first_then_newest_first(self, client, network, topics):
        today = datetime.date.today()
        soon = EventPageFactory(
            parent=network.events, title="Bald", start_date=today + datetime.timedelta(days=2)
        )
        old = EventPageFactory(
            parent=network.events, title="Lange her", start_date=datetime.date(2020, 1, 1)
        )
        newer = NewsPageFactory(
            parent=network.news_index, title="Neuer", date=datetime.date(2026, 1, 1)
        )
        for page in (soon, old, newer):
            tag(page, topics.participation)
        groups = group_titles(client.get("/de/themen/buergerbeteiligung/").text)
        assert groups["Veranstaltungen"] == [
            "Bald",
            "Werkstatt Beteiligung",
            "Rückblick Netzwerktreffen",
            "Lange her",
        ]
        assert groups["Aktuelles"] == ["Neuer", "Bürgerbeteiligung im Quartier"]

    def test_topic_label_in_the_visitors_language(self, client, network, home_en, english):
        translate_page(network.news_index, english, title="News", slug="news")
        translate_page(
            network.participation_news, english, title="Participation in the neighbourhood"
        )
        html = client.get("/en/topics/buergerbeteiligung/").text
        assert "<h1>Citizen participation</h1>" in html
        assert group_titles(html) == {"News": ["Participation in the neighbourhood"]}

    def test_unknown_topic_is_a_404(self, client, network):
        assert client.get("/de/themen/gibt-es-nicht/").status_code == 404
        assert client.get("/de/themen/gibt-es-nicht/feed.rss").status_code == 404

    def test_query_count_does_not_grow_with_the_pages(self, client, network, topics):
        url = "/de/themen/lokale-oekonomie/"

        def count():
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            return len(queries)

        # Every type is there from the start, so that no group appears later.
        tag(EventPageFactory(parent=network.events, title="Erster Termin"), topics.economy)
        few = count()
        # 10 of each: more than a group shows (search.hubs.HUB_GROUP_SIZE, 8)
        for index in range(10):
            tag(
                NewsPageFactory(parent=network.news_index, title=f"Meldung {index}"),
                topics.economy,
            )
            tag(EventPageFactory(parent=network.events, title=f"Termin {index}"), topics.economy)
        assert count() == few
        # The site (1; menu, settings, header and footer come from the cached site shell,
        # cms.shell), then the hub: whether its stored rows are current (search.hubs.
        # TOPIC_PAGES), the totals per type with the positions of the pages of all groups (one
        # query, windows per type), those pages with their teasers, the overviews for the
        # "show all" links. The topic comes from the cached vocabulary.
        assert few == 5

    def test_group_totals_are_the_searchs_type_facet(self, home, network, topics):
        # Counted with the groups' positions (one window query), the totals must still be
        # what the search's type facet says for the topic's pages.
        for index in range(3):
            tag(NewsPageFactory(parent=network.news_index, title=f"M {index}"), topics.economy)
        hidden = NewsPageFactory(parent=network.news_index, title="Entwurf")
        tag(hidden, topics.economy)
        hidden.unpublish()
        tagged = hubs._tagged(topics.economy, home.locale)
        facet = SearchFilters.declared["type"].counts(
            with_search_fields(tagged), {"locale_id": home.locale_id}
        )
        groups = hubs.hub_groups(topics.economy, home.locale)
        assert {group["key"]: group["total"] for group in groups} == dict(facet)
        assert dict(facet) == {"news": 4, "profile": 1}  # and the draft is in neither

    def test_big_groups_show_the_newest_and_link_to_all(self, client, network, topics):
        for index in range(10):
            tag(
                NewsPageFactory(
                    parent=network.news_index,
                    title=f"Meldung {index}",
                    date=datetime.date(2020, 1, 1 + index),
                ),
                topics.economy,
            )
        html = client.get("/de/themen/lokale-oekonomie/").text
        news = group_titles(html)["Aktuelles"]
        assert news == ["Lokale Ökonomie stärken"] + [f"Meldung {i}" for i in range(9, 2, -1)]
        assert '<h2 id="group-news">Aktuelles <span class="hub-group__count">(11)</span>' in html
        link = '<a href="/de/aktuelles/?topic=lokale-oekonomie">Alle 11 in „Aktuelles“'
        assert link in html
        assert "stadtteilprofile/?topic" not in html  # one profile: all of it is shown
        listing = client.get("/de/aktuelles/", {"topic": "lokale-oekonomie"}).text
        assert "Meldung 9" in listing


class TestFeed:
    def test_rss_lists_the_topics_pages(self, client, network):
        response = client.get("/de/themen/buergerbeteiligung/feed.rss")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("title") == "Bürgerbeteiligung – Soziale Stadt NRW"
        assert channel.findtext("link") == "http://testserver/de/themen/buergerbeteiligung/"
        items = channel.findall("item")
        assert {item.findtext("title") for item in items} == {
            "Bürgerbeteiligung im Quartier",
            "Werkstatt Beteiligung",
            "Rückblick Netzwerktreffen",
            "Katernberg",
            "Arbeitshilfe Verfügungsfonds",
        }
        links = {item.findtext("link") for item in items}
        assert all(link.startswith("http://testserver/de/") for link in links)

    def test_english_feed(self, client, network, home_en, english):
        translate_page(network.news_index, english, title="News", slug="news")
        translate_page(network.participation_news, english, title="Participation")
        channel = ET.fromstring(client.get("/en/topics/buergerbeteiligung/feed.rss").content).find(
            "channel"
        )
        assert channel.findtext("title").startswith("Citizen participation")
        assert [item.findtext("title") for item in channel.findall("item")] == ["Participation"]
