"""The "Offene Daten" page: every dataset with its formats, licence and columns."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.opendata import datasets
from cms.roles import EDITORS, MODERATORS
from home.models import OpenDataPage
from tests.cms.factories import SiteSettingsFactory
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory, OpenDataPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_data(home):
    SiteSettingsFactory()
    return OpenDataPageFactory(parent=home)


# --- model -------------------------------------------------------------------------------------


def test_one_open_data_page_per_language(home, home_en, open_data):
    assert not OpenDataPage.can_create_at(home)
    assert OpenDataPage.can_create_at(home_en)
    assert not OpenDataPage.can_create_at(ContentPageFactory(parent=home))
    assert OpenDataPage.subpage_types == []


def test_the_page_lists_every_registered_dataset(open_data):
    listed = open_data.datasets
    assert [item["slug"] for item in listed] == [dataset.slug for dataset in datasets()]
    assert {item["slug"] for item in listed} == {
        "stadtteilprofile",
        "kommunen",
        "veranstaltungen",
        "publikationen",
    }
    profiles = listed[0]
    assert [f["url"] for f in profiles["formats"]] == [
        "/daten/de/stadtteilprofile.csv",
        "/daten/de/stadtteilprofile.json",
        "/daten/de/stadtteilprofile.geojson",
    ]
    assert "status" in [column["name"] for column in profiles["columns"]]


# --- rendered page -----------------------------------------------------------------------------


def test_page_shows_formats_licence_columns_and_catalogue(client, open_data):
    response = client.get(open_data.url)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Offene Daten</h1>" in html
    assert "Alle Daten stehen unter einer freien Lizenz." in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in html
    assert 'href="/daten/de/veranstaltungen.ics"' in html
    assert 'href="/daten/de/publikationen.bib"' in html
    assert "<code>funding_start</code>" in html
    assert "Erstes Förderjahr" in html
    assert 'href="/daten/katalog.ttl"' in html


def test_english_page_links_the_english_data(client, open_data, home_en):
    english = translate_page(open_data, home_en.locale, title="Open data", slug="open-data")
    html = client.get(english.url).text
    assert 'href="/daten/en/stadtteilprofile.csv"' in html
    assert "First year of funding" in html
    assert "Data licence Germany – attribution – version 2.0" in html


def test_page_is_linked_from_the_footer_when_chosen(client, home, open_data):
    SiteSettingsFactory(footer_pages=[open_data])
    footer = client.get(ContentPageFactory(parent=home).url).text.split("<footer")[1]
    assert f'href="{open_data.url}"' in footer


def test_page_query_count_does_not_depend_on_the_data(client, open_data):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(open_data.url).status_code == 200
        return len(queries)

    first = count()
    assert count() <= first


# --- API ---------------------------------------------------------------------------------------


def test_api_shows_the_datasets(client, open_data):
    data = client.get(f"/api/v2/pages/{open_data.pk}/").json()
    assert data["meta"]["type"] == "home.OpenDataPage"
    assert data["intro"].startswith("<p>Alle Daten")
    assert data["datasets"][0]["formats"][0]["url"] == "/daten/de/stadtteilprofile.csv"


# --- permissions -------------------------------------------------------------------------------


def test_only_moderators_publish_the_page_and_editors_may_draft(
    home, open_data, django_user_model
):
    editor = django_user_model.objects.create_user("redaktion", password="x" * 16)
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = django_user_model.objects.create_user("koordination", password="x" * 16)
    moderator.groups.add(Group.objects.get(name=MODERATORS))

    assert open_data.permissions_for_user(editor).can_edit()
    assert not open_data.permissions_for_user(editor).can_publish()
    assert open_data.permissions_for_user(moderator).can_publish()
    assert not open_data.permissions_for_user(
        django_user_model.objects.create_user("gast", password="x" * 16)
    ).can_edit()
