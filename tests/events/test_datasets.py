"""Open data of the events: /daten/<language>/veranstaltungen.ics and .csv."""

import csv
import datetime
import io

from wagtail.models import PageViewRestriction

import icalendar
import pytest

from tests.cms.factories import TopicFactory
from tests.conftest import make_home, rolled_back, tag
from tests.queries import counts_per_url, download_queries

from .factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response) -> list[dict]:
    text = body(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def events(event_index):
    past = EventPageFactory(
        parent=event_index, title="Rückblick", start_date=datetime.date(2024, 3, 1)
    )
    coming = EventPageFactory(
        parent=event_index,
        title="Netzwerktreffen",
        start_date=datetime.date(2030, 5, 14),
        city="Dortmund",
    )
    EventPageFactory(parent=event_index, title="Entwurf", live=False)
    private = EventPageFactory(parent=event_index, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return past, coming


def test_calendar_holds_past_and_upcoming_visible_events(client, events):
    response = client.get("/daten/de/veranstaltungen.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(body(response))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == ["Rückblick", "Netzwerktreffen"]


def test_csv_holds_the_visible_events_with_their_columns(client, events):
    topic = TopicFactory(name="Beteiligung")
    tag(events[1], topic)
    rows = read_csv(client.get("/daten/de/veranstaltungen.csv"))
    assert [row["title"] for row in rows] == ["Rückblick", "Netzwerktreffen"]
    assert rows[1]["start_date"] == "2030-05-14"
    assert rows[1]["start_time"] == "10:00"
    assert rows[1]["city"] == "Dortmund"
    assert rows[1]["topics"] == topic.slug
    assert rows[1]["attendance_label"]


def test_events_take_the_filters_of_the_listing(client, events):
    rows = read_csv(client.get("/daten/de/veranstaltungen.csv?city=Dortmund"))
    assert [row["title"] for row in rows] == ["Netzwerktreffen"]
    rows = read_csv(client.get("/daten/de/veranstaltungen.csv?from=2030-01-01"))
    assert [row["title"] for row in rows] == ["Netzwerktreffen"]
    calendar = icalendar.Calendar.from_ical(
        body(client.get("/daten/de/veranstaltungen.ics?month=2024-03"))
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Rückblick"]


@pytest.mark.parametrize("query", ["from=gestern", "attendance=zoom", "month=13", "page=2"])
def test_bad_filters_are_a_400(client, events, query):
    response = client.get(f"/daten/de/veranstaltungen.csv?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.text


def test_conditional_get(client, events):
    etag = client.get("/daten/de/veranstaltungen.ics")["ETag"]
    assert client.get("/daten/de/veranstaltungen.ics", HTTP_IF_NONE_MATCH=etag).status_code == 304
    EventPageFactory(parent=events[0].get_parent(), title="Neu")
    assert client.get("/daten/de/veranstaltungen.ics", HTTP_IF_NONE_MATCH=etag).status_code == 200


QUERY_COUNT_PATHS = [f"/daten/de/veranstaltungen.{extension}" for extension in ("ics", "csv")]


@pytest.fixture(scope="class")
def few_then_many_events(django_db_setup, django_db_blocker):
    """The query count of each download with 3 tagged events; then 9 more are added, which the
    tests download. Built once for both formats (rolled back after the class)."""
    with rolled_back(django_db_blocker):
        event_index = EventIndexPageFactory(parent=make_home())
        topic = TopicFactory(name="Grün")
        for _ in range(3):
            tag(EventPageFactory(parent=event_index), topic)
        few = counts_per_url(QUERY_COUNT_PATHS, download_queries)
        for _ in range(9):
            tag(EventPageFactory(parent=event_index), topic)
        yield few


class TestQueryCount:
    """Its data lives while the class's tests run (the other tests build their own site)."""

    @pytest.mark.parametrize("path", QUERY_COUNT_PATHS)
    def test_query_count_does_not_grow_with_the_events(self, client, few_then_many_events, path):
        assert download_queries(client, path) == few_then_many_events[path]
