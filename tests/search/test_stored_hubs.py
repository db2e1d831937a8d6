"""The topic hubs' stored rows (``search.hubs.TOPIC_PAGES``, ``cms.listing.stored``): a hub
follows every change at once, orders events by the time of the request, and never shows a
page visitors may not see. The general rules of stored rows are tested with the library
(``tests/knowledge/test_stored_library.py``)."""

import datetime

from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
from freezegun import freeze_time

from cms.querysets import visible
from search import hubs
from search.models import TopicPage
from tests.cms.factories import TopicFactory
from tests.conftest import tag
from tests.events.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(topic, locale) -> dict[str, list[str]]:
    return {
        group["key"]: [item["page"].title for item in group["items"]]
        for group in hubs.hub_groups(topic, locale)
    }


def assert_rows_are_the_rule(topic, locale):
    hubs.TOPIC_PAGES.ensure_fresh()
    expected = set(
        visible(Page.objects.filter(locale=locale, tagged_topics__tag=topic))
        .exclude(depth__lte=2)
        .values_list("pk", flat=True)
    )
    stored = set(
        TopicPage.objects.filter(topic=topic, locale=locale).values_list("page_id", flat=True)
    )
    assert stored == expected


@pytest.fixture
def topic(db):
    return TopicFactory(name="Quartiersfonds", slug="quartiersfonds")


def test_published_unpublished_and_restricted_pages_follow_at_once(home, topic):
    first = tag(NewsPageFactory(title="Erste", date=datetime.date(2026, 1, 1)), topic)
    assert titles(topic, home.locale) == {"news": ["Erste"]}
    second = tag(NewsPageFactory(title="Zweite", date=datetime.date(2026, 2, 1)), topic)
    assert titles(topic, home.locale) == {"news": ["Zweite", "Erste"]}
    first.unpublish()
    assert titles(topic, home.locale) == {"news": ["Zweite"]}
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert titles(topic, home.locale) == {}
    assert_rows_are_the_rule(topic, home.locale)


def test_a_removed_topic_leaves_the_hub(home, topic):
    news = tag(NewsPageFactory(title="Meldung"), topic)
    assert titles(topic, home.locale) == {"news": ["Meldung"]}
    news.topics.clear()
    news.save_revision().publish()
    assert titles(topic, home.locale) == {}
    assert_rows_are_the_rule(topic, home.locale)


def test_an_event_moves_from_upcoming_to_past_as_time_passes(home, topic):
    now = timezone.now()
    soon = tag(EventPageFactory(title="Bald"), topic)
    later = tag(EventPageFactory(title="Später"), topic)
    for event, days in ((soon, 1), (later, 3)):
        event.start_date = (now + datetime.timedelta(days=days)).date()
        event.end_date = event.start_date
        event.save_revision().publish()
    assert titles(topic, home.locale) == {"event": ["Bald", "Später"]}
    with freeze_time(now + datetime.timedelta(days=2)):
        # Nothing changed, the stored rows stay; the order follows the request's time.
        assert titles(topic, home.locale) == {"event": ["Später", "Bald"]}


def test_a_stale_row_never_shows_a_hidden_page(home, topic):
    tag(NewsPageFactory(title="Öffentlich"), topic)
    titles(topic, home.locale)
    draft = NewsPageFactory(title="Geheimer Entwurf", live=False)
    TopicPage.objects.create(
        topic=topic,
        page=draft,
        locale=draft.locale,
        search_type="news",
        search_date=datetime.date(2030, 1, 1),
    )
    assert titles(topic, home.locale) == {"news": ["Öffentlich"]}


def counted(topic, locale) -> int:
    return dict(hubs.topic_counts(locale))[topic]


def test_the_overview_counts_what_each_hub_lists_and_follows_every_change(home, topic, client):
    # The topic overview and the topics API count the hubs' stored rows: a change counts at
    # once, hidden pages never, and each count is the number of pages the hub lists.
    first = tag(NewsPageFactory(title="Erste"), topic)
    second = tag(EventPageFactory(title="Zweite"), topic)
    assert counted(topic, home.locale) == 2
    first.unpublish()
    assert counted(topic, home.locale) == 1
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert counted(topic, home.locale) == 0
    third = tag(NewsPageFactory(title="Dritte"), topic)
    assert counted(topic, home.locale) == 1
    assert counted(topic, home.locale) == sum(
        len(items) for items in titles(topic, home.locale).values()
    )
    listed = client.get("/api/v3/topics/").json()["items"]
    assert {item["slug"]: item["pages"] for item in listed}[topic.slug] == 1
    third.unpublish()
    assert {item["slug"]: item["pages"] for item in client.get("/api/v3/topics/").json()["items"]}[
        topic.slug
    ] == 0
