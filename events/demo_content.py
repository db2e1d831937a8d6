"""Demo steps of news and events: the two overviews, 19 news items and 20 events (past and
upcoming), each in German and English."""

import datetime
from html import escape

from cms.demo.blocks import paragraph
from cms.demo.dates import event_start, previous_working_day
from cms.demo.registry import demo_step

from .demo_data import EVENTS, NEWS
from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage


def news_date(value: datetime.date | int, today: datetime.date | None = None) -> datetime.date:
    """A fixed date as it is; ``days_ago`` counted back from today onto a working day."""
    if isinstance(value, datetime.date):
        return value
    today = today or datetime.date.today()
    return previous_working_day(today - datetime.timedelta(days=value))


def event_date(item, today: datetime.date | None = None) -> datetime.date:
    """A fixed date as it is; ``days_from_today`` moved onto a plausible day for the event
    (a working day, not a holiday in NRW, Tuesday to Thursday if it had to move); past events
    move earlier, upcoming ones later, so the demo keeps its past and upcoming events."""
    if isinstance(item.start, datetime.date):
        return item.start
    today = today or datetime.date.today()
    day = today + datetime.timedelta(days=item.start)
    return event_start(day, item.days, saturday=item.saturday, earlier=item.start < 0)


def _html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def _time(text: str) -> datetime.time | None:
    return datetime.time.fromisoformat(text) if text else None


@demo_step(after=("topics", "site_tree"))
def news_and_events(context):
    home = context.pages["home"]
    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731

    news_index = context.ensure_page(
        "news",
        home,
        NewsIndexPage,
        show_in_menus=True,
        de={
            "title": "Aktuelles",
            "slug": "aktuelles",
            "teaser": "Meldungen aus dem Netzwerk, aus den Kommunen und aus der Förderpolitik.",
            "intro": "<p>Neuigkeiten aus der AG Soziale Stadt NRW, ihren Mitgliedskommunen und "
            "aus Bund und Land – zum Lesen hier oder als RSS-Feed.</p>",
        },
        en={
            "title": "News",
            "slug": "news",
            "teaser": "News from the network, the municipalities and funding policy.",
            "intro": "<p>News from the AG Soziale Stadt NRW, its member municipalities and from "
            "federal and state level – to read here or as an RSS feed.</p>",
        },
    )
    for item in NEWS:
        context.ensure_page(
            f"news:{item.slug[0]}",
            news_index,
            NewsPage,
            date=news_date(item.date),
            source_url=item.source,
            topics=[topic(slug) for slug in item.topics],
            de={
                "title": item.title[0],
                "slug": item.slug[0],
                "teaser": item.teaser[0],
                "source_name": item.source_name,
            },
            en={
                "title": item.title[1],
                "slug": item.slug[1],
                "teaser": item.teaser[1],
                "source_name": item.source_name,
            },
            streams={"body": [paragraph((_html(item.body[0]), _html(item.body[1])))]},
        )

    event_index = context.ensure_page(
        "events",
        home,
        EventIndexPage,
        show_in_menus=True,
        de={
            "title": "Veranstaltungen",
            "slug": "veranstaltungen",
            "teaser": "Netzwerktreffen, Seminare, Werkstätten und Exkursionen – und Termine "
            "anderer Veranstalter.",
            "intro": "<p>Treffen und Fortbildungen der AG Soziale Stadt NRW und Hinweise auf "
            "Veranstaltungen anderer. Alle Termine gibt es auch als Kalender zum Abonnieren.</p>",
        },
        en={
            "title": "Events",
            "slug": "events",
            "teaser": "Network meetings, seminars, workshops and study trips – and events by "
            "others.",
            "intro": "<p>Meetings and training of the AG Soziale Stadt NRW and notices of events "
            "by others. All dates are also available as a calendar to subscribe to.</p>",
        },
    )
    for item in EVENTS:
        start = event_date(item)
        deadline = item.registration_days_before
        start_time, end_time = (
            (_time(item.times[0]), _time(item.times[1])) if item.times else (None, None)
        )
        online = item.attendance in ("online", "mixed")
        context.ensure_page(
            f"event:{item.slug[0]}",
            event_index,
            EventPage,
            start_date=start,
            end_date=start + datetime.timedelta(days=item.days - 1) if item.days > 1 else None,
            start_time=start_time,
            end_time=end_time,
            attendance=item.attendance,
            city=item.city,
            venue=item.venue,
            online_url=f"https://konferenz.example.org/{item.slug[0]}" if online else "",
            organiser=item.organiser,
            fee=item.fee,
            registration_url=(
                f"https://anmeldung.example.org/{item.slug[0]}"
                if item.registration_days_before is not None
                else ""
            ),
            registration_deadline=(
                previous_working_day(start - datetime.timedelta(days=deadline))
                if deadline is not None
                else None
            ),
            topics=[topic(slug) for slug in item.topics],
            de={"title": item.title[0], "slug": item.slug[0], "teaser": item.teaser[0]},
            en={"title": item.title[1], "slug": item.slug[1], "teaser": item.teaser[1]},
            streams={"body": [paragraph((_html(item.body[0]), _html(item.body[1])))]},
        )
