"""One page of every page type, in German and English, as a visitor's Chromium gets it: axe-core
reports no violation (WCAG 2.2 A/AA and best practices), and at 320 px (400 % zoom) and at
1280 px nothing scrolls sideways. Also the pages that are not pages of the tree: search, topics
overview, a topic hub, the events archive and the 404 page."""

from wagtail.models import Site

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.browser.accessibility import axe_violations, horizontal_overflow
from tests.cms.factories import SiteSettingsFactory, TopicFactory
from tests.conftest import tag, translate_page
from tests.editorial.page_tree import one_page_of_each_type
from tests.home.factories import HomePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 1280)


@pytest.fixture
def paths(german, english):
    from wagtail.models import Page

    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update(root_page=home)
    tree = one_page_of_each_type(home)
    topic = TopicFactory(name="Bürgerbeteiligung", slug="buergerbeteiligung")
    for page in (tree.news, tree.event, tree.profile, tree.publication, tree.workshop):
        tag(page, topic)
    pages = [
        tree.home,
        tree.content,
        tree.news_index,
        tree.news,
        tree.events,
        tree.event,
        tree.profiles,
        tree.municipality,
        tree.profile,
        tree.library,
        tree.series,
        tree.workshop,
        tree.publication,
        tree.statement,
        tree.open_data,
    ]
    # Parents before children, so that every English page has its English parent.
    english_pages = [translate_page(page, english) for page in pages]
    # Leichte Sprache and Gebärdensprache: German only, linked from every page's header.
    SiteSettingsFactory(
        easy_language_page=tree.easy_language, sign_language_page=tree.sign_language
    )
    urls = [page.url for page in pages + english_pages]
    urls += [tree.easy_language.url, tree.sign_language.url]
    assert all(url.startswith(("/de/", "/en/")) for url in urls), urls
    return [
        *urls,
        f"{tree.events.url}archiv/",
        "/de/suche/?q=F%C3%B6rderrichtlinie",
        "/en/search/?q=Netzwerktreffen",
        "/de/themen/",
        f"/de/themen/{topic.slug}/",
        "/en/topics/",
        "/de/diese-seite-gibt-es-nicht/",
    ]


def test_every_page_type_passes_axe_and_reflows(browser, csp_watch, live_server, paths):
    violations = {}
    overflowing = {}
    for width in WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="de-DE", reduced_motion="reduce"
        )
        page = csp_watch.attach(context.new_page())
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        try:
            for path in paths:
                response = page.goto(f"{live_server.url}{path}")
                expected = 404 if "gibt-es-nicht" in path else 200
                assert response.status == expected, path
                if path == "/de/themen/":
                    # the topics overview is laid out as cards, not an unstyled list
                    display = page.evaluate(
                        "getComputedStyle(document.querySelector('.topic-cards')).display"
                    )
                    assert display == "grid"
                overflow = horizontal_overflow(page, width)
                if overflow is not None:
                    overflowing[(width, path)] = overflow
                if width == WIDTHS[0] or path in paths[:2]:
                    # axe at the narrow width (menus collapsed, most layout changes) for every
                    # page, and the start pages at the wide width too.
                    found = axe_violations(page)
                    if found:
                        violations[(width, path)] = found
        finally:
            context.close()
    assert (overflowing, violations) == ({}, {}), (
        f"pages that scroll sideways: {overflowing}\naxe-core violations: {violations}"
    )


def test_the_web_font_is_self_hosted_with_german_glyphs(browser_page, live_server, paths):
    """Source Sans 3 comes from our own static files (no font service sees the visitor) and
    covers the German letters and punctuation."""
    page = browser_page
    font_requests = []
    page.on(
        "request",
        lambda request: (
            font_requests.append(request.url) if request.resource_type == "font" else None
        ),
    )
    page.goto(f"{live_server.url}/de/")
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            await document.fonts.load('16px "Source Sans 3"', 'äöüß ÄÖÜ ẞ „Zitat“ – 5 €');
            return document.fonts.check('16px "Source Sans 3"', 'äöüß ÄÖÜ ẞ „Zitat“ – 5 €');
        }"""
    )
    assert loaded
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Source Sans 3"')
    assert font_requests
    assert all(url.startswith(f"{live_server.url}/static/cms/fonts/") for url in font_requests)
