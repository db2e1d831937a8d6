"""The news' stored entries (``cms.listing.stored``): the overview and the API follow every
change at once and list exactly what ``NewsQuerySet.published`` finds. The general rules of
stored listings are tested with the library (``tests/knowledge/test_stored_library.py``)."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from events.models import NEWS_LISTING, NewsEntry, NewsPage
from tests.cms.factories import TopicFactory
from tests.conftest import tag

from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def overview(client, **query) -> list[str]:
    response = client.get("/de/aktuelles/", query)
    return [page.title for page, _topics in response.context["entries"]]


def api(client, **query) -> list[str]:
    data = client.get("/api/v3/news/", query).json()
    assert data["count"] == len(data["items"])
    return [item["title"] for item in data["items"]]


def assert_rows_are_the_rule(index):
    NEWS_LISTING.ensure_fresh()
    columns = ("date", "first_published_at", "path", "locale_id", "content_type_id")
    expected = set(NewsPage.objects.published(index.locale_id).values_list("pk", *columns))
    assert set(NewsEntry.objects.values_list("page", *columns)) == expected


def test_published_unpublished_and_restricted_news_follow_at_once(client, news_index):
    first = NewsPageFactory(parent=news_index, title="Erste", date=datetime.date(2026, 1, 1))
    assert overview(client) == api(client) == ["Erste"]
    second = NewsPageFactory(parent=news_index, title="Zweite", date=datetime.date(2026, 2, 1))
    assert overview(client) == api(client) == ["Zweite", "Erste"]
    first.unpublish()
    assert overview(client) == api(client) == ["Zweite"]
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert overview(client) == api(client) == []
    assert_rows_are_the_rule(news_index)


def test_topic_and_year_filters_read_the_rows(client, news_index):
    topic = TopicFactory(slug="buergerbeteiligung")
    news = NewsPageFactory(parent=news_index, title="Beteiligung", date=datetime.date(2025, 3, 1))
    NewsPageFactory(parent=news_index, title="Anderes", date=datetime.date(2025, 4, 1))
    assert overview(client, topic="buergerbeteiligung") == []
    tag(news, topic)
    assert overview(client, topic="buergerbeteiligung", year="2025") == ["Beteiligung"]
    assert api(client, topic="buergerbeteiligung") == ["Beteiligung"]
    news.date = datetime.date(2024, 3, 1)
    news.save_revision().publish()
    assert overview(client, year="2025") == ["Anderes"]
    assert_rows_are_the_rule(news_index)


def test_a_stale_row_never_shows_a_hidden_news_item(client, news_index):
    NewsPageFactory(parent=news_index, title="Öffentlich", date=datetime.date(2026, 1, 1))
    assert overview(client) == ["Öffentlich"]
    draft = NewsPageFactory(parent=news_index, title="Geheimer Entwurf", live=False)
    # A row written as if a change had been missed: it may miscount, never show the page.
    NewsEntry.objects.create(
        page=draft,
        locale_id=draft.locale_id,
        path=draft.path,
        content_type_id=draft.content_type_id,
        date=datetime.date(2030, 1, 1),
    )
    assert overview(client) == ["Öffentlich"]
    assert [item["title"] for item in client.get("/api/v3/news/").json()["items"]] == [
        "Öffentlich"
    ]
