"""The footer's links: an editable, ordered list of pages in the site settings."""

from django.urls import reverse

from wagtail.models import Site

import pytest

from cms.models import FooterLink, SiteSettings
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def footer(client, path="/de/") -> str:
    return client.get(path).text.split("<footer")[1]


def test_footer_shows_the_links_in_their_order(client, home):
    privacy = ContentPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    statement = ContentPageFactory(parent=home, title="Barrierefreiheit", slug="barrierefreiheit")
    SiteSettingsFactory(footer_pages=[statement, privacy])

    html = footer(client)
    assert html.index("/de/barrierefreiheit/") < html.index("/de/datenschutz/")


def test_a_deleted_page_leaves_the_footer(client, home):
    imprint = ContentPageFactory(parent=home, title="Impressum", slug="impressum")
    SiteSettingsFactory(footer_pages=[imprint])
    imprint.delete()
    assert not FooterLink.objects.exists()
    assert "/de/impressum/" not in footer(client)


def test_editors_of_the_settings_add_and_reorder_links_in_the_admin(admin_client, home):
    imprint = ContentPageFactory(parent=home, title="Impressum", slug="impressum")
    opendata = ContentPageFactory(parent=home, title="Offene Daten", slug="offene-daten")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("cms", "sitesettings", site.pk))

    page = admin_client.get(url)
    assert page.status_code == 200
    assert "footer_links-TOTAL_FORMS" in page.text

    response = admin_client.post(
        url,
        {
            "office_name": "Kommunale Koordinierungsstelle, Stadt Essen",
            "office_address": "",
            "advisor_name": "",
            "phone": "",
            "email": "",
            "footer_links-TOTAL_FORMS": "2",
            "footer_links-INITIAL_FORMS": "0",
            "footer_links-MIN_NUM_FORMS": "0",
            "footer_links-MAX_NUM_FORMS": "1000",
            "footer_links-0-page": str(opendata.pk),
            "footer_links-0-ORDER": "2",
            "footer_links-0-id": "",
            "footer_links-0-DELETE": "",
            "footer_links-1-page": str(imprint.pk),
            "footer_links-1-ORDER": "1",
            "footer_links-1-id": "",
            "footer_links-1-DELETE": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    links = SiteSettings.for_site(site).footer_links.order_by("sort_order")
    assert [link.page_id for link in links] == [imprint.pk, opendata.pk]
