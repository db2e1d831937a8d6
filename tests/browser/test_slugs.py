"""The admin's title→slug sync in a real browser: Wagtail's slug controller, given the German
formatters of ``cms.slugs.GermanSlugInput``, spells umlauts the German way."""

import re

import pytest

from tests.editorial import conftest as editorial

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_typing_a_german_title_fills_a_german_slug(browser_page, live_server, tree, users):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", users.moderator.username)
    page.fill("#id_password", editorial.PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/pages/add/events/newspage/{tree.news_index.pk}/")
    page.locator("#id_title").press_sequentially("Förderrunde für Quartiere")
    page.locator("#id_title").blur()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("foerderrunde-fuer-quartiere")

    # A slug typed by hand (tab "Veröffentlichung") is cleaned the same way when it is left.
    page.get_by_role("tab", name="Veröffentlichung").click()
    slug.fill("Straße für Bürger")
    slug.blur()
    expect(slug).to_have_value("strasse-fuer-buerger")
