"""The cached site shell (cms.shell): menu, header and footer links, footer text and site
settings cost no query once warm, and every change a visitor could see shows on the next
request (the page cache's purge counter)."""

from django.test import override_settings

from wagtail.models import PageViewRestriction

import pytest

from cms.models import FooterLink
from tests.cms.factories import FooterTextFactory, SiteSettingsFactory
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def menu(client, path="/de/") -> str:
    """The main menu's HTML ("" when it has no items: then it is left out)."""
    html = client.get(path).text
    if 'class="main-nav"' not in html:
        return ""
    return html.split('class="main-nav"')[1].split("</nav>")[0]


def footer(client, path="/de/") -> str:
    return client.get(path).text.split("<footer")[1]


@pytest.fixture
def site(home):
    about = ContentPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)
    imprint = ContentPageFactory(parent=home, title="Impressum", slug="impressum")
    settings = SiteSettingsFactory(footer_pages=[imprint], email="office@example.org")
    FooterTextFactory(body="<p>Ein Netzwerk von Kommunen.</p>")
    return {"home": home, "about": about, "imprint": imprint, "settings": settings}


def test_the_shell_costs_no_query_once_warm(client, site):
    with override_settings(SHELL_CACHE_SECONDS=0):
        uncached = queries_for(client, "/de/ueber-uns/")
    cached = queries_for(client, "/de/ueber-uns/")
    # site settings, menu, footer and header links (with their translations), footer text,
    # the start page's translation, breadcrumbs and language links
    assert uncached - cached >= 6, (uncached, cached)


def test_menu_footer_and_settings_are_shown(client, site):
    assert "Über uns" in menu(client)
    html = footer(client)
    assert "/de/impressum/" in html
    assert "office@example.org" in html
    assert "Ein Netzwerk von Kommunen." in html


def test_a_published_page_joins_the_menu_at_once(client, site):
    assert "Projekte" not in menu(client)
    ContentPageFactory(parent=site["home"], title="Projekte", slug="projekte", show_in_menus=True)
    assert "Projekte" in menu(client)


def test_a_new_title_shows_after_publishing_not_before(client, site):
    about = site["about"]
    menu(client)  # warm
    about.title = "Wer wir sind"
    about.save_revision()  # a draft: the public menu keeps the published title
    assert "Über uns" in menu(client)
    assert "Wer wir sind" not in menu(client)
    about.get_latest_revision().publish()
    assert "Wer wir sind" in menu(client)


def test_an_unpublished_page_leaves_menu_and_breadcrumbs(client, site):
    ContentPageFactory(parent=site["about"], title="Team", slug="team")
    assert "Über uns" in client.get("/de/ueber-uns/team/").text.split('class="breadcrumbs')[1]
    site["about"].unpublish()
    assert "Über uns" not in menu(client)


def test_a_page_under_a_view_restriction_leaves_the_menu(client, site):
    assert "Über uns" in menu(client)
    PageViewRestriction.objects.create(
        page=site["about"], restriction_type=PageViewRestriction.LOGIN
    )
    assert "Über uns" not in menu(client)


def test_settings_footer_links_and_texts_show_at_once(client, site):
    footer(client)  # warm
    settings = site["settings"]
    settings.email = "neu@example.org"
    settings.save()
    assert "neu@example.org" in footer(client)

    privacy = ContentPageFactory(parent=site["home"], title="Datenschutz", slug="datenschutz")
    FooterLink.objects.create(settings=settings, page=privacy, sort_order=5)
    assert "/de/datenschutz/" in footer(client)

    FooterLink.objects.filter(page=privacy).delete()
    assert "/de/datenschutz/" not in footer(client)


def test_each_language_has_its_own_shell(client, site, home_en, english):
    translate_page(site["about"], english, title="About us", slug="about-us")
    assert "Über uns" in menu(client, "/de/")
    assert "About us" in menu(client, "/en/")
    assert "Über uns" not in menu(client, "/en/")


def test_the_menu_marks_the_current_page_per_request(client, site):
    ContentPageFactory(parent=site["about"], title="Team", slug="team")
    assert 'aria-current="page">Über uns' in menu(client, "/de/ueber-uns/")
    team = menu(client, "/de/ueber-uns/team/")
    assert 'class="is-active">Über uns' in team
    assert 'aria-current="page"' not in team


@override_settings(SHELL_CACHE_SECONDS=0)
def test_switched_off_the_shell_is_built_for_every_request(client, site):
    assert "Über uns" in menu(client)
    assert "office@example.org" in footer(client)
