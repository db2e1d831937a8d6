"""The anonymous page cache (cms.pagecache): what it serves, never holds and what purges it."""

import datetime
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest
from freezegun import freeze_time

from cms import pagecache
from cms.models import FooterText
from tests.home.factories import ContentPageFactory

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def page(home):
    return ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")


@pytest.fixture
def anonymous():
    return Client()


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get(pagecache.HIT_HEADER)


def test_second_anonymous_request_is_a_hit_without_queries(
    anonymous, page, django_assert_num_queries
):
    first, state = fetch(anonymous, page.url)
    assert first.status_code == 200
    assert state == "MISS"
    with django_assert_num_queries(0):
        second, state = fetch(anonymous, page.url)
    assert state == "HIT"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_head_is_answered_from_the_cache_without_a_body(anonymous, page):
    fetch(anonymous, page.url)
    response = anonymous.head(page.url)
    assert response[pagecache.HIT_HEADER] == "HIT"
    assert response.content == b""


def test_logged_in_users_never_get_or_fill_the_cache(client, anonymous, page, admin_user):
    client.force_login(admin_user)
    for _ in range(2):
        response, state = fetch(client, page.url)
        assert response.status_code == 200
        assert state is None
    # nothing the editor saw was stored for the next visitor
    assert fetch(anonymous, page.url)[1] == "MISS"


def test_api_tokens_bypass_the_cache(anonymous, page):
    fetch(anonymous, "/api/v3/pages/")
    assert fetch(anonymous, "/api/v3/pages/")[1] == "HIT"
    _response, state = fetch(anonymous, "/api/v3/pages/", HTTP_AUTHORIZATION="Bearer x")
    assert state is None


def test_query_strings_and_admin_paths_are_not_cached(anonymous, page, admin_user):
    for _ in range(2):
        assert fetch(anonymous, f"{page.url}?utm_source=newsletter")[1] is None
    rf_request = anonymous.get(f"/admin/pages/{page.pk}/edit/preview/").wsgi_request
    assert not pagecache.is_eligible(rf_request)


def test_the_api_keeps_its_etag_and_304_from_the_cache(anonymous, page, django_assert_num_queries):
    first, _ = fetch(anonymous, "/api/v3/pages/")
    with django_assert_num_queries(0):
        second = anonymous.get("/api/v3/pages/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304
    assert second["ETag"] == first["ETag"]


def test_restricted_pages_are_never_stored(anonymous, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        response, state = fetch(anonymous, page.url)
        assert response.status_code == 200  # Wagtail's password form
        assert state is None
    assert pagecache.generation() >= 1


def test_no_cached_response_carries_a_cookie_or_a_csrf_token(anonymous, page):
    response, _ = fetch(anonymous, page.url)
    assert not response.cookies
    cached, state = fetch(anonymous, page.url)
    assert state == "HIT"
    assert not cached.cookies
    assert "Set-Cookie" not in cached
    assert b"csrfmiddlewaretoken" not in cached.content


def test_a_draft_does_not_purge_nor_show(anonymous, page):
    fetch(anonymous, page.url)
    page.title = "Zielsetzung (Entwurf)"
    page.save_revision()
    response, state = fetch(anonymous, page.url)
    assert state == "HIT"
    assert "Entwurf" not in response.text


def test_publish_shows_on_the_next_request(anonymous, page):
    fetch(anonymous, page.url)
    page.title = "Zielsetzung 2027"
    page.save_revision().publish()
    response, state = fetch(anonymous, page.url)
    assert state == "MISS"
    assert "Zielsetzung 2027" in response.text


def test_publishing_a_new_page_purges_its_parent(anonymous, home, page):
    fetch(anonymous, page.url)
    ContentPageFactory(parent=page, title="Unterseite")
    assert fetch(anonymous, page.url)[1] == "MISS"


def test_unpublish_answers_404_at_once(anonymous, page):
    fetch(anonymous, page.url)
    page.unpublish()
    assert anonymous.get(page.url).status_code == 404


def test_move_purges(anonymous, home, page):
    other = ContentPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    old_url = page.url
    fetch(anonymous, old_url)
    page.move(other, pos="last-child")
    page.refresh_from_db()
    moved = anonymous.get(old_url)
    assert moved.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert moved["Location"] == page.url
    assert anonymous.get(page.url).status_code == 200


def test_delete_purges(anonymous, page):
    url = page.url
    fetch(anonymous, url)
    page.delete()
    assert anonymous.get(url).status_code == 404


def test_view_restriction_added_later_purges(anonymous, page):
    fetch(anonymous, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = anonymous.get(page.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def test_snippet_edits_purge(anonymous, page, german):
    fetch(anonymous, page.url)
    FooterText.objects.update_or_create(
        locale=german, defaults={"body": "<p>Neue Sprechzeiten der Koordinierungsstelle</p>"}
    )
    response, state = fetch(anonymous, page.url)
    assert state == "MISS"
    assert "Neue Sprechzeiten der Koordinierungsstelle" in response.text


def test_scheduled_publish_purges(anonymous, home):
    go_live = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=BERLIN)
    with freeze_time(go_live - datetime.timedelta(hours=3)) as clock:
        page = ContentPageFactory(parent=home, slug="neue-foerderrichtlinie", live=False)
        page.go_live_at = go_live
        page.save_revision().publish()  # approved, waiting for its time
        fetch(anonymous, "/sitemap.xml")
        response, state = fetch(anonymous, "/sitemap.xml")
        assert state == "HIT"
        assert "neue-foerderrichtlinie" not in response.text
        clock.move_to(go_live + datetime.timedelta(minutes=1))
        call_command("run_scheduler", "--once")
        response, state = fetch(anonymous, "/sitemap.xml")
    assert state == "MISS"
    assert "neue-foerderrichtlinie" in response.text


def test_scheduled_expiry_purges(anonymous, home):
    expiry = datetime.datetime(2026, 3, 9, 12, 0, tzinfo=BERLIN)
    with freeze_time(expiry - datetime.timedelta(days=1)) as clock:
        page = ContentPageFactory(parent=home, title="Zielsetzung")
        page.expire_at = expiry
        page.save_revision().publish()
        assert anonymous.get(page.url).status_code == 200
        assert fetch(anonymous, page.url)[1] == "HIT"
        clock.move_to(expiry + datetime.timedelta(minutes=1))
        call_command("run_scheduler", "--once")
        assert anonymous.get(page.url).status_code == 404


def test_feeds_and_sitemap_are_cached(anonymous, home):
    for url in ("/sitemap.xml",):
        first, state = fetch(anonymous, url)
        assert first.status_code == 200
        assert state == "MISS"
        assert fetch(anonymous, url)[1] == "HIT"


def test_cache_off_when_seconds_is_zero(anonymous, page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert fetch(anonymous, page.url)[1] is None


def test_previews_never_touch_the_cache(rf, anonymous, page):
    """Wagtail renders a preview through a dummy request for the page's public address and the
    whole middleware stack: it is neither answered from nor stored in the cache, even when the
    original request carries no cookie."""
    fetch(anonymous, page.url)
    page.title = "Zielsetzung (Vorschau)"
    preview = page.make_preview_request(rf.get("/admin/"))
    assert "Vorschau" in preview.content.decode()
    assert preview.get(pagecache.HIT_HEADER) is None
    response, state = fetch(anonymous, page.url)
    assert state == "HIT"
    assert "Vorschau" not in response.text


def test_a_restored_database_never_gets_the_responses_cached_for_another(anonymous, page):
    # restore_site gives the restored copy a content identity of its own; workers started on
    # it (a restart follows the switch) key the cache by it. What the cache (Redis, shared
    # by every worker) holds for the site the backup came from is never served from the
    # copy, where the page may be unpublished or restricted: nothing in the copy purged it.
    from wagtail.models import Page

    from cms.listing.stored import new_database_identity
    from cms.routing import memory as route_memory

    assert fetch(anonymous, page.url)[1] == "MISS"
    assert fetch(anonymous, page.url)[1] == "HIT"
    Page.objects.filter(pk=page.pk).update(live=False)  # the copy's content, no signal
    assert fetch(anonymous, page.url)[1] == "HIT"  # a worker still serving the old site
    new_database_identity()  # restore_site
    generation = pagecache.generation()
    route_memory.clear()  # a worker started on the copy: it remembers no route yet
    pagecache.forget_database()  # and reads the copy's identity
    response, state = fetch(anonymous, page.url)
    assert response.status_code == 404
    assert state is None
    assert pagecache.generation() == generation  # not a purge: another database's keys
