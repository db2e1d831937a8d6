"""Every page factory builds its own ancestors when no ``parent=`` is given: the page is live and
routable under the default site's start page (found, or created if the site has none)."""

from wagtail.models import Page, Site

import pytest

from home.models import HomePage
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.home.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    EasyLanguagePageFactory,
    HomePageFactory,
    OpenDataPageFactory,
    SignLanguagePageFactory,
    site_home,
)
from tests.knowledge.factories import (
    KnowledgeIndexPageFactory,
    PublicationPageFactory,
    WorkshopPageFactory,
    WorkshopSeriesPageFactory,
)
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    ContentPageFactory,
    AccessibilityStatementPageFactory,
    OpenDataPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    KnowledgeIndexPageFactory,
    WorkshopSeriesPageFactory,
    WorkshopPageFactory,
    PublicationPageFactory,
    DistrictProfileIndexPageFactory,
    MunicipalityPageFactory,
    DistrictProfilePageFactory,
]


@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_a_page_factory_without_parent_builds_a_live_routable_page(client, page_factory):
    page = page_factory()
    assert page.live
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert page.is_descendant_of(home)
    assert type(page) in page.get_parent().specific_class.allowed_subpage_models()
    response = client.get(page.url)
    assert response.status_code == 200, page.url


def test_ancestors_are_reused_not_duplicated():
    first, second = DistrictProfilePageFactory(), DistrictProfilePageFactory()
    assert first.get_parent().pk == second.get_parent().pk
    assert len(HomePage.objects.all()) == 1
    workshops = WorkshopPageFactory(), WorkshopPageFactory()
    assert workshops[0].get_parent().pk == workshops[1].get_parent().pk


def test_an_explicit_parent_still_wins(home):
    news_index = NewsIndexPageFactory(parent=home, slug="meldungen")
    news = NewsPageFactory(parent=news_index)
    assert news.get_parent().pk == news_index.pk
    assert site_home().pk == home.pk


def test_the_start_page_hangs_under_the_tree_root():
    home = HomePageFactory()
    assert home.get_parent().pk == Page.get_first_root_node().pk


def test_build_touches_no_database():
    page = MunicipalityPageFactory.build(title="Bochum", ags="05911000")
    assert page.pk is None
