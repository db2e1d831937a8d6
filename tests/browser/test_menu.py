"""The main menu on phones and on desktops (issue 17): below 48rem it hides behind a "Menü"
button (disclosure pattern: aria-expanded, aria-controls, Escape closes and returns focus to the
button); without JavaScript the menu is simply shown; at 1280 px all items fit on one row."""

from django.utils.text import slugify

from wagtail.models import Page, Site

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.home.factories import ContentPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# The network's real top-level pages, in the demo's order: the longest labels the menu carries.
MENU = [
    "Über uns",
    "Kontakt & Beratung",
    "Sozialer Zusammenhalt",
    "Stadtteilprofile",
    "Aktuelles",
    "Veranstaltungen",
    "Wissen & Publikationen",
]

LINKS = ".main-nav__list a"
FOCUSED_IS_TOGGLE = "document.activeElement === document.querySelector('.main-nav__toggle')"


@pytest.fixture
def start_page_url():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update(root_page=home)
    for title in MENU:
        ContentPageFactory(parent=home, title=title, slug=slugify(title), show_in_menus=True)
    return home.url


def assert_links(page, visible):
    links = page.locator(LINKS)
    assert links.count() == len(MENU)
    assert [links.nth(index).is_visible() for index in range(len(MENU))] == [visible] * len(MENU)


def test_phone_menu_button_by_keyboard(browser_page, live_server, start_page_url):
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{start_page_url}")

    button = page.get_by_role("button", name="Menü")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "main-nav-list")
    assert page.locator("#main-nav-list").count() == 1
    assert_links(page, visible=False)
    # The collapsed header leaves most of the phone's screen to the content.
    assert page.evaluate("document.querySelector('main').getBoundingClientRect().top") < 844 / 3

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert_links(page, visible=True)

    # Into the menu, then Escape: closed again, and focus is back on the button.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.main-nav__list') !== null")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert_links(page, visible=False)
    assert page.evaluate(FOCUSED_IS_TOGGLE)

    # Space opens it too (a real button), and Escape on the button itself closes it.
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate(FOCUSED_IS_TOGGLE)


def test_phone_menu_without_javascript_is_shown(browser, csp_watch, live_server, start_page_url):
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    page = csp_watch.attach(context.new_page())
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}{start_page_url}")
        assert not page.locator(".main-nav__toggle").is_visible()
        assert_links(page, visible=True)
    finally:
        context.close()


def test_desktop_menu_is_one_row_without_button(browser_page, live_server, start_page_url):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{start_page_url}")

    assert not page.locator(".main-nav__toggle").is_visible()
    assert_links(page, visible=True)
    tops = page.evaluate(f"[...document.querySelectorAll('{LINKS}')].map((a) => a.offsetTop)")
    rows = dict(zip(MENU, tops, strict=True))
    assert len(set(tops)) == 1, f"menu links on more than one row: {rows}"
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
