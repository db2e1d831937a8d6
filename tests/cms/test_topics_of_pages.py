"""``cms.topics``: the one helper every list, feed and API endpoint asks for the topics of the
pages it shows (one query, whatever the number of pages), and the cached vocabulary."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models.topics import topic_vocabulary
from cms.topics import topic_slugs_of, topics_of
from tests.cms.factories import TopicFactory, TopicLabelFactory
from tests.conftest import tag
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_news(home):
    economy = TopicFactory(name="Lokale Ökonomie")
    participation = TopicFactory(name="Bürgerbeteiligung")
    TopicLabelFactory(topic=participation, label="Citizen participation")
    index = NewsIndexPageFactory(parent=home)

    def add(number):
        return [tag(NewsPageFactory(parent=index), economy, participation) for _ in range(number)]

    return add


def queries_for(pages) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        found = topics_of(pages)
    return len(queries), found


def test_one_query_for_3_and_for_15_pages(tagged_news):
    topic_vocabulary()  # warm, as every listing finds it
    few, found = queries_for(tagged_news(3))
    many, found_many = queries_for(tagged_news(12) + list(found))
    assert few == many == 1
    assert len(found_many) == 15
    # in the order of the German names, labels in any language without a query
    topics = next(iter(found_many.values()))
    assert [topic.slug for topic in topics] == ["buergerbeteiligung", "lokale-oekonomie"]
    with CaptureQueriesContext(connection) as queries:
        assert topics[0].label_for("en") == "Citizen participation"
    assert len(queries) <= 1  # the labels of the language, once, then cached


def test_no_query_without_pages_and_ids_work_too(tagged_news):
    with CaptureQueriesContext(connection) as queries:
        assert topic_slugs_of([]) == {}
    assert queries.captured_queries == []
    page = tagged_news(1)[0]
    assert topic_slugs_of([page.pk]) == {page.pk: ["buergerbeteiligung", "lokale-oekonomie"]}


def test_the_vocabulary_is_cached_and_dropped_when_a_topic_changes(db):
    topic = TopicFactory(name="Gender Mainstreaming")
    assert set(topic_vocabulary()) == {topic.slug}
    with CaptureQueriesContext(connection) as queries:
        topic_vocabulary()
    assert queries.captured_queries == []
    other = TopicFactory(name="Wohnen")
    assert set(topic_vocabulary()) == {topic.slug, other.slug}
