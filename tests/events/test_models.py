import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Page

import pytest

from events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.home.factories import ContentPageFactory

from .factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def codes(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


class TestTree:
    def test_hierarchy(self, home, news_index, event_index):
        assert NewsPage.can_create_at(news_index)
        assert EventPage.can_create_at(event_index)
        assert not NewsPage.can_create_at(event_index)
        assert not EventPage.can_create_at(home)
        assert not NewsIndexPage.can_create_at(home)  # one per start page
        assert not EventIndexPage.can_create_at(ContentPageFactory(parent=home))
        assert EventPage.allowed_subpage_models() == []

    def test_factories(self, news_index, event_index):
        news = NewsPageFactory(parent=news_index)
        event = EventPageFactory(parent=event_index)
        news.full_clean()
        event.full_clean()
        assert event.url == f"/de/veranstaltungen/{event.slug}/"


class TestEventTimes:
    def test_timed_event_in_summer_time(self, event_index):
        event = EventPageFactory(parent=event_index, start_date=datetime.date(2026, 7, 1))
        assert event.starts_at == datetime.datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 CEST
        assert event.ends_at == datetime.datetime(2026, 7, 1, 14, 0, tzinfo=UTC)
        assert not event.all_day

    def test_timed_event_in_winter_time(self, event_index):
        event = EventPageFactory(parent=event_index, start_date=datetime.date(2026, 1, 15))
        assert event.starts_at == datetime.datetime(2026, 1, 15, 9, 0, tzinfo=UTC)  # 10:00 CET

    def test_all_day_event_ends_at_local_midnight(self, event_index):
        event = EventPageFactory(
            parent=event_index,
            start_date=datetime.date(2026, 3, 28),
            end_date=datetime.date(2026, 3, 29),  # summer time starts in the night to the 29th
            start_time=None,
            end_time=None,
        )
        assert event.all_day
        assert event.starts_at == datetime.datetime(2026, 3, 27, 23, 0, tzinfo=UTC)  # CET
        assert event.ends_at == datetime.datetime(2026, 3, 29, 22, 0, tzinfo=UTC)  # CEST

    def test_timed_event_without_end_time_lasts_until_the_end_of_its_day(self, event_index):
        event = EventPageFactory(parent=event_index, end_time=None)
        assert event.local_end() == datetime.datetime(2026, 5, 15, 0, 0, tzinfo=BERLIN)


class TestEventValidation:
    def event(self, event_index, **values):
        page = EventPageFactory(parent=event_index)
        for key, value in values.items():
            setattr(page, key, value)
        return page

    def test_end_before_start(self, event_index):
        page = self.event(event_index, end_date=datetime.date(2026, 5, 1))
        assert codes(page)["end_date"] == ["end_before_start"]
        page = self.event(event_index, end_time=datetime.time(9, 0))
        assert codes(page)["end_time"] == ["end_before_start"]

    def test_end_time_needs_a_start_time(self, event_index):
        page = self.event(event_index, start_time=None)
        assert codes(page)["start_time"] == ["end_time_without_start"]

    def test_registration_deadline_after_start(self, event_index):
        page = self.event(event_index, registration_deadline=datetime.date(2026, 5, 15))
        assert codes(page)["registration_deadline"] == ["deadline_after_start"]
        page.registration_deadline = datetime.date(2026, 5, 14)
        page.full_clean()

    def test_time_skipped_by_summer_time_is_refused(self, event_index):
        page = self.event(
            event_index,
            start_date=datetime.date(2026, 3, 29),
            start_time=datetime.time(2, 30),
            end_time=datetime.time(4, 0),
        )
        assert codes(page)["start_time"] == ["nonexistent_time"]

    def test_online_events_need_a_link_and_on_site_events_a_city(self, event_index):
        page = self.event(event_index, attendance="online", online_url="")
        assert codes(page)["online_url"] == ["online_url_required"]
        page = self.event(event_index, attendance="offline", city="")
        assert codes(page)["city"] == ["city_required"]


class TestEditor:
    def data(self, **overrides):
        data = {
            "title": "Netzwerktreffen",
            "slug": "netzwerktreffen",
            "start_date": "2026-05-14",
            "start_time": "10:00",
            "end_date": "",
            "end_time": "16:00",
            "attendance": "offline",
            "venue": "",
            "address": "",
            "postal_code": "",
            "city": "Essen",
            "online_url": "",
            "organiser": "",
            "registration_url": "",
            "registration_deadline": "",
            "fee": "",
            "topics": "",
            "body-count": "0",
            "action-publish": "publish",
        }
        data.update(overrides)
        return data

    def post(self, client, event_index, **overrides):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))
        return client.post(url, self.data(**overrides))

    def test_valid_event_is_published(self, admin_client, event_index):
        response = self.post(admin_client, event_index)
        assert response.status_code == 302
        assert Page.objects.child_of(event_index).get(slug="netzwerktreffen").live

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"end_date": "2026-05-01"}, "end_date", "vor ihrem Beginn"),
            ({"registration_deadline": "2026-05-20"}, "registration_deadline", "Anmeldeschluss"),
            ({"start_date": "2026-02-30"}, "start_date", "gültiges Datum"),
        ],
    )
    def test_bad_dates_give_a_message_and_save_nothing(
        self, admin_client, event_index, overrides, field, message
    ):
        response = self.post(admin_client, event_index, **overrides)
        assert response.status_code == 200
        assert message in str(response.context["form"].errors[field])
        assert not Page.objects.child_of(event_index).filter(slug="netzwerktreffen").exists()
