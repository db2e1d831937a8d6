"""Demo steps of news and events: the two overviews, 19 news items and 20 events (past and
upcoming), each in German and English."""

import datetime

from cms.demo.blocks import paragraph
from cms.demo.registry import demo_step

from .demo_data import EVENTS, NEWS
from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage


def _day(value: datetime.date | int, sign: int) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.today() + datetime.timedelta(days=sign * value)


def _time(text: str) -> datetime.time | None:
    return datetime.time.fromisoformat(text) if text else None


@demo_step(order=50)
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
            date=_day(item.date, -1),
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
            streams={"body": [paragraph((f"<p>{item.text[0]}</p>", f"<p>{item.text[1]}</p>"))]},
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
        start = _day(item.start, 1)
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
                start - datetime.timedelta(days=item.registration_days_before)
                if item.registration_days_before is not None
                else None
            ),
            topics=[topic(slug) for slug in item.topics],
            de={"title": item.title[0], "slug": item.slug[0], "teaser": item.teaser[0]},
            en={"title": item.title[1], "slug": item.slug[1], "teaser": item.teaser[1]},
            streams={
                "body": [
                    paragraph(
                        (
                            f"<p>{item.teaser[0]}</p><p>Die Veranstaltung richtet sich an "
                            "Fachleute aus Verwaltung, Quartiersmanagement und Trägern der "
                            "Stadtteilarbeit. Das Programm folgt.</p>",
                            f"<p>{item.teaser[1]}</p><p>The event is aimed at professionals "
                            "from administration, neighbourhood management and local "
                            "organisations. The programme will follow.</p>",
                        )
                    )
                ]
            },
        )
