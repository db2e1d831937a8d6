"""Browser tests: Debian's Chromium (/usr/bin/chromium) driven by Playwright. No browser is
ever downloaded, and every request that leaves the test server is answered or blocked here."""

import os
import re
import shutil

import pytest

from tests.browser import PAGE_TIMEOUT_MS
from tests.editorial.conftest import build_tree, build_users

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls happen
# between its steps, never concurrently, so Django's async guard can be relaxed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def browser():
    """A fresh Chromium per test. (Not per session: while Playwright's event loop runs, Django
    resolves its database connection in another context, and the next test's database restore
    would not find the serialized data.)"""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PAGE_TIMEOUT_MS)  # Playwright's assertions wait as long as steps
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


CSP_MESSAGE = re.compile(r"Content[ -]Security[ -]Policy", re.IGNORECASE)


class CspWatch:
    """Collects what Chromium reports on the console about Content-Security-Policy violations
    (a blocked script, style, image, frame or fetch), in a page and its frames."""

    def __init__(self):
        self.violations: list[str] = []

    def attach(self, page):
        page.on("console", self._console)
        return page

    def _console(self, message):
        if message.type == "error" and CSP_MESSAGE.search(message.text):
            self.violations.append(message.text)


@pytest.fixture
def csp_watch():
    """Every browser test runs under the site's real policies and fails on any violation."""
    watch = CspWatch()
    yield watch
    assert watch.violations == [], "Content-Security-Policy violations:\n" + "\n".join(
        watch.violations
    )


@pytest.fixture
def browser_page(browser, csp_watch):
    context = browser.new_context(locale="de-DE")
    page = csp_watch.attach(context.new_page())
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def tree(transactional_db):
    """The editorial tests' site (``build_tree`` in tests/editorial/conftest.py), built for each
    test: browser tests commit what their live server reads, so they cannot share the editorial
    modules' world, which is rolled back at a module's end."""
    return build_tree()


@pytest.fixture
def users(tree):
    """One user per editorial role (``build_users`` in tests/editorial/conftest.py)."""
    return build_users(tree)
