"""Synthetic news and events for the benchmarks (``generate_content``, cms.demo.synthetic)."""

import datetime

from cms.demo.synthetic import CITIES, Kind, first_page, register_kind

from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

register_kind(
    Kind(
        name="news",
        model=NewsPage,
        share=0.30,
        parents=lambda locale: [first_page(NewsIndexPage, locale)],
        values=lambda text, n: {
            "date": text.day(2010, 2026),
            "teaser": text.sentence(),
            "body": text.stream(3),
        },
    )
)

register_kind(
    Kind(
        name="event",
        model=EventPage,
        share=0.25,
        parents=lambda locale: [first_page(EventIndexPage, locale)],
        values=lambda text, n: {
            "start_date": text.day(2015, 2027),
            "start_time": datetime.time(text.random.randint(9, 18)),
            "city": text.pick(CITIES),
            "venue": "Stadtteilzentrum",
            "organiser": "AG Soziale Stadt NRW",
            "teaser": text.sentence(),
            "body": text.stream(2),
        },
        # bulk inserts skip save(): the start and end instants are set here
        prepare=lambda page: page._set_instants(),
    )
)
