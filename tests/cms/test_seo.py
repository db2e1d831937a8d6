"""Search engines and link previews (cms.seo): robots.txt, canonical links, Open Graph and
Twitter cards, meta descriptions that are never empty, titles within 70 characters and the 404
page's language links, checked in the rendered HTML."""

import datetime
import re
from html import unescape

from django.test import Client

from wagtail.models import Site

import pytest

from cms import pagecache
from cms.models import SiteSettings
from tests.cms.factories import ImageFactory, SiteSettingsFactory, TopicFactory
from tests.conftest import tag, translate_page
from tests.editorial.page_tree import one_page_of_each_type
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.events.test_pages import json_ld
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://soziale-stadt.example.org"


@pytest.fixture(autouse=True)
def _public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


def meta(html: str, key: str) -> list[str]:
    """The contents of every <meta property|name=key>."""
    pattern = rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">'
    return [unescape(value) for value in re.findall(pattern, html)]


def one_meta(html: str, key: str) -> str:
    values = meta(html, key)
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def canonical(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def title(html: str) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


class TestRobotsTxt:
    def test_served_at_the_root_as_text_pointing_at_the_sitemap(self, client, home):
        response = client.get("/robots.txt")
        assert response.status_code == 200  # not redirected to /de/robots.txt
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.text.splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines
        assert "Disallow: /" not in lines  # public pages stay crawlable

    def test_only_get_and_head(self, client, home):
        assert client.head("/robots.txt").status_code == 200
        assert client.post("/robots.txt").status_code == 405

    def test_cached_for_anonymous_visitors(self, settings, home, django_assert_num_queries):
        settings.PAGE_CACHE_SECONDS = 600
        anonymous = Client()
        first = anonymous.get("/robots.txt")
        assert first[pagecache.HIT_HEADER] == "MISS"
        assert "public" in first["Cache-Control"]
        with django_assert_num_queries(0):
            second = anonymous.get("/robots.txt")
        assert second[pagecache.HIT_HEADER] == "HIT"
        assert second.content == first.content


class TestCanonical:
    def test_every_page_type_has_one_canonical_link_to_itself(self, client, home):
        pages = one_page_of_each_type(home)
        for page in vars(pages).values():
            html = client.get(page.url).text
            assert canonical(html) == [f"{PUBLIC}{page.url}"], page.url
            assert one_meta(html, "og:url") == f"{PUBLIC}{page.url}"

    def test_filtered_and_paginated_listings_point_to_the_plain_listing(self, client, home):
        news_index = NewsIndexPageFactory(parent=home)
        topic = TopicFactory()
        for day in range(1, 13):
            tag(NewsPageFactory(parent=news_index, date=datetime.date(2026, 1, day)), topic)
        for query in (f"?topic={topic.slug}", "?page=2", f"?topic={topic.slug}&year=2026"):
            html = client.get(f"{news_index.url}{query}").text
            assert canonical(html) == [f"{PUBLIC}{news_index.url}"], query

    def test_event_archive_is_canonical_to_itself(self, client, home):
        events = EventIndexPageFactory(parent=home)
        html = client.get(f"{events.url}archiv/?page=2").text
        assert canonical(html) == [f"{PUBLIC}{events.url}archiv/"]

    def test_views_without_a_page(self, client, home):
        topic = TopicFactory(name="Lokale Ökonomie", slug="lokale-oekonomie")
        html = client.get(f"/de/themen/{topic.slug}/").text
        assert canonical(html) == [f"{PUBLIC}/de/themen/lokale-oekonomie/"]
        html = client.get("/de/suche/?q=Quartier").text
        assert canonical(html) == [f"{PUBLIC}/de/suche/"]
        assert '<meta name="robots" content="noindex">' in html

    def test_non_ascii_addresses_are_encoded(self, client, home):
        page = ContentPageFactory(parent=home, slug="übersicht")
        html = client.get(page.url).text
        assert canonical(html) == [f"{PUBLIC}/de/%C3%BCbersicht/"]


class TestLinkPreviews:
    def test_open_graph_and_twitter_from_title_teaser_and_teaser_image(self, client, home):
        image = ImageFactory(title="Quartier", description="Häuserzeile mit Bäumen")
        news_index = NewsIndexPageFactory(parent=home)
        news = NewsPageFactory(
            parent=news_index,
            title="Neue Förderrichtlinie",
            teaser="Das Land fördert Quartiere & Nachbarschaften.",
            teaser_image=image,
        )
        html = client.get(news.url).text
        assert one_meta(html, "og:type") == "article"
        assert one_meta(html, "og:title") == "Neue Förderrichtlinie"
        assert one_meta(html, "og:description") == "Das Land fördert Quartiere & Nachbarschaften."
        assert one_meta(html, "description") == "Das Land fördert Quartiere & Nachbarschaften."
        assert one_meta(html, "og:site_name") == "Soziale Stadt NRW"
        assert one_meta(html, "og:locale") == "de_DE"
        rendition = image.get_rendition("fill-1200x630")
        assert one_meta(html, "og:image") == f"{PUBLIC}{rendition.url}"
        assert one_meta(html, "og:image:width") == str(rendition.width)
        assert one_meta(html, "og:image:height") == str(rendition.height)
        assert one_meta(html, "og:image:alt") == "Häuserzeile mit Bäumen"
        assert one_meta(html, "twitter:card") == "summary_large_image"
        assert one_meta(html, "twitter:title") == "Neue Förderrichtlinie"
        assert one_meta(html, "twitter:image") == f"{PUBLIC}{rendition.url}"

    def test_search_description_wins_over_the_teaser(self, client, home):
        page = ContentPageFactory(
            parent=home, teaser="Teaser.", search_description="Für Suchmaschinen."
        )
        html = client.get(page.url).text
        assert one_meta(html, "description") == "Für Suchmaschinen."
        assert one_meta(html, "og:description") == "Für Suchmaschinen."

    def test_without_an_image_the_site_image_or_a_small_card(self, client, home):
        page = ContentPageFactory(parent=home, teaser_image=None)
        html = client.get(page.url).text
        assert meta(html, "og:image") == []
        assert one_meta(html, "og:type") == "website"
        assert one_meta(html, "twitter:card") == "summary"
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.share_image = ImageFactory()
        site_settings.save()
        html = client.get(page.url).text
        assert one_meta(html, "og:image").startswith(f"{PUBLIC}/")
        assert one_meta(html, "twitter:card") == "summary_large_image"

    def test_english_pages(self, client, home, home_en, english):
        page = ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")
        page_en = translate_page(page, english, title="Objectives", slug="objectives")
        html = client.get(page_en.url).text
        assert one_meta(html, "og:locale") == "en_GB"
        assert meta(html, "og:locale:alternate") == ["de_DE"]
        assert one_meta(html, "og:title") == "Objectives"
        assert canonical(html) == [f"{PUBLIC}/en/objectives/"]


class TestMetaDescription:
    def test_never_empty(self, client, home):
        pages = one_page_of_each_type(home)
        for page in vars(pages).values():
            page.teaser = ""
            page.search_description = ""
            page.save_revision().publish()
            html = client.get(page.url).text
            assert one_meta(html, "description").strip(), page.url
        assert one_meta(client.get("/de/themen/").text, "description").strip()

    def test_built_in_description_in_the_page_language(self, client, home, home_en, english):
        page = ContentPageFactory(parent=home, teaser="", search_description="")
        page_en = translate_page(page, english, slug="objectives")
        assert one_meta(client.get(page.url).text, "description").startswith(
            "Die Arbeitsgemeinschaft Soziale Stadt NRW"
        )
        assert one_meta(client.get(page_en.url).text, "description").startswith(
            "The working group Soziale Stadt NRW"
        )

    def test_site_wide_description_in_the_page_language(self, client, home, home_en, english):
        SiteSettingsFactory(description="Das Netzwerk.", description_en="The network.")
        page = ContentPageFactory(parent=home, teaser="", search_description="")
        page_en = translate_page(page, english, slug="objectives")
        assert one_meta(client.get(page.url).text, "description") == "Das Netzwerk."
        assert one_meta(client.get(page_en.url).text, "description") == "The network."
        # a teaser of its own still comes first
        page.teaser = "Eigener Teaser."
        page.save_revision().publish()
        assert one_meta(client.get(page.url).text, "description") == "Eigener Teaser."

    def test_topic_hub_without_description_gets_the_site_description(self, client, home):
        SiteSettingsFactory(description="Das Netzwerk.")
        topic = TopicFactory(description="")
        html = client.get(f"/de/themen/{topic.slug}/").text
        assert one_meta(html, "description") == "Das Netzwerk."


class TestTitle:
    def test_short_titles_get_the_site_name(self, client, home):
        page = ContentPageFactory(parent=home, title="Zielsetzung")
        assert title(client.get(page.url).text) == "Zielsetzung – Soziale Stadt NRW"

    @pytest.mark.parametrize("length", [50, 51, 60, 69, 70])
    def test_the_site_name_is_dropped_beyond_70_characters(self, client, home, length):
        text = ("Quartiersentwicklung " * 5)[: length - 1].strip() + "x"
        page = ContentPageFactory(parent=home, title=text)
        shown = title(client.get(page.url).text)
        assert len(shown) <= 70
        assert shown.startswith(text)
        assert shown.endswith("– Soziale Stadt NRW") == (len(text) + 20 <= 70)

    def test_escaped_characters_count_once(self, client, home):
        text = "Städte & Gemeinden " * 2 + "im Überblick"  # 50 characters, "&" escaped
        page = ContentPageFactory(parent=home, title=text)
        assert title(client.get(page.url).text) == f"{text} – Soziale Stadt NRW"

    def test_seo_title_is_used(self, client, home):
        page = ContentPageFactory(parent=home, title="Lang", seo_title="Kurz")
        html = client.get(page.url).text
        assert title(html) == "Kurz – Soziale Stadt NRW"
        assert one_meta(html, "og:title") == "Kurz"


class TestNotFound:
    @pytest.mark.parametrize(
        ("path", "current"), [("/de/gibt-es-nicht/", "de"), ("/en/missing/", "en")]
    )
    def test_language_links_lead_to_the_start_pages(self, client, home, home_en, path, current):
        response = client.get(path)
        assert response.status_code == 404
        html = response.text
        switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
        other = "en" if current == "de" else "de"
        other_home = home_en if other == "en" else home
        assert f'href="{other_home.url}" hreflang="{other}"' in switcher
        assert "gibt-es-nicht" not in switcher
        assert "missing" not in switcher
        assert 'rel="alternate" hreflang' not in html
        assert canonical(html) == []
        assert meta(html, "og:title") == []
        assert '<meta name="robots" content="noindex">' in html

    def test_no_switcher_when_only_one_language_is_published(self, client, home):
        html = client.get("/de/gibt-es-nicht/").text
        assert 'class="language-switcher"' not in html


class TestJsonLd:
    def test_event_offer_shows_the_price(self, client, home):
        events = EventIndexPageFactory(parent=home)
        paid = EventPageFactory(parent=events, fee="60 €", registration_url="")
        free = EventPageFactory(parent=events, fee="kostenfrei", registration_url="")
        other = EventPageFactory(parent=events, fee="auf Anfrage", registration_url="")
        offer = json_ld(client.get(paid.url).text)["offers"]
        assert (offer["price"], offer["priceCurrency"]) == ("60", "EUR")
        offer = json_ld(client.get(free.url).text)["offers"]
        assert (offer["price"], offer["priceCurrency"]) == ("0", "EUR")
        assert "price" not in json_ld(client.get(other.url).text)["offers"]

    def test_image_where_the_page_has_one(self, client, home):
        news_index = NewsIndexPageFactory(parent=home)
        with_image = NewsPageFactory(parent=news_index, teaser_image=ImageFactory())
        without = NewsPageFactory(parent=news_index, teaser_image=None)
        assert json_ld(client.get(with_image.url).text)["image"][0].startswith("http")
        assert "image" not in json_ld(client.get(without.url).text)


def test_editors_learn_the_70_character_rule():
    from django.utils import translation

    from home.models import ContentPage

    form_class = ContentPage.get_edit_handler().get_form_class()
    with translation.override("de"):
        form = form_class(instance=ContentPage(), for_user=None)
        assert "70 Zeichen" in str(form.fields["seo_title"].help_text)
