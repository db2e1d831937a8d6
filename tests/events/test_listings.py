import datetime

from wagtail.models import PageViewRestriction

import feedparser
import pytest
from freezegun import freeze_time
from icalendar import Calendar

from events.filters import EventFilters
from events.models import EventPage
from tests.cms.factories import TopicFactory
from tests.conftest import tag
from tests.queries import queries_for

from .factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(response_or_items) -> list[str]:
    return [item.title for item in response_or_items]


count_queries = queries_for


class TestNewsIndex:
    def test_newest_first_and_paginated(self, client, news_index):
        for day in range(1, 26):
            NewsPageFactory(
                parent=news_index, title=f"Tag {day}", date=datetime.date(2026, 1, day)
            )
        response = client.get("/de/aktuelles/")
        listed = [entry[0].title for entry in response.context["entries"]]
        assert listed == [f"Tag {day}" for day in range(25, 15, -1)]
        page3 = client.get("/de/aktuelles/?page=3")
        assert [e[0].title for e in page3.context["entries"]] == [
            f"Tag {d}" for d in range(5, 0, -1)
        ]
        # Out-of-range or malformed page numbers show the nearest page instead of an error.
        assert client.get("/de/aktuelles/?page=99").context["page_obj"].number == 3
        assert client.get("/de/aktuelles/?page=abc").context["page_obj"].number == 1

    def test_topic_and_year_combine(self, client, news_index):
        topic = TopicFactory(name="Bildung", slug="bildung")
        tag(NewsPageFactory(parent=news_index, title="A", date=datetime.date(2025, 3, 1)), topic)
        tag(NewsPageFactory(parent=news_index, title="B", date=datetime.date(2026, 3, 1)), topic)
        NewsPageFactory(parent=news_index, title="C", date=datetime.date(2026, 4, 1))
        response = client.get("/de/aktuelles/?topic=bildung&year=2026")
        assert [e[0].title for e in response.context["entries"]] == ["B"]
        facets = response.context["facets"]
        assert facets.years == [(2026, 1), (2025, 1)]  # topic applied, year not
        assert [(t.slug, n) for t, n in facets.topics] == [("bildung", 1)]  # year applied

    def test_bad_filters_are_ignored_with_a_note(self, client, news_index):
        NewsPageFactory(parent=news_index)
        response = client.get("/de/aktuelles/?topic=gibt-es-nicht&year=20x6")
        assert response.status_code == 200
        assert "wurden ignoriert" in response.text
        assert "unbekanntes Thema" in response.text
        assert len(response.context["entries"]) == 1

    def test_drafts_and_private_news_are_never_listed(self, client, news_index):
        NewsPageFactory(parent=news_index, title="Öffentlich")
        NewsPageFactory(parent=news_index, title="Entwurf").unpublish()
        private = NewsPageFactory(parent=news_index, title="Intern")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        html = client.get("/de/aktuelles/").text
        assert "Öffentlich" in html
        assert "Entwurf" not in html
        assert "Intern" not in html
        feed = feedparser.parse(client.get("/de/aktuelles/feed.rss").content)
        assert [entry.title for entry in feed.entries] == ["Öffentlich"]

    @pytest.mark.parametrize("url", ["/de/aktuelles/", "/de/aktuelles/feed.rss"])
    def test_query_count_does_not_grow(self, client, news_index, url):
        topic = TopicFactory()
        for _index in range(5):
            tag(NewsPageFactory(parent=news_index), topic)
        few = count_queries(client, url)
        for _index in range(45):
            NewsPageFactory(parent=news_index)
        assert count_queries(client, url) == few


class TestNewsFeeds:
    def test_rss_parses_and_lists_the_news(self, client, news_index):
        topic = TopicFactory(name="Bildung", slug="bildung")
        item = tag(NewsPageFactory(parent=news_index, title="Schulen im Quartier"), topic)
        NewsPageFactory(parent=news_index, title="Andere Meldung", date=datetime.date(2026, 4, 1))
        response = client.get("/de/aktuelles/feed.rss")
        assert response["Content-Type"].startswith("application/rss+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["Schulen im Quartier", "Andere Meldung"]
        entry = feed.entries[0]
        assert entry.link == f"http://testserver/de/aktuelles/{item.slug}/"
        assert entry.id == f"urn:uuid:{item.translation_key}"
        assert [tag.term for tag in entry.tags] == ["Bildung"]

        by_topic = feedparser.parse(client.get("/de/aktuelles/feed.rss?topic=bildung").content)
        assert [entry.title for entry in by_topic.entries] == ["Schulen im Quartier"]
        assert "Bildung" in by_topic.feed.title

    def test_atom_parses(self, client, news_index):
        NewsPageFactory(parent=news_index, title="Meldung")
        feed = feedparser.parse(client.get("/de/aktuelles/feed.atom").content)
        assert not feed.bozo
        assert feed.version == "atom10"
        assert [entry.title for entry in feed.entries] == ["Meldung"]

    def test_unknown_topic_or_year_is_a_400(self, client, news_index):
        response = client.get("/de/aktuelles/feed.rss?topic=gibt-es-nicht")
        assert response.status_code == 400
        assert "topic=gibt-es-nicht" in response.text
        assert client.get("/de/aktuelles/feed.atom?year=zwei").status_code == 400


class TestUpcomingAndArchive:
    @pytest.fixture
    def events(self, event_index):
        return {
            "all_day_dst": EventPageFactory(
                parent=event_index,
                title="Ganztägig am Tag der Zeitumstellung",
                start_date=datetime.date(2026, 3, 29),
                start_time=None,
                end_time=None,
            ),
            "winter_evening": EventPageFactory(
                parent=event_index,
                title="Abends nach der Zeitumstellung",
                start_date=datetime.date(2026, 10, 25),
                start_time=datetime.time(14, 0),
                end_time=datetime.time(16, 0),
            ),
        }

    @pytest.mark.parametrize(
        ("now", "upcoming"),
        [
            # The all-day event on 29 March 2026 (clocks go forward) ends at local midnight,
            # which is 22:00 UTC in summer time.
            ("2026-03-29T21:59:59Z", True),
            ("2026-03-29T22:00:00Z", False),
        ],
    )
    def test_all_day_event_moves_to_the_archive_at_local_midnight(
        self, client, events, now, upcoming
    ):
        with freeze_time(now):
            listed = titles(e for e, _ in client.get("/de/veranstaltungen/").context["entries"])
            archived = titles(
                e for e, _ in client.get("/de/veranstaltungen/archiv/").context["entries"]
            )
        title = events["all_day_dst"].title
        assert (title in listed) is upcoming
        assert (title in archived) is not upcoming

    @pytest.mark.parametrize(
        ("now", "upcoming"),
        # 16:00 on 25 October 2026, after the clocks went back, is 15:00 UTC.
        [("2026-10-25T14:59:00Z", True), ("2026-10-25T15:00:00Z", False)],
    )
    def test_timed_event_after_the_return_to_winter_time(self, events, event_index, now, upcoming):
        moment = datetime.datetime.fromisoformat(now)
        listed = titles(EventPage.objects.published(event_index.locale).listed(now=moment))
        assert (events["winter_evening"].title in listed) is upcoming

    def test_upcoming_by_start_archive_newest_first(self, event_index):
        for day in (20, 5, 12):
            EventPageFactory(
                parent=event_index, title=f"Mai {day}", start_date=datetime.date(2026, 5, day)
            )
        now = datetime.datetime(2026, 5, 10, tzinfo=datetime.UTC)
        upcoming = EventPage.objects.published(event_index.locale).listed(now=now)
        archive = EventPage.objects.published(event_index.locale).listed(archive=True, now=now)
        assert titles(upcoming) == ["Mai 12", "Mai 20"]
        assert titles(archive) == ["Mai 5"]


class TestEventFilters:
    @pytest.fixture
    def program(self, event_index):
        topic = TopicFactory(name="Bildung", slug="bildung")
        tag(
            EventPageFactory(
                parent=event_index, title="Essen Mai", start_date=datetime.date(2026, 5, 4)
            ),
            topic,
        )
        EventPageFactory(
            parent=event_index,
            title="Köln Mai",
            city="Köln",
            start_date=datetime.date(2026, 5, 20),
        )
        EventPageFactory(
            parent=event_index,
            title="Essen Juni lang",
            start_date=datetime.date(2026, 5, 30),
            end_date=datetime.date(2026, 6, 2),
            start_time=None,
            end_time=None,
        )
        return event_index

    def search(self, index, **query):
        # Cities are checked as on the HTML page (the topic "bildung" is in the program).
        filterset = EventFilters(EventPage.objects.published(index.locale, index), check_open=True)
        selection = filterset.parse(query)
        now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        listed = filterset.apply(
            EventPage.objects.published(index.locale).listed(now=now), selection
        )
        return titles(listed), selection.problems

    def test_city_topic_month_and_range_combine(self, program):
        assert self.search(program, city="Essen")[0] == ["Essen Mai", "Essen Juni lang"]
        assert self.search(program, city="Essen", topic="bildung")[0] == ["Essen Mai"]
        # An event overlapping the month counts, even if it starts before or ends after it.
        assert self.search(program, month="2026-06")[0] == ["Essen Juni lang"]
        assert self.search(program, **{"from": "2026-05-10", "to": "2026-05-31"})[0] == [
            "Köln Mai",
            "Essen Juni lang",
        ]
        assert self.search(program, month="2026-05", city="Köln")[0] == ["Köln Mai"]

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [
            ({"from": "2026-02-30"}, "from"),
            ({"to": "gestern"}, "to"),
            ({"month": "2026-13"}, "month"),
            ({"topic": "unbekannt"}, "topic"),
            ({"city": "Atlantis"}, "city"),
        ],
    )
    def test_bad_values_are_reported_and_dropped(self, program, query, parameter):
        listed, problems = self.search(program, **query)
        assert [p.parameter for p in problems] == [parameter]
        assert len(listed) == 3

    def test_a_range_ending_before_it_starts_keeps_only_its_start(self, program):
        listed, problems = self.search(program, **{"from": "2026-06-01", "to": "2026-05-01"})
        assert [p.parameter for p in problems] == ["to"]
        assert listed == ["Essen Juni lang"]

    def test_bad_values_in_the_page_url_give_a_note_not_an_error(self, client, program):
        response = client.get("/de/veranstaltungen/?from=2026-02-30&month=x&city=Atlantis")
        assert response.status_code == 200
        assert "erwartet ein Datum als JJJJ-MM-TT" in response.text

    def test_filters_keep_across_upcoming_and_archive(self, client, program):
        html = client.get("/de/veranstaltungen/?city=Essen").text
        assert 'href="/de/veranstaltungen/archiv/?city=Essen"' in html

    @pytest.mark.parametrize(
        "url",
        ["/de/veranstaltungen/", "/de/veranstaltungen/archiv/", "/de/veranstaltungen/feed.ics"],
    )
    def test_query_count_does_not_grow(self, client, event_index, url):
        topic = TopicFactory()
        today = datetime.date.today()
        for offset in range(-2, 3):
            tag(
                EventPageFactory(
                    parent=event_index, start_date=today + datetime.timedelta(days=offset * 30)
                ),
                topic,
            )
        few = count_queries(client, url)
        for offset in range(-20, 25):
            EventPageFactory(
                parent=event_index, start_date=today + datetime.timedelta(days=offset * 7)
            )
        assert count_queries(client, url) == few


class TestCalendar:
    def events_of(self, content: bytes) -> list:
        calendar = Calendar.from_ical(content)
        return list(calendar.walk("VEVENT"))

    def test_event_download_round_trips_its_dates(self, client, event_index):
        event = EventPageFactory(parent=event_index, start_date=datetime.date(2026, 10, 25))
        response = client.get(f"/de/veranstaltungen/{event.slug}/event.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
        calendar = Calendar.from_ical(response.content)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
        (vevent,) = calendar.walk("VEVENT")
        assert vevent.decoded("DTSTART") == event.local_start()
        assert vevent.decoded("DTEND") == event.local_end()
        assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert str(vevent["SUMMARY"]) == event.title
        assert str(vevent["URL"]) == f"http://testserver/de/veranstaltungen/{event.slug}/"
        assert "Zeche Zollverein, Essen" in str(vevent["LOCATION"])
        assert vevent.decoded("DTSTAMP").tzinfo is not None

    def test_all_day_events_are_dates_with_exclusive_end(self, client, event_index):
        event = EventPageFactory(
            parent=event_index,
            start_date=datetime.date(2026, 3, 28),
            end_date=datetime.date(2026, 3, 29),
            start_time=None,
            end_time=None,
        )
        (vevent,) = self.events_of(
            client.get(f"/de/veranstaltungen/{event.slug}/event.ics").content
        )
        assert vevent.decoded("DTSTART") == datetime.date(2026, 3, 28)
        assert vevent.decoded("DTEND") == datetime.date(2026, 3, 30)
        assert vevent["DTSTART"].params["VALUE"] == "DATE"

    def test_uid_is_stable_across_edits(self, client, event_index):
        event = EventPageFactory(parent=event_index)
        url = f"/de/veranstaltungen/{event.slug}/event.ics"
        (before,) = self.events_of(client.get(url).content)
        event.title = "Neuer Titel"
        event.save_revision().publish()
        (after,) = self.events_of(client.get(url).content)
        assert (
            str(before["UID"]) == str(after["UID"]) == f"{event.translation_key}@soziale-stadt.nrw"
        )
        assert str(after["SUMMARY"]) == "Neuer Titel"

    def test_subscription_feed_all_and_per_topic(self, client, event_index):
        topic = TopicFactory(slug="bildung")
        today = datetime.date.today()
        tag(EventPageFactory(parent=event_index, title="Mit Thema", start_date=today), topic)
        EventPageFactory(parent=event_index, title="Ohne Thema", start_date=today)
        EventPageFactory(
            parent=event_index, title="Lange her", start_date=today - datetime.timedelta(days=800)
        )
        EventPageFactory(parent=event_index, title="Entwurf", start_date=today).unpublish()
        all_events = self.events_of(client.get("/de/veranstaltungen/feed.ics").content)
        assert sorted(str(e["SUMMARY"]) for e in all_events) == ["Mit Thema", "Ohne Thema"]
        by_topic = self.events_of(client.get("/de/veranstaltungen/feed.ics?topic=bildung").content)
        assert [str(e["SUMMARY"]) for e in by_topic] == ["Mit Thema"]
        for vevent in all_events:
            assert vevent.get("DTSTAMP") is not None
            assert vevent.get("UID")

    @pytest.mark.parametrize("query", ["topic=gibt-es-nicht", "from=2026-99-01", "month=mai"])
    def test_bad_feed_filters_are_a_400(self, client, event_index, query):
        response = client.get(f"/de/veranstaltungen/feed.ics?{query}")
        assert response.status_code == 400
        assert query.split("=")[0] in response.text


def test_archive_language_links_lead_to_the_other_languages_archive(client, event_index, english):
    """The language switch and hreflang of the archive lead to the archive in the other
    language, not to its upcoming list."""
    from tests.conftest import translate_page

    home_en = translate_page(event_index.get_parent(), english, slug="start-en")
    assert home_en.url == "/en/"
    event_index_en = translate_page(event_index, english, title="Events", slug="events")
    html = client.get("/de/veranstaltungen/archiv/").text
    assert 'hreflang="en" href="http://testserver/en/events/archive/"' in html
    assert 'href="/en/events/archive/"' in html
    html_en = client.get("/en/events/archive/").text
    assert 'hreflang="de" href="http://testserver/de/veranstaltungen/archiv/"' in html_en
    assert 'href="/de/veranstaltungen/archiv/"' in html_en
    # The English upcoming list links its own archive under its English address.
    assert client.get(event_index_en.url).context["archive_url"] == "/en/events/archive/"
    # The upcoming lists still link each other.
    assert 'hreflang="en" href="http://testserver/en/events/"' in client.get(event_index.url).text
