"""The demo news and events read from events/demo/*.yaml: written texts, plausible dates.

No database: the data files and the date rules are checked directly, for every day of two years
on which the demo could be loaded.
"""

import datetime
import re

import pytest

from cms.demo.dates import (
    easter_sunday,
    event_start,
    is_event_day,
    is_holiday,
    is_working_day,
    nrw_holidays,
)
from events.demo_content import event_date, news_date
from events.demo_data import EVENTS, NEWS, DemoDataError, _body

ITEMS = [("news", item) for item in NEWS] + [("event", item) for item in EVENTS]
LOAD_DAYS = [datetime.date(2026, 1, 1) + datetime.timedelta(days=n) for n in range(731)]


def words(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def test_the_old_start_page_items_are_kept():
    assert [n.title[0] for n in NEWS[:3]] == [
        "ESF-Programm „Akti(F) – Aktiv für Familien und ihre Kinder“",
        "Teilhabe- und Integrationsstrategie 2030 des Landes NRW veröffentlicht",
        "„Gemeinsam klappt’s“: Förderung von Teilhabemanager vor Ort",
    ]
    assert [n.date for n in NEWS[:3]] == [
        datetime.date(2019, 9, 12),
        datetime.date(2019, 9, 12),
        datetime.date(2019, 9, 5),
    ]
    assert [e.start for e in EVENTS[:3]] == [
        datetime.date(2019, 11, 25),
        datetime.date(2019, 11, 14),
        datetime.date(2019, 9, 24),
    ]
    assert len(NEWS) == 19
    assert len(EVENTS) == 20


@pytest.mark.parametrize("language", [0, 1], ids=["de", "en"])
def test_every_item_has_its_own_written_teaser_and_body(language):
    teasers = [words(item.teaser[language]) for __, item in ITEMS]
    assert len(set(teasers)) == len(teasers), "every teaser is written for its item"
    paragraphs = [words(p) for __, item in ITEMS for p in item.body[language]]
    assert len(set(paragraphs)) == len(paragraphs), "no paragraph is shared between items"
    for kind, item in ITEMS:
        body = item.body[language]
        assert 2 <= len(body) <= 4, (kind, item.slug)
        assert words(item.teaser[language]) not in {words(p) for p in body}, (kind, item.slug)
        assert not words(body[0]).startswith(words(item.teaser[language])), (kind, item.slug)
        assert len(item.teaser[language]) <= 200, (kind, item.slug)


def test_both_languages_are_present_and_differ():
    for kind, item in ITEMS:
        for field in ("slug", "title", "teaser"):
            german, english = getattr(item, field)
            assert german, (kind, item.slug, field)
            assert english, (kind, item.slug, field)
        assert item.teaser[0] != item.teaser[1], (kind, item.slug)
        assert len(item.body[0]) == len(item.body[1]), (kind, item.slug)
        assert all(de != en for de, en in zip(*item.body, strict=True)), (kind, item.slug)


def test_slugs_are_unique_per_kind_and_language():
    for kind in ("news", "event"):
        for language in (0, 1):
            slugs = [item.slug[language] for k, item in ITEMS if k == kind]
            assert len(set(slugs)) == len(slugs)


def test_uneven_bodies_are_refused_with_a_clear_message():
    with pytest.raises(DemoDataError, match="as many paragraphs"):
        _body({"body": {"de": ["a", "b"], "en": ["a"]}}, "events.yaml item 1")
    with pytest.raises(DemoDataError, match="de and en"):
        _body({"body": {"de": ["a"]}}, "news.yaml item 2")


def test_nrw_holidays():
    assert [easter_sunday(y) for y in (2019, 2024, 2025, 2026, 2027, 2028)] == [
        datetime.date(2019, 4, 21),
        datetime.date(2024, 3, 31),
        datetime.date(2025, 4, 20),
        datetime.date(2026, 4, 5),
        datetime.date(2027, 3, 28),
        datetime.date(2028, 4, 16),
    ]
    assert sorted(nrw_holidays(2026)) == [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 4, 3),  # Karfreitag
        datetime.date(2026, 4, 6),  # Ostermontag
        datetime.date(2026, 5, 1),
        datetime.date(2026, 5, 14),  # Christi Himmelfahrt
        datetime.date(2026, 5, 25),  # Pfingstmontag
        datetime.date(2026, 6, 4),  # Fronleichnam
        datetime.date(2026, 10, 3),
        datetime.date(2026, 11, 1),
        datetime.date(2026, 12, 25),
        datetime.date(2026, 12, 26),
    ]


def test_event_start_moves_to_the_next_tuesday_to_thursday():
    assert event_start(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 6)  # New Year
    # Between Christmas and New Year nobody holds a workshop.
    assert event_start(datetime.date(2026, 12, 29)) == datetime.date(2027, 1, 5)
    assert event_start(datetime.date(2026, 12, 24)) == datetime.date(2027, 1, 5)
    # Past events move earlier, so that they stay in the past.
    assert event_start(datetime.date(2026, 1, 1), earlier=True) == datetime.date(2025, 12, 23)
    assert event_start(datetime.date(2026, 3, 7)) == datetime.date(2026, 3, 10)  # Saturday
    assert event_start(datetime.date(2026, 3, 9)) == datetime.date(2026, 3, 9)  # Monday stays
    # Two days from Whit Monday: Tuesday and Wednesday.
    assert event_start(datetime.date(2026, 5, 25), 2) == datetime.date(2026, 5, 26)
    # Two days from Wednesday before Ascension: both days must be free.
    assert event_start(datetime.date(2026, 5, 13), 2) == datetime.date(2026, 5, 19)
    assert event_start(datetime.date(2026, 3, 7), saturday=True) == datetime.date(2026, 3, 7)
    assert event_start(datetime.date(2026, 10, 3), saturday=True) == datetime.date(2026, 10, 10)


def test_every_event_falls_on_plausible_days_whenever_the_demo_is_loaded():
    for today in LOAD_DAYS:
        for item in EVENTS:
            start = event_date(item, today)
            for n in range(item.days):
                day = start + datetime.timedelta(days=n)
                assert is_event_day(day, item.saturday), (today, item.slug[0], day)
                if not item.saturday:
                    assert is_working_day(day), (item.slug[0], day)
                    assert not is_holiday(day), (item.slug[0], day)
            if not isinstance(item.start, datetime.date):
                # Moving a date never changes which side of today it is on.
                assert (start > today) == (item.start > 0), (today, item.slug[0])


def test_fixed_event_dates_are_working_days():
    for item in EVENTS:
        if isinstance(item.start, datetime.date):
            assert is_working_day(item.start), item.slug[0]


def test_news_appear_on_working_days():
    for today in LOAD_DAYS[:60]:
        for item in NEWS:
            day = news_date(item.date, today)
            assert is_working_day(day), (today, item.slug[0], day)
            assert day <= today
