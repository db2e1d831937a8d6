import re

from django.test import Client

from wagtail.models import Page, PageViewRestriction

import pytest

from home.models import ContentPage, HomePage
from tests.cms.factories import (
    FooterTextFactory,
    SiteSettingsFactory,
    TopicFactory,
    TopicLabelFactory,
)
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db


class TestPageTree:
    def test_home_page_only_under_the_root(self, home):
        root = Page.get_first_root_node()
        assert HomePage.can_create_at(root) is False  # one start page; others are translations
        assert HomePage.parent_page_types == ["wagtailcore.Page"]
        assert HomePage not in ContentPage.allowed_subpage_models()

    def test_content_pages_under_home_and_content_pages(self, home):
        page = ContentPageFactory(parent=home)
        assert ContentPage.can_create_at(home)
        assert ContentPage.can_create_at(page)
        assert ContentPage in HomePage.allowed_subpage_models()

    def test_first_home_page_can_be_created_at_root(self, db):
        HomePage.objects.all().delete()
        assert HomePage.can_create_at(Page.get_first_root_node())


class TestRendering:
    @pytest.mark.parametrize(("path", "language"), [("/de/", "de"), ("/en/", "en")])
    def test_home_renders_in_both_languages_with_lang_attribute(
        self, client, home, home_en, path, language
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.text
        assert response.context["page"].locale.language_code == language

    def test_home_shows_intro_and_topics_in_visitor_language(self, client, home, home_en):
        topic = TopicFactory(name="Bürgerbeteiligung und -aktivierung")
        TopicLabelFactory(topic=topic, label="Citizen participation")
        german = client.get("/de/").text
        english = client.get("/en/").text
        assert "Willkommen beim Netzwerk." in german
        assert "Bürgerbeteiligung und -aktivierung" in german
        assert "Citizen participation" in english
        assert "Bürgerbeteiligung und -aktivierung" not in english

    def test_content_page_renders_blocks_in_both_languages(self, client, home, home_en):
        page = ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")
        translate_page(page, home_en.locale, title="Objectives", slug="objectives")
        german = client.get("/de/zielsetzung/")
        english = client.get("/en/objectives/")
        assert german.status_code == english.status_code == 200
        assert '<h2 id="abschnitt" class="block-heading">Abschnitt</h2>' in german.text
        assert "<h1>Objectives</h1>" in english.text
        assert '<html lang="en">' in english.text

    def test_draft_page_is_not_served(self, client, home):
        page = ContentPageFactory(parent=home, slug="entwurf")
        page.unpublish()
        assert client.get("/de/entwurf/").status_code == 404

    @pytest.mark.parametrize(
        ("path", "language", "text"),
        [
            ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
            ("/en/missing/", "en", "Page not found"),
        ],
    )
    def test_404_page_in_visitor_language(self, client, home, home_en, path, language, text):
        response = client.get(path)
        assert response.status_code == 404
        assert f'<html lang="{language}">' in response.text
        assert text in response.text

    def test_500_template_renders_without_context(self):
        from django.template.loader import render_to_string

        html = render_to_string("500.html")
        assert "Serverfehler" in html
        assert 'lang="en"' in html


class TestNavigation:
    def test_menu_lists_live_pages_marked_for_menus(self, client, home):
        ContentPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)
        ContentPageFactory(parent=home, title="Versteckt", slug="versteckt", show_in_menus=False)
        draft = ContentPageFactory(
            parent=home, title="Entwurf", slug="entwurf", show_in_menus=True
        )
        draft.unpublish()
        html = client.get("/de/").text
        nav = html.split('class="main-nav"')[1].split("</nav>")[0]
        assert "Über uns" in nav
        assert "Versteckt" not in nav
        assert "Entwurf" not in nav

    def test_menu_button_is_a_translated_disclosure_with_a_static_script(
        self, client, home, home_en
    ):
        about = ContentPageFactory(
            parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True
        )
        translate_page(about, home_en.locale, title="About us", slug="about-us")
        german = client.get("/de/").text
        english = client.get("/en/").text
        nav = german.split('class="main-nav"')[1].split("</nav>")[0]
        # A real button controlling the list; the script (a static file, no inline code) sets
        # aria-expanded to false, so without JavaScript the menu stays open.
        assert 'aria-controls="main-nav-list"' in nav
        assert '<ul class="container main-nav__list" id="main-nav-list">' in nav
        assert 'type="button"' in nav
        assert "Menü</button>" in nav
        assert "Menu</button>" in english.split('class="main-nav"')[1]
        assert '<script src="/static/cms/js/main-nav.js" defer></script>' in german
        assert "onclick" not in nav
        assert "<script>" not in german

    def test_breadcrumbs_lead_back_to_the_start_page(self, client, home):
        parent = ContentPageFactory(parent=home, title="Über uns", slug="ueber-uns")
        ContentPageFactory(parent=parent, title="Zielsetzung", slug="zielsetzung")
        html = client.get("/de/ueber-uns/zielsetzung/").text
        crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
        assert '<a href="/de/">Startseite</a>' in crumbs
        assert '<a href="/de/ueber-uns/">Über uns</a>' in crumbs
        assert '<span aria-current="page">Zielsetzung</span>' in crumbs

    def test_skip_link_and_landmarks(self, client, home):
        html = client.get("/de/").text
        assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in html
        assert '<main id="main"' in html
        assert 'role="search"' in html
        assert "<footer" in html


class TestFooter:
    def test_footer_shows_office_and_links_in_visitor_language(self, client, home, home_en):
        imprint = ContentPageFactory(parent=home, title="Impressum", slug="impressum")
        translate_page(imprint, home_en.locale, title="Legal notice", slug="legal-notice")
        SiteSettingsFactory(footer_pages=[imprint])
        FooterTextFactory(body="<p>Deutscher Fußzeilentext</p>")

        german = client.get("/de/").text.split("<footer")[1]
        english = client.get("/en/").text.split("<footer")[1]
        assert "Kommunale Koordinierungsstelle, Stadt Essen" in german
        assert '<a href="/de/impressum/">Impressum</a>' in german
        assert '<a href="/en/legal-notice/">Legal notice</a>' in english
        assert "Deutscher Fußzeilentext" in german
        # No English footer text yet: the German one stands in.
        assert "Deutscher Fußzeilentext" in english

    def test_unpublished_footer_link_is_left_out(self, client, home):
        privacy = ContentPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
        privacy.unpublish()
        SiteSettingsFactory(footer_pages=[privacy])
        assert "/de/datenschutz/" not in client.get("/de/").text


class TestQueryCounts:
    def test_home_page_query_count_does_not_grow_with_menu_items(
        self, client, home, django_assert_max_num_queries
    ):
        def render():
            client.get("/de/")  # warm caches (site, settings, topic labels)
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                assert client.get("/de/").status_code == 200
            return len(queries)

        for index in range(2):
            ContentPageFactory(parent=home, slug=f"menu-{index}", show_in_menus=True)
        few = render()
        for index in range(2, 12):
            ContentPageFactory(parent=home, slug=f"menu-{index}", show_in_menus=True)
        many = render()
        assert few == many
        # Routing, navigation, footer and view restrictions (this start page has no sections;
        # the topics come from the cached vocabulary): a fixed budget.
        assert many <= 6


def test_homepage_factory_builds_a_valid_page(home):
    page = HomePage.objects.get(pk=home.pk)
    page.full_clean()
    assert page.live
    assert page.url == "/de/"


def test_client_fixture_is_plain_django_client(client):
    assert isinstance(client, Client)
    assert HomePageFactory._meta.model is HomePage


class TestProfileFigures:
    """The start page's figures of the district profiles equal the overview's counts."""

    def test_counts_and_their_singular_and_plural(self, client, home):
        from django.utils import translation

        from tests.profiles.factories import (
            DistrictProfileIndexPageFactory,
            DistrictProfilePageFactory,
            MunicipalityPageFactory,
        )

        index = DistrictProfileIndexPageFactory(parent=home)
        essen = MunicipalityPageFactory(parent=index, title="Essen", ags="05113000")
        for number in range(3):
            DistrictProfilePageFactory(parent=essen, title=f"Gebiet {number}", status="laufend")
        DistrictProfilePageFactory(
            parent=essen, title="Altendorf", status="abgeschlossen", funding_end=2020
        )

        with translation.override("de"):
            html = " ".join(client.get("/de/").text.split())
        assert "<strong>1</strong> Kommune" in html
        assert "<strong>3</strong> laufende Programmgebiete" in html
        assert "<strong>1</strong> abgeschlossenes Programmgebiet" in html

    def test_the_figures_follow_every_change_at_once(self, client, home):
        # Counted from the overview's stored rows: a change counts on the next request, a
        # page visitors may not see never does.
        from tests.profiles.factories import (
            DistrictProfileIndexPageFactory,
            DistrictProfilePageFactory,
            MunicipalityPageFactory,
        )

        def running() -> str:
            html = " ".join(client.get("/de/").text.split())
            return re.search(r"<strong>(\d+)</strong> laufende", html).group(1)

        index = DistrictProfileIndexPageFactory(parent=home)
        essen = MunicipalityPageFactory(parent=index, title="Essen", ags="05113000")
        areas = [
            DistrictProfilePageFactory(parent=essen, title=f"Gebiet {n}", status="laufend")
            for n in range(3)
        ]
        assert running() == "3"
        areas[0].unpublish()
        assert running() == "2"
        PageViewRestriction.objects.create(page=areas[1], restriction_type="login")
        assert running() == "1"
        DistrictProfilePageFactory(parent=essen, title="Gebiet 3", status="laufend")
        assert running() == "2"
