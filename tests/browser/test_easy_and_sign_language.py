"""Leichte Sprache, Gebärdensprache and the section menu in the browser (issue 17): at 320 CSS
pixels nothing scrolls sideways, the header's links are reached and followed by keyboard, and
on a phone the header with these links still leaves most of the screen to the content."""

from django.utils.text import slugify

from wagtail.models import Page, Site

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.browser.accessibility import axe_violations, horizontal_overflow
from tests.cms.factories import DocumentFactory, ImageFactory, SiteSettingsFactory
from tests.conftest import translate_page
from tests.home.factories import (
    ContentPageFactory,
    EasyLanguagePageFactory,
    HomePageFactory,
    SignLanguagePageFactory,
    easy_language_body,
)
from tests.home.test_easy_and_sign_language import MP4, VTT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTH = 320
PHONE = {"width": 390, "height": 844}
MENU = [
    "Über uns",
    "Kontakt & Beratung",
    "Sozialer Zusammenhalt",
    "Stadtteilprofile",
    "Aktuelles",
    "Veranstaltungen",
    "Wissen & Publikationen",
]
ABOUT = [
    "Die AG Soziale Stadt im Portrait",
    "Zielsetzung",
    "Wissenstransfer und Informationsaustausch",
    "Kooperation und Erfahrungsaustausch",
    "Integrierter Ansatz und Handlungsfelder",
    "Weitere Aufgaben",
    "Interessenvertretung",
]


@pytest.fixture
def site_pages():
    from wagtail.models import Locale

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update(root_page=home)
    about = None
    for title in MENU:
        page = ContentPageFactory(
            parent=home, title=title, slug=slugify(title), show_in_menus=True
        )
        about = about or page
    for title in ABOUT:
        ContentPageFactory(parent=about, title=title, slug=slugify(title))
    picture = ImageFactory(title="Häuser", description="Gezeichnete Häuser")
    body = easy_language_body()
    body[0]["value"]["image"] = {"image": picture.pk, "decorative": False, "alt_text": "Häuser"}
    body[0]["value"]["lines"].append(
        "Zum Beispiel: Städtebauförderprogramm-Bewilligungsbescheide sind lange Wörter."
    )
    easy = EasyLanguagePageFactory(
        parent=home, title="Leichte Sprache", slug="leichte-sprache", body=body
    )
    usage = EasyLanguagePageFactory(
        parent=easy, title="So benutzen Sie die Internet-Seite", slug="bedienung", body=body
    )
    sign = SignLanguagePageFactory(parent=home, slug="gebaerdensprache")
    video = DocumentFactory(title="Video", file__filename="dgs.mp4", file__data=MP4)
    captions = DocumentFactory(title="Untertitel", file__filename="dgs.vtt", file__data=VTT)
    with_video = SignLanguagePageFactory(
        parent=sign, slug="willkommen", video=video, captions=captions
    )
    SiteSettingsFactory(easy_language_page=easy, sign_language_page=sign)
    home_en = translate_page(
        home, Locale.objects.get(language_code="en"), title="Start page", slug="start-en"
    )
    return {
        "home": home.url,
        "about": about.url,
        "about_child": about.get_children().first().url,
        "easy": easy.url,
        "usage": usage.url,
        "sign": sign.url,
        "with_video": with_video.url,
        "english": home_en.url,
    }


def test_new_pages_and_header_fit_320_px(browser, csp_watch, live_server, site_pages):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 800}, locale="de-DE", reduced_motion="reduce"
    )
    page = csp_watch.attach(context.new_page())
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    problems, violations = {}, {}
    try:
        for name, path in site_pages.items():
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert page.locator(".access-link").count() == 2, path
            if name in ("about", "about_child", "usage"):
                assert page.locator("nav.section-menu").is_visible(), path
            if name == "with_video":
                assert page.locator("video track[kind=captions][srclang=de]").count() == 1
            if (overflow := horizontal_overflow(page, WIDTH)) is not None:
                problems[path] = overflow
            if found := axe_violations(page):
                violations[path] = found
    finally:
        context.close()
    assert problems == {}, f"pages wider than {WIDTH} px: {problems}"
    assert violations == {}, f"axe-core: {violations}"


def focus_by_tab(page, text: str, limit: int = 12) -> bool:
    for __ in range(limit):
        page.keyboard.press("Tab")
        if text in page.evaluate("document.activeElement.textContent || ''"):
            return True
    return False


@pytest.mark.parametrize("width", [WIDTH, 1280])
def test_header_links_by_keyboard(browser_page, live_server, site_pages, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 800})
    for label, target in (("Leichte Sprache", "easy"), ("Gebärdensprache", "sign")):
        page.goto(f"{live_server.url}{site_pages['about_child']}")
        assert focus_by_tab(page, label), f"{label} not reached by Tab"
        focused = page.evaluate(
            "[document.activeElement.tagName, document.activeElement.getAttribute('href')]"
        )
        assert focused == ["A", site_pages[target]]
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == f"{live_server.url}{site_pages[target]}"


def test_english_header_links_the_german_pages(browser_page, live_server, site_pages):
    page = browser_page
    page.goto(f"{live_server.url}{site_pages['english']}")
    easy = page.get_by_role("link", name="Leichte Sprache")
    assert easy.get_attribute("hreflang") == "de"
    assert easy.locator("span").get_attribute("lang") == "de"
    assert (
        page.get_by_role("link", name="German Sign Language").get_attribute("href")
        == (site_pages["sign"])
    )


def test_phone_header_with_the_links_leaves_room_for_the_content(
    browser_page, live_server, site_pages
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{site_pages['home']}")
    top = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
    assert top < PHONE["height"] / 3, f"header and menu take {top} of {PHONE['height']} px"
