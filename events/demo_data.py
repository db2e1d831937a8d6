"""Facts and texts of the demo news and events, read from ``events/demo/news.yaml`` and
``events/demo/events.yaml`` (German and English side by side per item).

The three news items and three event notices of the network's old start page keep their titles,
dates and places; their texts are written anew. Everything else is invented for the demo and
dated relative to the day the demo is loaded (``days_ago``, ``days_from_today``), so there are
always past and upcoming events; ``cms.demo.dates`` moves such dates onto plausible days.
"""

import datetime
from pathlib import Path
from typing import NamedTuple

from cms.demo.data import LANGUAGES, DemoDataError, Pair, as_pair, read_list

DEMO_DIR = Path(__file__).resolve().parent / "demo"
ATTENDANCE = ("offline", "online", "mixed")


class News(NamedTuple):
    slug: Pair
    date: datetime.date | int  # a date, or days before today
    title: Pair
    teaser: Pair
    body: tuple[list[str], list[str]]  # paragraphs, German and English
    topics: list[str]
    source: str = ""
    source_name: str = ""


class Event(NamedTuple):
    slug: Pair
    start: datetime.date | int  # a date, or days from today (negative: past)
    days: int  # 1 for one-day events
    times: Pair | None  # ("10:00", "16:00"), ("18:00", "") or None (all day)
    title: Pair
    teaser: Pair
    body: tuple[list[str], list[str]]
    city: str
    venue: str
    attendance: str  # offline / online / mixed
    organiser: str
    topics: list[str]
    fee: str = ""
    registration_days_before: int | None = None
    saturday: bool = False  # a Saturday is a plausible day (neighbourhood festivals)


def _pair(item: dict, key: str, where: str) -> Pair:
    """The texts as one line each: the data files may wrap them."""
    return tuple(" ".join(text.split()) for text in as_pair(item.get(key), where, key))


def _body(item: dict, where: str) -> tuple[list[str], list[str]]:
    value = item.get("body")
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise DemoDataError(f"{where}: 'body' needs exactly the keys de and en")
    paragraphs = []
    for lang in LANGUAGES:
        texts = value[lang]
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            raise DemoDataError(f"{where}: body.{lang} must be a list of paragraphs")
        paragraphs.append([" ".join(text.split()) for text in texts])
    if len(paragraphs[0]) != len(paragraphs[1]):
        raise DemoDataError(f"{where}: the English body needs as many paragraphs as the German")
    return tuple(paragraphs)


def _date(item: dict, relative_key: str, where: str) -> datetime.date | int:
    if "date" in item:
        if not isinstance(item["date"], datetime.date):
            raise DemoDataError(f"{where}: 'date' must be a date (YYYY-MM-DD)")
        return item["date"]
    if not isinstance(item.get(relative_key), int):
        raise DemoDataError(f"{where}: needs 'date' or '{relative_key}'")
    return item[relative_key]


def _read(name: str) -> list[dict]:
    return read_list(DEMO_DIR / name)


def load_news() -> list[News]:
    news = []
    for number, item in enumerate(_read("news.yaml"), start=1):
        where = f"news.yaml item {number}"
        source = item.get("source") or {}
        news.append(
            News(
                slug=_pair(item, "slug", where),
                date=_date(item, "days_ago", where),
                title=_pair(item, "title", where),
                teaser=_pair(item, "teaser", where),
                body=_body(item, where),
                topics=list(item.get("topics") or []),
                source=source.get("url", ""),
                source_name=source.get("name", ""),
            )
        )
    return news


def load_events() -> list[Event]:
    events = []
    for number, item in enumerate(_read("events.yaml"), start=1):
        where = f"events.yaml item {number}"
        times = item.get("times")
        if times is not None:
            if not (isinstance(times, list) and len(times) == 2):
                raise DemoDataError(f"{where}: 'times' must be [start, end] as quoted strings")
            if not all(isinstance(t, str) for t in times):
                raise DemoDataError(f"{where}: quote the times ('10:00'), YAML reads 10:00 as 600")
            times = tuple(times)
        if item.get("attendance") not in ATTENDANCE:
            raise DemoDataError(f"{where}: 'attendance' must be one of {ATTENDANCE}")
        events.append(
            Event(
                slug=_pair(item, "slug", where),
                start=_date(item, "days_from_today", where),
                days=int(item.get("days", 1)),
                times=times,
                title=_pair(item, "title", where),
                teaser=_pair(item, "teaser", where),
                body=_body(item, where),
                city=item.get("city", ""),
                venue=item.get("venue", ""),
                attendance=item["attendance"],
                organiser=item.get("organiser", ""),
                topics=list(item.get("topics") or []),
                fee=item.get("fee", ""),
                registration_days_before=item.get("registration_days_before"),
                saturday=bool(item.get("saturday", False)),
            )
        )
    return events


NEWS = load_news()
EVENTS = load_events()
