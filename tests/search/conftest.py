import datetime
from types import SimpleNamespace

from django.utils import timezone

import pytest

from tests.conftest import tag, translate_page
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.knowledge.factories import KnowledgeIndexPageFactory, PublicationPageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)
from tests.worlds import build_home, make_topics, refetch, refetched, world

__all__ = ["make_network", "make_topics", "paragraph"]


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_network(home, topics):
    """A small German site with one page of every searchable type."""
    today = timezone.localdate()
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    profiles = DistrictProfileIndexPageFactory(parent=home)
    library = KnowledgeIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(
        parent=profiles, title="Essen", ags="05113000", regierungsbezirk="duesseldorf"
    )
    dortmund = MunicipalityPageFactory(
        parent=profiles, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
    )
    pages = SimpleNamespace(
        news_index=news_index,
        events=events,
        profiles=profiles,
        library=library,
        essen=essen,
        dortmund=dortmund,
        participation_news=NewsPageFactory(
            parent=news_index,
            title="Bürgerbeteiligung im Quartier",
            date=datetime.date(2025, 3, 1),
            teaser="Wie Stadtteile ihre Bewohner einbinden.",
            body=paragraph("Erfahrungen mit Beteiligungsformaten in Hagen."),
        ),
        economy_news=NewsPageFactory(
            parent=news_index,
            title="Lokale Ökonomie stärken",
            date=datetime.date(2024, 5, 1),
            teaser="Ladenlokale und Gewerbe im Quartier.",
            body=paragraph("Die Werkstätten zur lokalen Ökonomie zeigen Wege gegen Leerstand."),
        ),
        upcoming_event=EventPageFactory(
            parent=events,
            title="Werkstatt Beteiligung",
            start_date=today + datetime.timedelta(days=30),
            city="Hagen",
            teaser="Eine Werkstatt zur Bürgerbeteiligung.",
        ),
        past_event=EventPageFactory(
            parent=events,
            title="Rückblick Netzwerktreffen",
            start_date=datetime.date(2023, 9, 14),
            city="Essen",
            teaser="Netzwerktreffen zur Beteiligung.",
        ),
        katernberg=DistrictProfilePageFactory(
            parent=essen,
            title="Katernberg",
            teaser="Ein Stadtteil im Essener Norden.",
            character=paragraph("Bürgerbeteiligung und Stadtteilarbeit im Essener Norden."),
        ),
        nordstadt=DistrictProfilePageFactory(
            parent=dortmund,
            title="Nordstadt",
            teaser="Das Quartier am Dortmunder Hafen.",
            character=paragraph("Die lokale Ökonomie der Nordstadt lebt von kleinen Läden."),
        ),
        publication=PublicationPageFactory(
            parent=library,
            title="Arbeitshilfe Verfügungsfonds",
            teaser="Wie Quartiere über kleine Mittel selbst entscheiden.",
            publication_date=datetime.date(2019, 9, 1),
        ),
    )
    tag(pages.participation_news, topics.participation)
    tag(pages.upcoming_event, topics.participation)
    tag(pages.past_event, topics.participation)
    tag(pages.katernberg, topics.participation)
    tag(pages.publication, topics.participation)
    tag(pages.economy_news, topics.economy)
    tag(pages.nordstadt, topics.economy)
    return pages


@pytest.fixture(scope="module")
def network_world(_empty_file_storage, django_db_setup, django_db_blocker):
    """The start page, the topics and the network, built once per test module (see
    tests/worlds.py): rolled back at the module's end, each test in its own savepoint."""
    with world(django_db_blocker) as built:
        build_home(built)
        built.topics = make_topics()
        built.pages = make_network(built.home, built.topics)
        yield built


@pytest.fixture
def home(network_world, db):
    """The network's start page (not a second one): ``home_en`` and the like build on it."""
    return refetch(network_world.home)


@pytest.fixture
def topics(network_world, db):
    """The network's topics, loaded afresh for each test."""
    return refetched(network_world.topics)


@pytest.fixture
def network(network_world, db):
    """The network's pages, loaded afresh for each test: what a test changes, in memory or in
    the database (its savepoint is rolled back), the next test does not see."""
    return refetched(network_world.pages)


@pytest.fixture
def english_economy_news(network, home_en, english):
    """The English translation of the local-economy news item (and of its news index)."""
    translate_page(network.news_index, english, title="News", slug="news")
    return translate_page(
        network.economy_news,
        english,
        title="Strengthening the local economy",
        slug="local-economy",
        teaser="Shops and businesses.",
        body=paragraph("Workshops show ways to fill empty shops and trades."),
    )
