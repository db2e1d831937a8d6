"""The site's Content-Security-Policies in a real browser: public pages, the page editor with
its map widget and preview panel, and the API docs run without a single violation (the
``csp_watch`` fixture fails any test whose pages report one)."""

import re
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

import pytest

from cms.security import map_widget_tile_sources
from tests.browser.test_profile_map import PNG, TILE_HOST, TileServer, profiles  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "csp-test-passwort-1"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        username="csp-admin", email="csp-admin@example.org", password=PASSWORD
    )


class AllTileServers(TileServer):
    """Also answers for the editor's map widget, whose tile server is fixed at start-up."""

    hosts = {TILE_HOST, *(urlsplit(source).netloc for source in map_widget_tile_sources())}

    def handle(self, route):
        if urlsplit(route.request.url).netloc in self.hosts:
            self.tiles.append(route.request)
            route.fulfill(status=200, content_type="image/png", body=PNG)
        else:
            super().handle(route)


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_public_pages_run_under_the_strict_policy(browser_page, live_server, profiles):  # noqa: F811
    page = browser_page
    TileServer(page, live_server.url)
    for path in ("/de/", "/de/stadtteilprofile/", "/de/stadtteilprofile/essen/katernberg/"):
        response = page.goto(f"{live_server.url}{path}")
        # directives in any order (the header's order is not fixed)
        directives = {d.strip() for d in response.headers["content-security-policy"].split(";")}
        assert "script-src 'self'" in directives
        page.wait_for_load_state("networkidle")
    # The search field's suggestions (static JS, fetch to our own origin) still work.
    page.fill("#site-search", "Kat")
    page.wait_for_load_state("networkidle")


def test_page_editor_with_map_widget_and_preview(
    browser_page,
    live_server,
    profiles,  # noqa: F811
    admin_user,
):
    page = browser_page
    tiles = AllTileServers(page, live_server.url)
    log_in(page, live_server, admin_user)
    katernberg = profiles.get_descendants().get(slug="katernberg")
    page.goto(f"{live_server.url}/admin/pages/{katernberg.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_title").input_value() == "Katernberg"

    # The map tab: wagtailgeowidget's Leaflet map loads tiles from the tile server.
    page.get_by_role("tab", name="Karte").click()
    page.wait_for_load_state("networkidle")
    assert tiles.tiles, "the editor's map widget requested no tile"

    # The preview panel shows the page in a same-origin iframe.
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").first.wait_for()
    assert "Katernberg" in frame.locator("h1").first.inner_text()
    page.wait_for_load_state("networkidle")
    assert tiles.blocked == []

    # A logged-in editor sees public pages under the public policy, with Wagtail's user bar.
    page.goto(f"{live_server.url}{katernberg.url}")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator("[data-wagtail-userbar-trigger]").click()
    page.wait_for_load_state("networkidle")


def test_api_docs_render_under_their_policy(browser_page, live_server, db):
    page = browser_page
    page.goto(f"{live_server.url}/api/v3/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert page.locator(".swagger-ui .opblock").count() > 3
