"""The route memory (cms.routing): a remembered address costs the same few queries at any depth,
and nothing it remembers outlives a change: unpublished, moved, renamed and restricted pages,
sites and languages are routed afresh on the next request."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site, get_page_models

import pytest

from cms import routing
from cms.listing.stored import current_version
from events.models import EventIndexPage
from home.models import ContentPage
from tests.conftest import translate_page
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import ContentPageFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(home):
    """Three content pages, each below the one before: /de/a/, /de/a/b/, /de/a/b/c/."""
    a = ContentPageFactory(parent=home, title="Ebene A", slug="a")
    b = ContentPageFactory(parent=a, title="Ebene B", slug="b")
    c = ContentPageFactory(parent=b, title="Ebene C", slug="c")
    return a, b, c


def walked(client, url: str, settings) -> int:
    """Queries of a warm request routed by Wagtail's tree walk (the memory off)."""
    settings.ROUTE_MEMORY_SIZE = 0
    try:
        return queries_for(client, url)
    finally:
        settings.ROUTE_MEMORY_SIZE = 10_000


def test_a_remembered_route_costs_the_same_at_every_depth(client, chain, settings):
    counts = [queries_for(client, url) for url in ("/de/a/", "/de/a/b/", "/de/a/b/c/")]
    assert counts[0] == counts[1] == counts[2]
    # Wagtail's walk asks two more queries per level; the memory asks the version and the page
    assert walked(client, "/de/a/b/c/", settings) - counts[2] >= 7


def test_a_remembered_route_serves_the_same_page(client, chain):
    first = client.get("/de/a/b/c/")
    second = client.get("/de/a/b/c/")
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.text == first.text
    assert len(routing.memory.routes) == 1


def test_unpublishing_is_seen_by_the_next_request(client, chain):
    assert client.get("/de/a/b/").status_code == 200
    assert client.get("/de/a/b/c/").status_code == 200
    chain[2].unpublish()
    chain[1].unpublish()
    assert client.get("/de/a/b/").status_code == 404
    assert client.get("/de/a/b/c/").status_code == 404


def test_a_page_no_longer_live_is_routed_afresh_even_without_a_new_version(client, chain):
    """A change that bypasses Wagtail's signals (a bulk update) counts no version; the page is
    loaded only while it is live, so the route is looked up again and Wagtail answers 404."""
    assert client.get("/de/a/b/c/").status_code == 200
    version = current_version()
    Page.objects.filter(pk=chain[2].pk).update(live=False)
    assert current_version() == version
    assert client.get("/de/a/b/c/").status_code == 404


def test_moving_and_renaming_change_the_address_at_once(client, home, chain):
    __, b, c = chain
    assert client.get("/de/a/b/c/").status_code == 200
    c.move(home, pos="last-child")
    assert client.get("/de/c/").status_code == 200
    moved = client.get("/de/a/b/c/")  # Wagtail's automatic redirect from the old address
    assert (moved.status_code, moved["Location"]) == (301, "/de/c/")

    assert client.get("/de/a/b/").status_code == 200  # remembered before the rename
    b.slug = "bee"
    b.save_revision().publish()
    assert client.get("/de/a/bee/").status_code == 200
    assert client.get("/de/a/b/").status_code == 404  # renamed in code: no redirect is made


def test_a_restriction_added_above_a_remembered_page_applies_at_once(client, chain):
    assert client.get("/de/a/b/c/").status_code == 200
    assert client.get("/de/a/b/c/").status_code == 200  # remembered: no restriction then
    restriction = PageViewRestriction.objects.create(
        page=chain[0], restriction_type=PageViewRestriction.LOGIN
    )
    for __ in range(2):  # routed afresh, then remembered with the restriction
        response = client.get("/de/a/b/c/")
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    restriction.delete()
    assert client.get("/de/a/b/c/").status_code == 200


def test_a_remembered_page_moved_below_a_restriction_is_restricted_at_once(client, home, chain):
    private = ContentPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for __ in range(2):
        assert client.get("/de/a/b/c/").status_code == 200
    chain[2].move(private, pos="last-child")
    assert client.get("/de/intern/c/").status_code == 302
    assert client.get("/de/intern/c/").status_code == 302


def test_renaming_an_unpublished_ancestor_is_seen_without_a_new_version(client, chain):
    """An unpublished page is saved directly (no signal of a live page, no new version), yet
    its descendants' addresses change with it: a remembered address that no longer agrees with
    the page's path is routed afresh, as Wagtail routes it."""
    b = chain[1]
    b.unpublish()
    for __ in range(2):
        assert client.get("/de/a/b/c/").status_code == 200
    version = current_version()
    b.refresh_from_db()
    b.slug = "bee"
    b.save()
    assert current_version() == version
    assert client.get("/de/a/b/c/").status_code == 404
    assert client.get("/de/a/bee/c/").status_code == 200


def test_a_remembered_restriction_is_checked_for_every_visitor(client, chain, django_user_model):
    group = Group.objects.create(name="Lenkungsgruppe Routing")
    restriction = PageViewRestriction.objects.create(
        page=chain[1], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    member = django_user_model.objects.create_user("mitglied", password="x" * 12)
    member.groups.add(group)
    outsider = django_user_model.objects.create_user("gast", password="x" * 12)

    client.force_login(member)
    assert client.get("/de/a/b/c/").status_code == 200
    assert client.get("/de/a/b/c/").status_code == 200
    client.force_login(outsider)
    assert client.get("/de/a/b/c/").status_code == 302
    client.logout()
    assert client.get("/de/a/b/c/").status_code == 302
    restriction.groups.remove(group)  # no new version: the restriction itself is read anew
    client.force_login(member)
    assert client.get("/de/a/b/c/").status_code == 302


def test_a_password_restriction_still_asks_for_the_password(client, chain):
    PageViewRestriction.objects.create(
        page=chain[2], restriction_type=PageViewRestriction.PASSWORD, password="geheim-2026"
    )
    for __ in range(2):
        response = client.get("/de/a/b/c/")
        assert response.status_code == 200
        assert "Ebene C" not in response.text
        assert 'name="password"' in response.text


def test_routable_pages_route_the_rest_of_the_path_again(client, home):
    index = EventIndexPageFactory(parent=home, slug="veranstaltungen")
    EventPageFactory(parent=index, title="Netzwerktreffen in Essen")
    urls = ("/de/veranstaltungen/", "/de/veranstaltungen/archiv/")
    first = [client.get(url) for url in urls]
    again = [client.get(url) for url in urls]
    assert [r.status_code for r in first + again] == [200] * 4
    assert [r.text for r in again] == [r.text for r in first]
    # both addresses lead to the index page; its own routes resolve "archiv/" each time
    assert {route.model for route in routing.memory.routes.values()} == {EventIndexPage}
    assert {route.consumed for route in routing.memory.routes.values()} == {1}
    assert client.get("/de/veranstaltungen/gibt-es-nicht/").status_code == 404


def test_each_language_has_its_own_routes(client, home, home_en, english):
    page = ContentPageFactory(parent=home, title="Zielsetzung", slug="ziele")
    translate_page(page, english, title="Objectives", slug="ziele")
    for __ in range(2):
        assert "Zielsetzung" in client.get("/de/ziele/").text
        assert "Objectives" in client.get("/en/ziele/").text


def test_sites_and_languages_count_as_changes_of_public_content(home, english):
    version = current_version()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Soziale Stadt NRW"
    site.save()
    assert current_version() == version + 1
    english.save()
    assert current_version() == version + 2


def test_failed_addresses_are_not_remembered(client, chain):
    assert client.get("/de/a/gibt-es-nicht/").status_code == 404
    assert client.get("/de/a/gibt-es-nicht/").status_code == 404
    assert len(routing.memory.routes) == 0


def test_the_memory_keeps_at_most_route_memory_size_addresses(client, chain, settings):
    settings.ROUTE_MEMORY_SIZE = 2
    for url in ("/de/a/", "/de/a/b/", "/de/a/b/c/"):
        client.get(url)
    assert [key[2] for key in routing.memory.routes] == ["a/b/", "a/b/c/"]


def test_a_route_found_under_an_older_version_is_not_kept():
    memory, key = routing.RouteMemory(), ("site", "de", "")
    assert memory.sync(7)
    route = routing.Route(Page, 1, 0, ())
    memory.remember_route(key, route, version=6)
    assert memory.route(key, 7) is None
    memory.remember_route(key, route, version=7)
    assert memory.route(key, 7) == route
    assert memory.sync(8)
    assert memory.route(key, 8) is None


def test_a_request_that_read_an_older_version_neither_uses_nor_resets_the_memory():
    """Threads of one process: a request that read version 7 after another read 8 must not
    take 8's routes, nor bring back 7's for the others."""
    memory, key = routing.RouteMemory(), ("site", "de", "")
    route = routing.Route(Page, 1, 0, ())
    assert memory.sync(8)
    memory.remember_route(key, route, version=8)
    assert not memory.sync(7)
    assert memory.route(key, 7) is None
    memory.remember_route(key, routing.Route(Page, 2, 0, ()), version=7)
    assert memory.route(key, 8) == route


def test_the_remembered_site_is_a_copy_for_each_request(client, chain):
    key = routing.host_key(client.get("/de/a/").wsgi_request)
    version = routing.memory.version
    site = routing.memory.site(key, version)
    assert site.root_page_id == chain[0].get_parent().pk
    site.site_name = "verändert"
    assert routing.memory.site(key, version).site_name != "verändert"


def test_views_outside_the_page_tree_find_the_site_in_the_memory(client, home):
    # The search links to pages: their URLs need the site, read from the memory by the
    # content version (no query for the site itself), and changed sites are seen at once.
    client.get("/de/suche/", {"q": "Quartier"})
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/de/suche/", {"q": "Quartier"}).status_code == 200
    statements = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in statements if "wagtailcore_site" in sql]
    assert any("cms_contentversion" in sql for sql in statements)
    request = RequestFactory().get("/de/suche/", HTTP_HOST="localhost")
    site = routing.site_for_request(request)
    assert site == Site.objects.get(is_default_site=True)
    site.site_name = "Umbenannt"
    site.save()
    request = RequestFactory().get("/de/suche/", HTTP_HOST="localhost")
    assert routing.site_for_request(request).site_name == "Umbenannt"


def test_view_restrictions_of_a_remembered_page_cost_no_query(client, chain, settings):
    """Wagtail's check and the page cache's hook both ask for the page's restrictions; a
    remembered page knows it has none."""
    settings.PAGE_CACHE_SECONDS = 600  # the page cache's hook asks too
    client.get("/de/a/b/c/?x=1")  # a query string: the page cache stays out of the way
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/de/a/b/c/?x=1").status_code == 200
    asked = [q["sql"] for q in queries]
    assert not [sql for sql in asked if sql.startswith('SELECT "wagtailcore_pageviewrestriction"')]
    assert not [sql for sql in asked if '"wagtailcore_page"."alias_of_id" FROM' in sql]


def test_the_memory_keeps_the_sites_of_a_bounded_number_of_host_names(home):
    memory = routing.RouteMemory()
    memory.sync(1)
    site = Site.objects.get(is_default_site=True)
    for number in range(routing.MAX_HOSTS + 10):
        memory.remember_site((f"host-{number}.example", 443), site, version=1)
    assert len(memory.sites) == routing.MAX_HOSTS
    assert memory.site(("host-0.example", 443), 1) is None  # the first made room
    assert memory.site((f"host-{routing.MAX_HOSTS + 9}.example", 443), 1) is not None


def test_a_page_type_can_keep_its_routes_out_of_the_memory(client, chain, monkeypatch):
    monkeypatch.setattr(ContentPage, "remember_routes", False)
    for __ in range(2):
        assert client.get("/de/a/b/").status_code == 200
    assert len(routing.memory.routes) == 0


def test_nothing_below_a_page_type_that_keeps_its_routes_out_is_remembered(
    client, home, monkeypatch
):
    index = EventIndexPageFactory(parent=home, slug="veranstaltungen")
    event = EventPageFactory(parent=index, slug="treffen")
    monkeypatch.setattr(EventIndexPage, "remember_routes", False)
    for __ in range(2):
        assert client.get(event.url).status_code == 200
    assert len(routing.memory.routes) == 0


def test_sites_of_other_hosts_route_to_their_own_pages(client, home, chain, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "zweite.example"]
    other_root = ContentPageFactory(parent=home.get_parent(), title="Zweite Website", slug="zw")
    ContentPageFactory(parent=other_root, title="Nur dort", slug="a")
    Site.objects.create(hostname="zweite.example", port=80, root_page=other_root)
    for __ in range(2):
        assert "Ebene A" in client.get("/de/a/").text
        assert "Nur dort" in client.get("/de/a/", HTTP_HOST="zweite.example").text


def test_a_failure_while_remembering_keeps_the_response(client, chain, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(routing.RouteMemoryMiddleware, "remember", fail)
    response = client.get("/de/a/")
    assert response.status_code == 200
    assert "Ebene A" in response.text


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_is_loaded_by_a_statement_compiled_once(model):
    # Only the key is a parameter: no page type falls back to compiling per request.
    assert routing.page_statement(model) is not None


def test_the_remembered_page_is_the_live_page_with_its_locale(chain):
    a, __, c = chain
    page = routing.live_page(ContentPage, c.pk)
    expected = ContentPage.objects.select_related("locale").get(pk=c.pk)
    fields = [field.attname for field in ContentPage._meta.concrete_fields]
    assert [getattr(page, name) for name in fields] == [getattr(expected, name) for name in fields]
    with CaptureQueriesContext(connection) as queries:
        assert page.locale == expected.locale
        assert page.locale.language_code == "de"
    assert queries.captured_queries == []
    a.unpublish()
    assert routing.live_page(ContentPage, a.pk) is None
    assert routing.live_page(ContentPage, c.pk) is not None  # live below an unpublished page
    assert routing.live_page(EventIndexPage, c.pk) is None  # another type's key
