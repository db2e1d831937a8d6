import base64
from urllib.parse import urlsplit

from wagtail.models import Page, Site

import pytest

from cms.geo import LatLng
from tests.home.factories import HomePageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TILE_HOST = "tiles.example.test"
# A transparent 1×1 PNG stands in for every map tile.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def profiles(settings):
    settings.MAP_TILE_URL = f"https://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png"
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update(root_page=home)
    index = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=index, title="Essen", ags="05113000")
    dortmund = MunicipalityPageFactory(
        parent=index,
        title="Dortmund",
        ags="05913000",
        regierungsbezirk="arnsberg",
        location=LatLng(lat=51.5136, lng=7.4653).as_point_string(),
    )
    DistrictProfilePageFactory(parent=essen, title="Katernberg", slug="katernberg")
    DistrictProfilePageFactory(
        parent=essen,
        title="Altendorf",
        slug="altendorf",
        status="abgeschlossen",
        funding_start=2005,
        funding_end=2015,
        location=LatLng(lat=51.4577, lng=6.993).as_point_string(),
    )
    DistrictProfilePageFactory(
        parent=dortmund,
        title="Nordstadt",
        slug="nordstadt",
        location=LatLng(lat=51.526, lng=7.46).as_point_string(),
    )
    return index


class TileServer:
    """Answers tile requests with a blank PNG and records them; blocks any other host."""

    def __init__(self, page, own_origin):
        self.tiles = []
        self.blocked = []
        self.own_host = urlsplit(own_origin).netloc
        page.route("**/*", self.handle)

    def handle(self, route):
        request = route.request
        host = urlsplit(request.url).netloc
        if host == self.own_host:
            route.continue_()
        elif host == TILE_HOST:
            self.tiles.append(request)
            route.fulfill(status=200, content_type="image/png", body=PNG)
        else:
            self.blocked.append(request.url)
            route.abort()


def test_map_loads_tiles_only_after_consent(browser_page, live_server, profiles):
    page = browser_page
    tiles = TileServer(page, live_server.url)
    page.goto(f"{live_server.url}/de/stadtteilprofile/")
    page.wait_for_load_state("networkidle")

    assert page.get_by_role("button", name="Karte anzeigen").is_visible()
    assert page.locator(".leaflet-container").count() == 0
    assert tiles.tiles == []

    page.get_by_role("button", name="Karte anzeigen").click()
    page.wait_for_selector("[data-profile-map].is-loaded")
    page.wait_for_load_state("networkidle")
    assert page.locator(".profile-marker").count() == 3
    assert page.locator(".profile-marker--abgeschlossen").count() == 1
    assert tiles.tiles, "no tile was requested after consent"
    # The tile server sees where requests come from (our origin), never the page's path.
    assert {request.headers.get("referer") for request in tiles.tiles} == {f"{live_server.url}/"}
    assert tiles.blocked == []

    # The choice is remembered: a new visit shows the map without asking again.
    tiles.tiles.clear()
    page.reload()
    page.wait_for_selector("[data-profile-map].is-loaded")
    assert page.locator(".profile-marker").count() == 3
    assert tiles.tiles

    # And it can be withdrawn.
    page.get_by_role("button", name="Karte ausblenden").click()
    tiles.tiles.clear()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name="Karte anzeigen").is_visible()
    assert tiles.tiles == []


def test_choosing_a_facet_filters_list_and_map(browser_page, live_server, profiles):
    page = browser_page
    TileServer(page, live_server.url)
    page.goto(f"{live_server.url}/de/stadtteilprofile/")
    assert page.locator(".profile-list__item").count() == 3

    page.locator(".facet__option[data-facet='municipality'][data-value='dortmund']").click()
    page.wait_for_url("**/stadtteilprofile/?municipality=dortmund")
    assert page.locator(".profile-list__item").count() == 1
    assert "Nordstadt" in page.locator(".profile-list").inner_text()
    assert "1 Programmgebiet" in page.locator(".profiles-results__count").inner_text()

    page.get_by_role("button", name="Karte anzeigen").click()
    page.wait_for_selector("[data-profile-map].is-loaded")
    assert page.locator(".profile-marker").count() == 1


def test_map_keeps_keyboard_focus_and_names_its_markers(browser_page, live_server, profiles):
    """Showing the map moves focus to the (named) map, hiding it back to the consent button,
    and every marker is a button named after its profile and status."""
    page = browser_page
    TileServer(page, live_server.url)
    page.goto(f"{live_server.url}/de/stadtteilprofile/")
    page.get_by_role("button", name="Karte anzeigen").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-profile-map].is-loaded")

    focused = page.evaluate("document.activeElement.hasAttribute('data-map-canvas')")
    assert focused, "focus fell to the page after 'Karte anzeigen'"
    canvas = page.get_by_role("region", name="Interaktive Karte", exact=False)
    assert canvas.count() == 1

    marker = page.get_by_role("button", name="Dortmund: Nordstadt (laufend)")
    assert marker.count() == 1
    completed = page.get_by_role("button", name="Essen: Altendorf (abgeschlossen)")
    assert completed.count() == 1
    # Tab reaches the markers, Enter opens the profile's popup.
    marker.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup").get_by_role("link").count() == 1

    page.get_by_role("button", name="Karte ausblenden").click()
    focused_button = page.evaluate(
        "document.activeElement.hasAttribute('data-map-consent-accept')"
    )
    assert focused_button, "focus fell to the page after 'Karte ausblenden'"
