from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.cms.factories import TopicFactory, TopicLabelFactory
from tests.conftest import translate_page
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_content_page_detail_has_everything_to_render_it(client, home, home_en):
    topic = TopicFactory(name="Bildung", slug="bildung")
    TopicLabelFactory(topic=topic, label="Education")
    page = ContentPageFactory(parent=home, title="Zielsetzung", slug="zielsetzung")
    page.topics.add(topic)
    page.save_revision().publish()
    english = translate_page(page, home_en.locale, title="Objectives", slug="objectives")

    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "home.ContentPage"
    assert data["title"] == "Zielsetzung"
    assert data["teaser"] == "Ein kurzer Anrisstext."
    assert data["topics"] == [{"slug": "bildung", "label": "Bildung"}]
    assert [block["type"] for block in data["body"]] == ["heading", "paragraph"]
    assert data["body"][0]["value"] == {"text": "Abschnitt", "level": "h2", "anchor": "abschnitt"}

    data_en = client.get(f"/api/v2/pages/{english.pk}/").json()
    assert data_en["topics"] == [{"slug": "bildung", "label": "Education"}]
    assert data_en["meta"]["locale"] == "en"


def test_home_page_detail(client, home):
    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    assert data["meta"]["type"] == "home.HomePage"
    assert data["intro"] == "<p>Willkommen beim Netzwerk.</p>"
    assert data["featured"] == []
    assert data["teaser_image"] is None


def test_drafts_are_not_in_the_api(client, home):
    draft = ContentPageFactory(parent=home, slug="entwurf")
    draft.unpublish()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    listed = {item["id"] for item in client.get("/api/v2/pages/").json()["items"]}
    assert draft.pk not in listed


def test_page_list_query_count_does_not_grow_with_pages(client, home):
    url = "/api/v2/pages/?type=home.ContentPage&limit=50"

    def count(n):
        for _index in range(n):
            ContentPageFactory(parent=home)
        client.get(url)  # warm the site root cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.json()["meta"]["total_count"]

    few, total_few = count(3)
    many, total_many = count(30)
    assert (total_few, total_many) == (3, 33)
    assert few == many


def test_bad_api_parameters_give_a_400(client, home):
    assert client.get("/api/v2/pages/?limit=abc").status_code == 400
    assert client.get("/api/v2/pages/?type=home.DoesNotExist").status_code == 400
    assert client.get("/api/v2/pages/?unknown=1").status_code == 400
    assert client.get("/api/v2/pages/?limit=101").status_code == 400
    missing = client.get("/api/v2/pages/999999/")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/json"
