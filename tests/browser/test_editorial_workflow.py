"""The editorial walk-through in a real browser: an Essen editor logs in, edits the Katernberg
profile and submits it; a moderator approves it; the change is live on the public page and in
the site search."""

import re

from wagtail.models import Page, WorkflowState

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.editorial import conftest as editorial

# The editorial tests' world: Essen (→ Katernberg) and Dortmund, one user per role.
PASSWORD = editorial.PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TITLE = "Katernberg am Zollverein"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def footer_action(page, selector):
    """Press a button of the editor's footer action menu (most sit in its dropdown)."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_essen_editor_submits_moderator_approves_visitors_see_it(
    browser,
    live_server,
    tree,
    users,
    csp_watch,
):
    katernberg = tree.katernberg
    editor = csp_watch.attach(browser.new_context(locale="de-DE").new_page())
    editor.set_default_timeout(PAGE_TIMEOUT_MS)
    log_in(editor, live_server, users.essen_editor.username)
    editor.goto(f"{live_server.url}/admin/pages/{katernberg.pk}/edit/")
    editor.fill("#id_title", NEW_TITLE)
    submit = editor.locator("button[name='action-submit']").first
    assert submit.text_content().strip() == "Zur Freigabe einreichen"
    footer_action(editor, "button[name='action-submit']")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    state = WorkflowState.objects.get(object_id=str(katernberg.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Page.objects.get(pk=katernberg.pk).title == "Katernberg", "not live before approval"
    editor.context.close()

    moderator = csp_watch.attach(browser.new_context(locale="de-DE").new_page())
    moderator.set_default_timeout(PAGE_TIMEOUT_MS)
    log_in(moderator, live_server, users.moderator.username)
    assert NEW_TITLE in moderator.content(), "the dashboard lists the submission"
    moderator.goto(f"{live_server.url}/admin/pages/{katernberg.pk}/edit/")
    footer_action(moderator, "button[data-workflow-action-name='approve']")
    # "Freigeben" without a comment posts at once; the admin confirms it with a message.
    moderator.locator(".messages .success, .messages li").first.wait_for()
    moderator.get_by_text(f"„{NEW_TITLE}“ freigegeben und veröffentlicht.").first.wait_for()
    moderator.wait_for_load_state("networkidle")
    moderator.context.close()

    live = Page.objects.get(pk=katernberg.pk)
    assert live.title == NEW_TITLE
    visitor = csp_watch.attach(browser.new_context(locale="de-DE").new_page())
    visitor.goto(f"{live_server.url}{live.url}")
    assert visitor.locator("h1").first.inner_text() == NEW_TITLE
    visitor.goto(f"{live_server.url}/de/suche/?q=Zollverein")
    assert NEW_TITLE in visitor.content()
    visitor.context.close()


def test_approval_from_the_dashboard_is_confirmed(browser, live_server, tree, users, csp_watch):
    """The dashboard's "Freigeben" posts in the background (Wagtail's workflow dialog script);
    the next page confirms the decision in the workflow's words."""
    katernberg = tree.katernberg
    katernberg.title = NEW_TITLE
    katernberg.save_revision(user=users.essen_editor)
    workflow = katernberg.get_workflow()
    workflow.start(katernberg, users.essen_editor)

    moderator = csp_watch.attach(browser.new_context(locale="de-DE").new_page())
    moderator.set_default_timeout(PAGE_TIMEOUT_MS)
    log_in(moderator, live_server, users.moderator.username)
    row = moderator.locator("tr", has=moderator.locator("[data-workflow-action-url]")).first
    row.locator("[data-w-dropdown-target='toggle']").click()  # the row's "…" actions
    row.locator("button[data-workflow-action-url*='/approve/']").first.click()
    moderator.get_by_text(f"„{NEW_TITLE}“ freigegeben und veröffentlicht.").first.wait_for()
    moderator.context.close()
    assert Page.objects.get(pk=katernberg.pk).title == NEW_TITLE
