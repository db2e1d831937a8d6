from contextlib import contextmanager

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Page, Site

import pytest

from tests.home.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Topic labels and other vocabulary are cached; no test may see another test's cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def german(db) -> Locale:
    return Locale.objects.get(language_code="de")


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


def translate_page(page, locale, **values):
    """An English (or other) translation of ``page``, published, with the given field values.

    wagtail-localize's full translation flow is covered by the demo-content tests; page tests
    only need a linked translation, which Wagtail's own copy provides.
    """
    translation = page.copy_for_translation(locale)
    for name, value in values.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_home():
    """The German start page as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def home(german):
    return make_home()


@pytest.fixture
def home_en(home, english):
    return translate_page(home, english, title="Start page", slug="start-en")


def tag(page, *topics):
    """Give a saved page topics and publish it (topics live in the page's cluster until saved)."""
    page.topics.add(*topics)
    page.save_revision().publish()
    return page


@contextmanager
def rolled_back(django_db_blocker):
    """For data a whole test module shares: built once inside a transaction that is rolled back
    at the module's end (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test module inside a transaction that is rolled back
    at the end (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    return demo_content
