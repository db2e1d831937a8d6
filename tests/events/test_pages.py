import datetime
import json
import re

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from events.models import EVENTS_LISTING, EventPage, NewsPage
from tests.conftest import translate_page
from tests.queries import queries_for

from .factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


class TestNewsPage:
    def test_renders_with_source_and_json_ld(self, client, news_index):
        news = NewsPageFactory(
            parent=news_index,
            title="Teilhabe- und Integrationsstrategie 2030 veröffentlicht",
            date=datetime.date(2019, 9, 12),
            source_url="https://www.land.nrw",
            source_name="Land Nordrhein-Westfalen",
        )
        html = client.get(news.url).text
        assert "12. September 2019" in html
        assert '<a href="https://www.land.nrw" rel="noopener">weiterlesen: Land' in html
        data = json_ld(html)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == news.title
        assert data["datePublished"] == "2019-09-12"
        assert data["url"] == f"http://testserver{news.url}"
        assert data["publisher"]["name"] == "AG Soziale Stadt NRW"

    def test_english_translation(self, client, news_index, home_en, english):
        news = NewsPageFactory(parent=news_index, date=datetime.date(2019, 9, 12))
        index_en = translate_page(news_index, english, title="News", slug="news")
        news_en = translate_page(news, english, title="Strategy published")
        html = client.get(news_en.url).text
        assert news_en.url.startswith(index_en.url)
        assert "12 September 2019" in html
        assert json_ld(html)["inLanguage"] == "en"


class TestEventPage:
    def test_renders_dates_place_and_json_ld(self, client, event_index):
        event = EventPageFactory(
            parent=event_index,
            title="Fachtagung",
            start_date=datetime.date(2026, 5, 14),
            end_date=datetime.date(2026, 5, 15),
            attendance="mixed",
            online_url="https://konferenz.example.org/fachtagung",
            registration_url="https://anmeldung.example.org/fachtagung",
            registration_deadline=datetime.date(2026, 5, 1),
            fee="60 €",
        )
        html = client.get(event.url).text
        assert "14.–15. Mai 2026, 10:00–16:00 Uhr" in html
        assert "bis 1. Mai 2026" in html
        assert f'href="{event.url}event.ics"' in html
        data = json_ld(html)
        assert data["@type"] == "Event"
        assert data["startDate"] == "2026-05-14T10:00:00+02:00"
        assert data["endDate"] == "2026-05-15T16:00:00+02:00"
        assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
        place, virtual = data["location"]
        assert place["address"]["addressLocality"] == "Essen"
        assert virtual == {
            "@type": "VirtualLocation",
            "url": "https://konferenz.example.org/fachtagung",
        }
        assert data["organizer"]["name"] == "AG Soziale Stadt NRW"
        assert data["offers"]["validThrough"] == "2026-05-01"

    def test_all_day_json_ld_uses_dates(self, client, event_index):
        event = EventPageFactory(
            parent=event_index,
            start_time=None,
            end_time=None,
            attendance="online",
            online_url="https://x.example.org",
            city="",
        )
        data = json_ld(client.get(event.url).text)
        assert data["startDate"] == data["endDate"] == "2026-05-14"
        assert data["location"] == {"@type": "VirtualLocation", "url": "https://x.example.org"}

    def test_json_ld_cannot_break_out_of_its_script(self, client, event_index):
        event = EventPageFactory(parent=event_index, title="</script><script>alert(1)</script>")
        html = client.get(event.url).text
        assert "</script><script>alert(1)" not in html
        assert json_ld(html)["name"] == "</script><script>alert(1)</script>"

    def test_editor_may_draft_but_not_publish(self, client, django_user_model, event_index):
        editor = django_user_model.objects.create_user("redaktion", password="passwort-123456")
        editor.groups.add(Group.objects.get(name="Editors"))
        event = EventPageFactory(parent=event_index)
        assert event.permissions_for_user(editor).can_edit()
        assert not event.permissions_for_user(editor).can_publish()
        client.force_login(editor)
        assert client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).status_code == 200


class TestApi:
    def test_event_detail(self, client, event_index):
        event = EventPageFactory(parent=event_index, start_time=None, end_time=None)
        data = client.get(f"/api/v2/pages/{event.pk}/").json()
        assert data["meta"]["type"] == "events.EventPage"
        assert data["start_date"] == "2026-05-14"
        assert data["all_day"] is True
        assert data["city"] == "Essen"
        assert data["ends_at"] == "2026-05-15T00:00:00+02:00"

    def test_news_detail(self, client, news_index):
        news = NewsPageFactory(parent=news_index, source_url="https://www.land.nrw")
        data = client.get(f"/api/v2/pages/{news.pk}/").json()
        assert data["date"] == "2026-05-01"
        assert data["source_url"] == "https://www.land.nrw"
        assert data["body"][0]["type"] == "paragraph"


class TestStartPage:
    def test_shows_latest_news_and_next_events(self, client, home, news_index, event_index):
        today = datetime.date.today()
        for day in range(5):
            NewsPageFactory(
                parent=news_index,
                title=f"Meldung {day}",
                date=today - datetime.timedelta(days=day),
            )
            EventPageFactory(
                parent=event_index,
                title=f"Termin {day}",
                start_date=today + datetime.timedelta(days=day + 2),
            )
        EventPageFactory(
            parent=event_index, title="Vorbei", start_date=today - datetime.timedelta(days=3)
        )
        html = client.get("/de/").text
        assert "Meldung 0" in html
        assert "Meldung 2" in html
        assert "Meldung 3" not in html
        assert "Termin 0" in html
        assert "Termin 2" in html
        assert "Termin 3" not in html
        assert "Vorbei" not in html

    def test_one_query_each(self, home, news_index, event_index, django_assert_num_queries):
        today = datetime.date.today()
        for day in range(5):
            NewsPageFactory(parent=news_index)
            EventPageFactory(parent=event_index, start_date=today + datetime.timedelta(days=day))
        with django_assert_num_queries(1):
            assert len(NewsPage.objects.newest(home.locale)) == 3
        EVENTS_LISTING.ensure_fresh()  # current stored rows: the entries and their pages
        with django_assert_num_queries(1):
            assert len(EventPage.objects.soonest(EVENTS_LISTING, home.locale)) == 3

    def test_the_soonest_events_follow_every_change_at_once(self, home, event_index):
        # The start page's events come from the stored events (``EVENTS_LISTING``): a change
        # shows on the next request, and a page visitors may not see never does.
        today = datetime.date.today()
        events = [
            EventPageFactory(
                parent=event_index,
                title=f"Termin {day}",
                start_date=today + datetime.timedelta(days=day + 2),
            )
            for day in range(4)
        ]

        def soonest():
            return [
                event.title for event in EventPage.objects.soonest(EVENTS_LISTING, home.locale)
            ]

        assert soonest() == ["Termin 0", "Termin 1", "Termin 2"]
        events[0].unpublish()
        assert soonest() == ["Termin 1", "Termin 2", "Termin 3"]
        PageViewRestriction.objects.create(page=events[1], restriction_type="login")
        assert soonest() == ["Termin 2", "Termin 3"]
        events[3].start_date = today + datetime.timedelta(days=1)
        events[3].save_revision().publish()
        assert soonest() == ["Termin 3", "Termin 2"]
        for event in events[2:]:
            event.unpublish()
        assert soonest() == []

    def test_start_page_query_count_does_not_grow(self, client, home, news_index, event_index):
        def count():
            return queries_for(client, "/de/")

        today = datetime.date.today()
        NewsPageFactory(parent=news_index)
        # Tomorrow: an event of today may have ended already (and the start page asks once
        # more whether its stored events are current when it finds none upcoming).
        EventPageFactory(parent=event_index, start_date=today + datetime.timedelta(days=1))
        few = count()
        for day in range(20):
            NewsPageFactory(parent=news_index)
            EventPageFactory(parent=event_index, start_date=today + datetime.timedelta(days=day))
        assert count() == few
