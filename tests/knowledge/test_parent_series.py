"""``cms.parents.ParentPageKey``: a page's parent of one type, kept as a key that follows the
tree. The district profiles' municipality is tested in ``tests/profiles/test_models.py``; here
the workshops' series (the second user) and the field itself."""

import datetime

import pytest

from cms.migration_support import parents_v1
from cms.parents import ParentPageKey, link_parents, set_parent_keys
from knowledge.filters import library_listing
from knowledge.models import LIBRARY, WorkshopPage

from .factories import WorkshopPageFactory, WorkshopSeriesPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_series(library):
    return WorkshopSeriesPageFactory(
        parent=library,
        title="Werkstattreihe Klima",
        slug="klima",
        period_start=datetime.date(2017, 1, 1),
        period_end=None,
    )


def stored(page) -> int | None:
    return WorkshopPage.objects.get(pk=page.pk).parent_series_id


def test_in_migrations_the_key_is_a_plain_foreign_key():
    field = WorkshopPage._meta.get_field("parent_series")
    assert isinstance(field, ParentPageKey)
    _name, path, _args, kwargs = field.deconstruct()
    assert path == "django.db.models.ForeignKey"
    assert kwargs["to"] == "knowledge.workshopseriespage"
    assert (kwargs["null"], kwargs["editable"], kwargs["related_name"]) == (True, False, "+")
    assert field.wagtail_reference_index_ignore


def test_a_new_workshop_gets_its_series(series):
    assert stored(WorkshopPageFactory(parent=series)) == series.pk


def test_a_moved_workshop_is_listed_under_its_new_series(library, series, other_series):
    workshop = WorkshopPageFactory(parent=series, date=datetime.date(2018, 6, 1))
    workshop.move(other_series, pos="last-child")
    assert stored(workshop) == other_series.pk
    _listing, entries = library_listing(LIBRARY, {"series": "klima"}, library.locale_id, library)
    assert [entry.page.pk for entry in entries] == [workshop.pk]
    assert entries[0].series.pk == other_series.pk


def test_a_save_that_leaves_the_key_out_keeps_it(series, other_series):
    workshop = WorkshopPageFactory(parent=series)
    workshop.parent_series_id = other_series.pk  # wrong in memory only
    workshop.save(update_fields=["title"])
    assert stored(workshop) == series.pk
    workshop.save(update_fields=["parent_series"])  # named: taken from the tree again
    assert stored(workshop) == series.pk


def test_pages_written_in_bulk_get_the_key_from_their_parent(
    library, series, django_assert_num_queries
):
    series.specific_class  # noqa: B018  (the content type, cached once per process)
    workshop = WorkshopPage(title="Neu", date=datetime.date(2024, 1, 1))
    with django_assert_num_queries(0):
        set_parent_keys(workshop, series)
    assert workshop.parent_series_id == series.pk
    set_parent_keys(workshop, library)  # a parent of another type is no series
    assert workshop.parent_series_id is None


def test_rows_written_without_save_are_linked_from_the_tree(series, other_series):
    first = WorkshopPageFactory(parent=series)
    second = WorkshopPageFactory(parent=other_series)
    WorkshopPage.objects.update(parent_series=None)
    link_parents(WorkshopPage.objects.all())
    assert (stored(first), stored(second)) == (series.pk, other_series.pk)


def test_the_migration_links_existing_workshops(series, other_series):
    first = WorkshopPageFactory(parent=series)
    second = WorkshopPageFactory(parent=other_series)
    WorkshopPage.objects.update(parent_series=None)
    parents_v1.link_parents(WorkshopPage, type(series), "parent_series_id")
    assert (stored(first), stored(second)) == (series.pk, other_series.pk)
