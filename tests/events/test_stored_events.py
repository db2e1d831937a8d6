"""The events' stored entries (``cms.listing.stored``): the overview, the archive and the API
follow every change at once, and an event moves from upcoming to the archive when it ends,
without any change. The general rules of stored listings are tested with the library
(``tests/knowledge/test_stored_library.py``)."""

import datetime

from django.utils import timezone

import pytest
from freezegun import freeze_time

from events.models import EVENTS_LISTING, EventEntry, EventPage

from .factories import EventPageFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [page.title for page, _topics in response.context["entries"]]


def api(client, **query) -> list[str]:
    data = client.get("/api/v3/events/", query).json()
    assert data["count"] == len(data["items"])
    return [item["title"] for item in data["items"]]


def on(page, day: datetime.date):
    page.start_date = page.end_date = day
    page.save_revision().publish()
    return page


def test_upcoming_archive_and_api_follow_changes_and_time(client, event_index):
    today = timezone.localdate()
    soon = on(EventPageFactory(parent=event_index, title="Bald"), today + datetime.timedelta(1))
    on(EventPageFactory(parent=event_index, title="Später"), today + datetime.timedelta(5))
    assert titles(client.get("/de/veranstaltungen/")) == ["Bald", "Später"]
    assert api(client) == ["Bald", "Später"]
    soon.unpublish()
    assert titles(client.get("/de/veranstaltungen/")) == ["Später"]
    with freeze_time(timezone.now() + datetime.timedelta(days=7)):
        assert titles(client.get("/de/veranstaltungen/")) == []
        assert titles(client.get("/de/veranstaltungen/archiv/")) == ["Später"]
        assert api(client, archive="true") == ["Später"]
    EVENTS_LISTING.ensure_fresh()
    columns = ("starts_at", "ends_at", "city", "attendance", "path")
    expected = set(EventPage.objects.published(event_index.locale).values_list("pk", *columns))
    assert set(EventEntry.objects.values_list("page", *columns)) == expected
