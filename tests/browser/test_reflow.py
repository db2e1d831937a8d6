"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide (400 % zoom of a 1280 px window) the start page
and the listings with their filter forms fit the window and never scroll sideways, however long
the longest option of a filter dropdown is."""

import datetime

from django.utils import timezone

from wagtail.models import Page, Site

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.browser.accessibility import horizontal_overflow
from tests.cms.factories import TopicFactory
from tests.conftest import tag
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.home.factories import HomePageFactory
from tests.knowledge.factories import (
    KnowledgeIndexPageFactory,
    PublicationPageFactory,
    WorkshopPageFactory,
    WorkshopSeriesPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTH = 320
# Labels as long as the network's real ones, so the dropdowns size to something wide.
LONG_TOPIC = "Wohnumfeld, öffentlicher Raum und Stadtteilzentren in benachteiligten Quartieren"
LONG_SERIES = (
    "Werkstattreihe Quartiersmanagement, Beteiligung und Verstetigung in der Sozialen Stadt"
)
LONG_CITY = "verschiedene Städte in Nordrhein-Westfalen (Essen, Gelsenkirchen, Dortmund)"


@pytest.fixture
def site_pages():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update(root_page=home)
    topic = TopicFactory(name=LONG_TOPIC)
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    library = KnowledgeIndexPageFactory(parent=home)
    series = WorkshopSeriesPageFactory(parent=library, title=LONG_SERIES)
    soon = timezone.localdate() + datetime.timedelta(days=30)
    for number in range(2):
        tag(NewsPageFactory(parent=news_index, title=f"Neue Förderrichtlinie {number}"), topic)
        tag(
            EventPageFactory(
                parent=events,
                title=f"Netzwerktreffen {number}",
                start_date=soon,
                end_date=None,
                registration_deadline=None,
                city=LONG_CITY,
            ),
            topic,
        )
        tag(
            EventPageFactory(
                parent=events,
                title=f"Fachtagung {number}",
                start_date=datetime.date(2024, 5, 14),
                end_date=None,
                registration_deadline=None,
                city=LONG_CITY,
            ),
            topic,
        )
        tag(WorkshopPageFactory(parent=series, date=datetime.date(2019, 3, 1 + number)), topic)
        tag(PublicationPageFactory(parent=library, workshop_series=series), topic)
    return [home.url, news_index.url, events.url, f"{events.url}archiv/", library.url]


def test_no_horizontal_scrolling_at_320_px(browser, csp_watch, live_server, site_pages, settings):
    settings.PUBLIC_BASE_URL = "https://soziale-stadt.example.org"
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 800}, locale="de-DE", reduced_motion="reduce"
    )
    page = csp_watch.attach(context.new_page())
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    problems = {}
    try:
        for path in site_pages:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            # the listings really show their filter forms with the long options
            if path != site_pages[0]:
                assert page.locator("form.filters select").count() >= 1, path
            # what search engines and link previews read, in the page as the browser has it
            canonical = page.locator("link[rel=canonical]").get_attribute("href")
            assert canonical == f"{settings.PUBLIC_BASE_URL}{path}"
            og_url = page.locator("meta[property='og:url']").get_attribute("content")
            assert og_url == canonical
            assert page.locator("meta[name=description]").get_attribute("content").strip()
            overflow = horizontal_overflow(page, WIDTH)
            if overflow is not None:
                problems[path] = overflow
    finally:
        context.close()
    assert problems == {}, f"pages wider than {WIDTH} px: {problems}"
