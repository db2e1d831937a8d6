"""The benchmark data generator: bulk pages that behave like pages made in the admin."""

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from cms.demo import synthetic
from events.models import EventPage, NewsPage
from knowledge.models import PublicationPage, WorkshopPage
from knowledge.synthetic import SERIES_SLUG
from profiles.models import DistrictProfilePage
from search.service import search

pytestmark = pytest.mark.django_db


def synthetic_page_ids() -> set[int]:
    pages = Page.objects.filter(slug__startswith=synthetic.SLUG_PREFIX)
    return set(pages.exclude(slug=SERIES_SLUG).values_list("pk", flat=True))


def test_refuses_to_run_without_the_demo_content():
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("generate_content", pages=10, verbosity=0)
    assert not Page.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).exists()


def test_refuses_a_negative_number(demo):
    with pytest.raises(CommandError, match="negative"):
        call_command("generate_content", pages=-1, verbosity=0)


def test_pages_of_every_type_in_a_valid_tree(demo, client):
    call_command("generate_content", pages=40, verbosity=0)
    counts = synthetic.existing_counts()
    assert counts == synthetic.plan(40)
    assert sum(counts.values()) == 40
    # Treebeard's own consistency check: paths, depths and child counts agree.
    assert all(not problems for problems in Page.find_problems())

    news = NewsPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).first()
    assert news.live
    assert news.tagged_topics.exists()
    assert client.get(news.url).status_code == 200
    event = EventPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).first()
    assert event.starts_at is not None
    publication = PublicationPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).first()
    assert publication.contributors.count() == 1
    # pages are written without save(): their parent keys are set from the parent
    profiles = DistrictProfilePage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX)
    assert profiles.exists()
    assert all(p.parent_municipality_id == p.get_parent().pk for p in profiles)
    workshops = WorkshopPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX)
    assert workshops.exists()
    assert all(w.parent_series_id == w.get_parent().pk for w in workshops)


def test_pages_are_in_the_search_index(demo):
    call_command("generate_content", pages=20, verbosity=0)
    news = NewsPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).first()
    results = search(news.title, {}, "de")
    assert news.pk in [hit.page_id for hit in results.hits]


def test_tops_up_instead_of_adding_again(demo):
    call_command("generate_content", pages=20, verbosity=0)
    first = synthetic_page_ids()
    call_command("generate_content", pages=20, verbosity=0)
    assert sum(synthetic.existing_counts().values()) == 20
    call_command("generate_content", pages=30, verbosity=0)
    after = synthetic_page_ids()
    assert first < after
    assert len(after) == 30
    assert all(not problems for problems in Page.find_problems())
