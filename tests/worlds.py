"""Test data a whole test module shares, built once, handed to each test freshly loaded.

Building a page network (page saves, search and reference indexing on every save, groups made
by signals) costs far more than a test that reads it. A *world* is built once per test module
inside a transaction that is rolled back at the module's end (``tests.conftest.rolled_back``);
each test still runs in its own savepoint (pytest-django's ``db``), so whatever a test writes is
undone after it. The objects a test gets are loaded again from the database for each test
(``refetched``): a test that changes an object in memory (or Wagtail's per-instance caches such
as ``specific``) leaves nothing behind for the next one.

Usage, in a conftest or a test module::

    @pytest.fixture(scope="module")
    def network_world(_empty_file_storage, django_db_setup, django_db_blocker):
        with world(django_db_blocker) as built:
            built.home = make_home()
            built.pages = make_network(built.home)
            yield built


    @pytest.fixture
    def network(network_world, db):
        return refetched(network_world.pages)

A test module marked ``django_db(transaction=True)`` cannot share a world (its tests commit and
truncate): give it function-scoped fixtures.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from django.db import models

from wagtail.models import Locale

from tests.cms.factories import TopicFactory, TopicLabelFactory
from tests.conftest import make_home, rolled_back, translate_page


def refetch(instance: models.Model) -> models.Model:
    """A fresh copy of a saved model instance, of the same class (a page stays specific)."""
    return type(instance)._default_manager.get(pk=instance.pk)


def refetched(objects):
    """``objects`` (a namespace, a dict, a list or a tuple of model instances, or one instance)
    loaded again from the database; other values are handed over unchanged."""
    if isinstance(objects, models.Model):
        return refetch(objects)
    if isinstance(objects, SimpleNamespace):
        return SimpleNamespace(**{name: refetched(value) for name, value in vars(objects).items()})
    if isinstance(objects, dict):
        return {name: refetched(value) for name, value in objects.items()}
    if isinstance(objects, list | tuple):
        return type(objects)(refetched(value) for value in objects)
    return objects


@contextmanager
def world(django_db_blocker):
    """An empty namespace to build a module's shared data in; everything written while the
    ``with`` block is open is rolled back when it ends (at the module's end, for a module-scoped
    fixture that yields inside it)."""
    with rolled_back(django_db_blocker):
        yield SimpleNamespace()


def build_home(built: SimpleNamespace, *, english: bool = False) -> SimpleNamespace:
    """The German start page as the default site's root (``built.home``) and, if asked, its
    English translation (``built.home_en``), as tests/conftest.py's ``home`` and ``home_en``
    fixtures make them."""
    built.home = make_home()
    if english:
        built.home_en = translate_page(
            built.home, Locale.objects.get(language_code="en"), title="Start page", slug="start-en"
        )
    return built


def make_topics() -> SimpleNamespace:
    """Two topics with English labels; the first has a synonym."""
    participation = TopicFactory(name="Bürgerbeteiligung", synonyms="Partizipation")
    TopicLabelFactory(topic=participation, label="Citizen participation")
    economy = TopicFactory(name="Lokale Ökonomie")
    TopicLabelFactory(topic=economy, label="Local economy")
    return SimpleNamespace(participation=participation, economy=economy)
