"""The section menu on section pages ("Über uns" and its subpages) and the child links on a
section's landing page."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from tests.conftest import translate_page
from tests.home.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    EasyLanguagePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    about = ContentPageFactory(
        parent=home, title="Über uns", slug="ueber-uns", teaser="Wer wir sind."
    )
    ContentPageFactory(parent=about, title="Portrait", slug="portrait", teaser="63 Kommunen.")
    ContentPageFactory(parent=about, title="Zielsetzung", slug="zielsetzung", teaser="Ziele.")
    return about


def section_menu(html: str) -> str:
    match = re.search(r'<nav class="section-menu".*?</nav>', html, re.S)
    return match.group(0) if match else ""


def links(fragment: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', fragment)


def test_landing_page_links_its_subpages_with_their_teasers(client, about):
    html = client.get("/de/ueber-uns/").text
    children = html.split('class="section-children"')[1].split("</section>")[0]
    assert links(children) == ["/de/ueber-uns/portrait/", "/de/ueber-uns/zielsetzung/"]
    assert "<p>63 Kommunen.</p>" in children


def test_section_menu_is_a_named_nav_with_the_current_page_marked(client, about):
    menu = section_menu(client.get("/de/ueber-uns/zielsetzung/").text)
    assert 'aria-labelledby="section-menu-heading"' in menu
    assert 'id="section-menu-heading">Im Bereich „Über uns“</h2>' in menu
    assert links(menu) == [
        "/de/ueber-uns/",
        "/de/ueber-uns/portrait/",
        "/de/ueber-uns/zielsetzung/",
    ]
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', menu) == [
        "/de/ueber-uns/zielsetzung/"
    ]
    landing = section_menu(client.get("/de/ueber-uns/").text)
    assert '<a href="/de/ueber-uns/" aria-current="page">Übersicht: Über uns</a>' in landing


def test_a_deeper_page_marks_its_subpage_in_the_menu(client, home, about):
    portrait = about.get_children().get(slug="portrait")
    ContentPageFactory(parent=portrait, title="Geschichte", slug="geschichte")
    menu = section_menu(client.get("/de/ueber-uns/portrait/geschichte/").text)
    assert '<a href="/de/ueber-uns/portrait/" class="is-active">' in menu
    assert "aria-current" not in menu
    # the landing page lists its own children only
    assert "geschichte" not in client.get("/de/ueber-uns/").text


def test_only_visible_pages_in_menu_order(client, about):
    draft = ContentPageFactory(parent=about, title="Entwurf", slug="entwurf", live=False)
    intern = ContentPageFactory(parent=about, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=intern, restriction_type="login")
    first = about.get_children().get(slug="zielsetzung")
    first.move(about, pos="first-child")

    html = client.get("/de/ueber-uns/").text
    assert links(section_menu(html)) == [
        "/de/ueber-uns/",
        "/de/ueber-uns/zielsetzung/",
        "/de/ueber-uns/portrait/",
    ]
    assert draft.title not in html
    assert intern.title not in html


def test_no_menu_on_a_page_without_a_section(client, home):
    ContentPageFactory(parent=home, title="Kontakt", slug="kontakt")
    assert 'class="section-menu"' not in client.get("/de/kontakt/").text
    assert 'class="section-menu"' not in client.get("/de/").text


def test_english_section_in_english(client, home_en, about):
    english = translate_page(about, home_en.locale, title="About us", slug="about-us")
    for child in about.get_children().specific():
        translate_page(child, home_en.locale)
    menu = section_menu(client.get(english.url).text)
    assert "In the section “About us”" in menu
    assert all(url.startswith("/en/about-us/") for url in links(menu))


def test_other_section_pages_have_the_menu_too(client, home):
    start = EasyLanguagePageFactory(parent=home, title="Leichte Sprache", slug="leichte-sprache")
    EasyLanguagePageFactory(parent=start, title="Bedienung", slug="bedienung")
    menu = section_menu(client.get("/de/leichte-sprache/bedienung/").text)
    assert links(menu) == ["/de/leichte-sprache/", "/de/leichte-sprache/bedienung/"]


def test_query_count_does_not_grow_with_the_subpages(client, home, about):
    # one page of another type from the start: .specific() costs one query per type
    AccessibilityStatementPageFactory(parent=about)
    ContentPageFactory(parent=home, title="Kontakt", slug="kontakt")

    def count(path="/de/ueber-uns/"):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    few = count()
    for index in range(12):
        ContentPageFactory(parent=about, title=f"Unterseite {index}", slug=f"unterseite-{index}")
    assert count() == few
    html = client.get("/de/ueber-uns/").text
    assert len(links(section_menu(html))) == 1 + 3 + 12
    # The section's pages come in one query plus one per page type among them: a page of the
    # same type without subpages asks too (its own type: two queries), the section here has
    # two types (three queries).
    assert few == count("/de/kontakt/") + 1
