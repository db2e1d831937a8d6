import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.cms.factories import DefaultParent, child_page
from tests.home.factories import site_home


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Aktuelles"
    slug = "aktuelles"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(lambda: child_page(site_home(), NewsIndexPageFactory))
    title = factory.Sequence(lambda n: f"Meldung {n}")
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    date = datetime.date(2026, 5, 1)
    teaser = "Eine Meldung aus dem Netzwerk."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Text.</p>"}])

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Veranstaltungen"
    slug = "veranstaltungen"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(lambda: child_page(site_home(), EventIndexPageFactory))
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    start_date = datetime.date(2026, 5, 14)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(16, 0)
    city = "Essen"
    venue = "Zeche Zollverein"
    organiser = "AG Soziale Stadt NRW"
    teaser = "Ein Netzwerktreffen."

    class Meta:
        model = EventPage
