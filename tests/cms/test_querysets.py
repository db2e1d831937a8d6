from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from cms import statements
from cms.listing.stored import current_version
from cms.querysets import images_with_rendition, visible, visible_for_search
from home.models import ContentPage
from tests.cms.factories import ImageFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    public = ContentPageFactory(parent=home, title="Öffentlich", slug="oeffentlich")
    private = ContentPageFactory(parent=home, title="Intern", slug="intern")
    below_private = ContentPageFactory(parent=private, title="Darunter", slug="darunter")
    draft = ContentPageFactory(parent=home, title="Entwurf", slug="entwurf")
    draft.unpublish()
    # A sibling whose path starts like the restricted page's must stay visible.
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return {"public": public, "private": private, "below": below_private, "draft": draft}


def test_visible_hides_drafts_and_restricted_subtrees(tree, home):
    titles = set(visible(Page.objects.descendant_of(home)).values_list("title", flat=True))
    assert titles == {"Öffentlich"}


def test_visible_agrees_with_wagtails_public(tree, home):
    ours = set(visible(Page.objects.all()).values_list("pk", flat=True))
    wagtails = set(Page.objects.live().public().values_list("pk", flat=True))
    assert ours == wagtails
    assert set(visible_for_search(Page.objects.all()).values_list("pk", flat=True)) == wagtails


def test_visible_holds_in_a_subquery_and_for_a_page_type(tree, home):
    # The conditions are SQL around the page's own columns: they must find them when the page
    # table is aliased (a subquery) or joined to a page type's table.
    inner = visible(ContentPage.objects.descendant_of(home)).values("pk")
    titles = set(Page.objects.filter(pk__in=inner).values_list("title", flat=True))
    assert titles == {"Öffentlich"}
    hidden = Page.objects.filter(pk__in=Page.objects.exclude(pk__in=inner).values("pk"))
    assert {"Intern", "Darunter", "Entwurf"} <= set(hidden.values_list("title", flat=True))


def test_visible_is_a_single_query(tree, home, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(visible(Page.objects.descendant_of(home)))


def test_search_page_never_shows_restricted_pages(client, tree):
    html = client.get("/de/suche/?q=Abschnitt").text
    assert "Öffentlich" in html
    assert "Intern" not in html
    assert "Darunter" not in html


@pytest.mark.parametrize("in_a_request", [False, True])
def test_images_with_rendition_are_what_prefetching_gives(in_a_request):
    """``images_with_rendition``: each image with its rendition for the spec prefetched (no
    query when shown), none for an image that has none yet (made when shown), by statements
    remembered in a request (``cms.statements``) or the ORM's outside one."""

    with_rendition, without = ImageFactory(), ImageFactory()
    made = with_rendition.get_rendition("fill-64x64")
    with_rendition.get_rendition("width-100")  # another spec: not prefetched
    token = statements.request_version.set(current_version() if in_a_request else None)
    try:
        for __ in range(2):  # compiled, then remembered
            found = images_with_rendition([without.pk, with_rendition.pk, None], "fill-64x64")
    finally:
        statements.request_version.reset(token)
    assert set(found) == {with_rendition.pk, without.pk}
    expected = type(with_rendition).objects.prefetch_renditions("fill-64x64").in_bulk()
    assert [r.pk for r in found[with_rendition.pk].prefetched_renditions] == [
        r.pk for r in expected[with_rendition.pk]._get_prefetched_renditions()
    ]
    assert found[without.pk].prefetched_renditions == []
    with CaptureQueriesContext(connection) as queries:
        shown = found[with_rendition.pk].get_rendition("fill-64x64")
    assert shown.pk == made.pk
    assert shown.image is found[with_rendition.pk]
    assert len(queries) == 0
    assert images_with_rendition([None], "fill-64x64") == {}
