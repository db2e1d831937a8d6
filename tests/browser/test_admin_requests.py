"""The admin sends nothing to third parties: no Gravatar, fonts, scripts or styles from other
hosts, checked in Chromium's network log on the dashboard and in the page editor."""

import re
from urllib.parse import urlsplit

import pytest

from tests.editorial import conftest as editorial

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_dashboard_and_page_editor_request_only_our_own_host(
    browser_page, live_server, tree, users
):
    page = browser_page
    own = urlsplit(live_server.url).netloc
    foreign: list[str] = []

    def note(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != own:
            foreign.append(request.url)

    page.on("request", note)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", users.moderator.username)
    page.fill("#id_password", editorial.PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.wait_for_load_state("networkidle")

    page.goto(f"{live_server.url}/admin/pages/{tree.news.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/pages/add/events/newspage/{tree.news_index.pk}/")
    page.wait_for_load_state("networkidle")

    assert page.locator("#id_title").count() == 1  # the editor really loaded
    assert foreign == []
