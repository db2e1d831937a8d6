"""One visibility rule everywhere (cms.querysets.visible): pages that expired, whose view is
restricted or that are drafts appear in no listing, link or teaser of the public site."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import (
    KnowledgeIndexPageFactory,
    PublicationPageFactory,
    WorkshopSeriesPageFactory,
)
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

pytestmark = pytest.mark.django_db


def expire(page):
    """Past its expiry time, but still live: the scheduler has not run yet."""
    page.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save(update_fields=["expire_at"])
    return page


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_municipality_page_does_not_list_an_expired_profile(client, home):
    index = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=index, title="Essen", ags="05113000")
    DistrictProfilePageFactory(parent=essen, title="Katernberg")
    expire(DistrictProfilePageFactory(parent=essen, title="Altendorf"))
    restrict(DistrictProfilePageFactory(parent=essen, title="Chorweiler"))

    html = client.get(essen.url).text
    assert "Katernberg" in html
    assert "Altendorf" not in html
    assert "Chorweiler" not in html


def test_footer_leaves_out_an_expired_imprint(client, home):
    contact = ContentPageFactory(parent=home, title="Kontakt und Beratung")
    imprint = expire(ContentPageFactory(parent=home, title="Impressum"))
    SiteSettingsFactory(footer_pages=[contact, imprint])

    html = client.get(home.url).text
    assert f'href="{contact.url}"' in html
    assert "Impressum" not in html


def test_home_page_teasers_hide_pages_visitors_may_not_see(client, home):
    shown = ContentPageFactory(parent=home, title="Zielsetzung")
    expired = expire(ContentPageFactory(parent=home, title="Alte Ausschreibung"))
    private = restrict(ContentPageFactory(parent=home, title="Interne Notizen"))
    home.featured = [
        {"type": "teaser", "value": {"page": page.pk}} for page in (shown, expired, private)
    ]
    home.save_revision().publish()

    html = client.get(home.url).text
    assert "Zielsetzung" in html
    assert "Alte Ausschreibung" not in html
    assert "Interne Notizen" not in html


@pytest.mark.parametrize("hide", [expire, restrict])
def test_workshop_series_links_its_documentation_only_while_visible(client, home, hide):
    library = KnowledgeIndexPageFactory(parent=home)
    documentation = PublicationPageFactory(parent=library, title="Abschlussdokumentation")
    series = WorkshopSeriesPageFactory(parent=library, final_documentation=documentation)
    assert "Abschlussdokumentation" in client.get(series.url).text

    hide(documentation)
    assert "Abschlussdokumentation" not in client.get(series.url).text
