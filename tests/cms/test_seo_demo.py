"""The SEO rules (cms.seo) on every page of the demo content, in both languages: one canonical
link to the page itself, a meta description, Open Graph tags and a title within 70 characters
unless the page's own title is longer."""

import re
from html import unescape

import pytest

from cms.sitemap import PageSitemap

pytestmark = pytest.mark.django_db

PUBLIC = "https://soziale-stadt.example.org"


def test_every_demo_page(demo, client, rf, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    entries = PageSitemap(rf.get("/sitemap.xml")).entries()
    assert len(entries) > 50
    problems = []
    for entry in entries:
        path = entry.location.removeprefix(PUBLIC)
        response = client.get(path)
        html = response.text
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
        page_title = entry.page.specific.seo_title or entry.page.title
        checks = {
            "status": response.status_code == 200,
            "canonical": re.findall(r'<link rel="canonical" href="([^"]*)">', html)
            == [entry.location],
            "description": bool(
                re.search(r'<meta name="description" content="[^"\s][^"]*">', html)
            ),
            "og:title": '<meta property="og:title" content="' in html,
            "title": len(title) <= 70 or title == page_title,
        }
        problems += [f"{path}: {name}" for name, passed in checks.items() if not passed]
    assert problems == []
