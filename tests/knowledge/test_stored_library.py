"""The library's stored entries (``cms.listing.stored``): after every kind of change that can
show or hide a page, the library lists exactly what ``Library.items`` (the one visibility rule)
finds, and never shows a page visitors may not see, even from a stale row."""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from freezegun import freeze_time

from cms.listing.stored import content_changed
from cms.models import StoredListingState, TaggedPage
from knowledge.filters import library_listing
from knowledge.models import LIBRARY, LibraryEntry, LibraryEntryTopic
from tests.cms.factories import TopicFactory
from tests.conftest import tag, translate_page

from .factories import PublicationPageFactory, WorkshopPageFactory, WorkshopSeriesPageFactory

pytestmark = pytest.mark.django_db


def listed(library, *, counted: bool = True) -> list[str]:
    """Titles the library lists (all of them on one page); with ``counted`` its total is
    checked too."""
    listing, entries = library_listing(LIBRARY, {}, library.locale_id, library, per_page=100)
    assert listing.total == len(entries) or not counted
    return [entry.page.title for entry in entries]


def topic_counts(library) -> dict[str, int]:
    listing, _entries = library_listing(LIBRARY, {}, library.locale_id, library, per_page=100)
    return {option.value: option.count for option in listing.facet("topic").options}


def assert_rows_are_the_rule(library):
    """The stored rows, built or not, equal what the listing's own query finds now."""
    LIBRARY.stored.ensure_fresh()
    columns = ("kind", "item_date", "series_key", "content_type_id", "path", "locale_id")
    expected = {
        (page.pk, *(getattr(page, column) for column in columns))
        for page in LIBRARY.items(library.locale_id, library)
    }
    stored = set(
        LibraryEntry.objects.filter(path__startswith=library.path).values_list("page", *columns)
    )
    assert stored == expected
    topics = set(
        LibraryEntryTopic.objects.filter(entry__in=[row[0] for row in expected]).values_list(
            "entry", "topic"
        )
    )
    pages = [row[0] for row in expected]
    assert topics == set(
        TaggedPage.objects.filter(content_object__in=pages).values_list("content_object", "tag")
    )


@pytest.fixture
def shelf(library, series):
    return {
        "workshop": WorkshopPageFactory(
            parent=series, title="Werkstatt Essen", date=datetime.date(2017, 6, 22)
        ),
        "study": PublicationPageFactory(
            parent=library, title="Studie Quartiere", publication_date=datetime.date(2020, 1, 1)
        ),
    }


def test_the_rows_are_the_listing_query(library, series, shelf):
    assert listed(library) == ["Studie Quartiere", "Werkstatt Essen"]
    assert_rows_are_the_rule(library)


def test_built_once_then_one_query_to_see_that_they_are_current(library, shelf):
    listed(library)
    with CaptureQueriesContext(connection) as queries:
        LIBRARY.stored.ensure_fresh()
    assert len(queries) == 1


def test_a_published_page_is_listed_at_once(library, shelf):
    listed(library)
    PublicationPageFactory(parent=library, title="Neue Arbeitshilfe")
    assert "Neue Arbeitshilfe" in listed(library)
    assert_rows_are_the_rule(library)


def test_an_unpublished_page_leaves_the_list_and_its_counts(library, shelf):
    topic = TopicFactory(slug="buergerbeteiligung")
    tag(shelf["study"], topic)
    assert topic_counts(library) == {"buergerbeteiligung": 1}
    shelf["study"].unpublish()
    assert listed(library) == ["Werkstatt Essen"]
    assert topic_counts(library) == {}
    assert_rows_are_the_rule(library)


def test_a_draft_does_not_rebuild_and_is_not_listed(library, shelf):
    listed(library)
    state = StoredListingState.objects.get(name="library")
    study = shelf["study"]
    study.title = "Entwurf einer Studie"
    study.save_revision()  # a draft: the published page is unchanged
    assert listed(library) == ["Studie Quartiere", "Werkstatt Essen"]
    assert StoredListingState.objects.get(name="library").version == state.version


def test_a_view_restriction_hides_a_subtree_and_lifting_it_shows_it(library, series, shelf):
    listed(library)
    restriction = PageViewRestriction.objects.create(page=series, restriction_type="login")
    assert listed(library) == ["Studie Quartiere"]
    restriction.delete()
    assert listed(library) == ["Studie Quartiere", "Werkstatt Essen"]
    assert_rows_are_the_rule(library)


def test_a_moved_workshop_takes_its_new_series(library, series, shelf):
    other = WorkshopSeriesPageFactory(parent=library, title="Werkstattreihe Klima", slug="klima")
    listed(library)
    shelf["workshop"].move(other, pos="last-child")
    _listing, entries = library_listing(
        LIBRARY, {"series": "klima"}, library.locale_id, library, per_page=100
    )
    assert [entry.page.title for entry in entries] == ["Werkstatt Essen"]
    assert_rows_are_the_rule(library)


def test_a_deleted_page_is_gone(library, shelf):
    listed(library)
    shelf["study"].delete()
    assert listed(library) == ["Werkstatt Essen"]
    assert_rows_are_the_rule(library)


def test_a_changed_topic_counts_after_publishing(library, shelf):
    first, second = TopicFactory(slug="erstes"), TopicFactory(slug="zweites")
    tag(shelf["study"], first)
    assert topic_counts(library) == {"erstes": 1}
    study = shelf["study"]
    study.topics.set([second])
    study.save_revision().publish()
    assert topic_counts(library) == {"zweites": 1}
    assert_rows_are_the_rule(library)


def test_a_page_expires_without_any_change(library, shelf):
    study = shelf["study"]
    study.expire_at = timezone.now() + datetime.timedelta(hours=1)
    study.save_revision().publish()
    assert "Studie Quartiere" in listed(library)
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        assert listed(library) == ["Werkstatt Essen"]
        assert_rows_are_the_rule(library)


def test_a_series_that_expires_takes_its_workshops_along(library, series, shelf):
    series.expire_at = timezone.now() + datetime.timedelta(hours=1)
    series.save_revision().publish()
    assert "Werkstatt Essen" in listed(library)
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        assert listed(library) == ["Studie Quartiere"]


def test_a_stale_row_never_shows_a_hidden_page(library, shelf):
    listed(library)
    draft = PublicationPageFactory(parent=library, title="Geheimer Entwurf", live=False)
    # A row written as if a change had been missed: it may miscount, never show the page.
    LibraryEntry.objects.create(
        page=draft,
        locale_id=draft.locale_id,
        path=draft.path,
        content_type_id=draft.content_type_id,
        kind="publikation",
        item_date=datetime.date(2030, 1, 1),
    )
    assert listed(library, counted=False) == ["Studie Quartiere", "Werkstatt Essen"]


def test_writes_around_the_signals_say_so(library, shelf):
    listed(library)
    LibraryEntry.objects.all().delete()  # as if the rows had been lost
    content_changed()
    assert listed(library) == ["Studie Quartiere", "Werkstatt Essen"]


def test_the_command_rebuilds_every_stored_listing(library, shelf, capsys):
    call_command("rebuild_listings")
    assert "library: 2 entries" in capsys.readouterr().out
    assert LIBRARY.stored.entries(library.locale_id).count() == 2


def test_each_language_lists_its_own_pages(library, shelf, home_en, english):
    library_en = translate_page(library, english, title="Knowledge", slug="knowledge")
    listed(library)
    translate_page(shelf["study"], english, title="Neighbourhood study")
    assert listed(library_en) == ["Neighbourhood study"]
    assert listed(library) == ["Studie Quartiere", "Werkstatt Essen"]
    assert_rows_are_the_rule(library_en)
