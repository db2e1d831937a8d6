"""/sitemap.xml: the pages visitors may see, in both languages, at the public https address."""

import datetime
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

BASE = "https://soziale-stadt.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


def sitemap(client) -> dict[str, dict[str, str]]:
    """Location → {hreflang: alternate location} of every <url> in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", namespaces=NS)
        }
        for url in root.findall("s:url", namespaces=NS)
    }


@pytest.fixture
def pages(home, home_en, english):
    about = ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")
    about_en = translate_page(about, english, title="Objectives", slug="objectives")
    expired = ContentPageFactory(parent=home, title="Abgelaufen", slug="abgelaufen")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])  # live until the scheduler runs
    restricted = ContentPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    below_restricted = ContentPageFactory(parent=restricted, title="Protokoll", slug="protokoll")
    draft = ContentPageFactory(parent=home, title="Entwurf", slug="entwurf", live=False)
    return locals()


def test_english_pages_are_listed_with_hreflang_alternates(client, pages):
    urls = sitemap(client)
    alternates = {
        "de": f"{BASE}/de/zielsetzung/",
        "en": f"{BASE}/en/objectives/",
        "x-default": f"{BASE}/de/zielsetzung/",
    }
    assert urls[f"{BASE}/de/zielsetzung/"] == alternates
    assert urls[f"{BASE}/en/objectives/"] == alternates
    assert urls[f"{BASE}/de/"]["en"] == f"{BASE}/en/"


def test_only_visible_pages_are_listed(client, pages):
    assert set(sitemap(client)) == {
        f"{BASE}/de/",
        f"{BASE}/en/",
        f"{BASE}/de/zielsetzung/",
        f"{BASE}/en/objectives/",
    }


def test_addresses_come_from_public_base_url_not_the_request(client, pages):
    urls = sitemap(client)
    assert all(url.startswith(f"{BASE}/") for url in urls)
    assert all(href.startswith(f"{BASE}/") for links in urls.values() for href in links.values())
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert b"localhost" not in response.content


def test_page_without_translation_has_no_alternates(client, home, german):
    ContentPageFactory(parent=home, title="Nur deutsch", slug="nur-deutsch")
    assert sitemap(client)[f"{BASE}/de/nur-deutsch/"] == {}


def test_untranslated_placeholders_are_not_listed(client, home, home_en):
    """wagtail-localize's stand-ins carry German text in the English tree."""
    page = ContentPageFactory(parent=home, title="Noch nicht übersetzt", slug="noch-nicht")
    alias = page.create_alias(parent=home_en, update_locale=home_en.locale, update_slug="not-yet")
    assert alias.live
    assert alias.url == "/en/not-yet/"
    urls = sitemap(client)
    assert f"{BASE}/de/noch-nicht/" in urls
    assert f"{BASE}/en/not-yet/" not in urls


def test_query_count_does_not_grow_with_pages(client, home, home_en, english):
    def count():
        sitemap(client)  # warm the site root paths cache
        with CaptureQueriesContext(connection) as queries:
            sitemap(client)
        return len(queries)

    ContentPageFactory(parent=home, title="Eins", slug="eins")
    few = count()
    for i in range(8):
        page = ContentPageFactory(parent=home, title=f"Seite {i}", slug=f"seite-{i}")
        translate_page(page, english, title=f"Page {i}", slug=f"page-{i}")
    assert count() == few
