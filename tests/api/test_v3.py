"""API v3: the project endpoints, visibility, caching, bad input and writes."""

import datetime
import json
import os
import re
from pathlib import Path
from urllib.parse import parse_qsl

from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import (
    APIToken,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

import pytest

from cms.models import Topic
from tests.cms.factories import DocumentFactory
from tests.conftest import tag
from tests.events.factories import EventPageFactory, NewsPageFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
LIST_ENDPOINTS = [
    "/api/v3/topics/",
    "/api/v3/news/",
    "/api/v3/events/",
    "/api/v3/profiles/",
    "/api/v3/profiles/map/",
    "/api/v3/knowledge/",
    "/api/v3/search/?q=Beteiligung",
    "/api/v3/pages/",
    "/api/v3/pages/?search=Beteiligung",
]


def normalised(data) -> str:
    """JSON with the values that change from run to run (ids, dates, hosts) replaced."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    text = re.sub(r'"(id|page_id)": \d+', r'"\1": 0', text)
    text = re.sub(r"/(pages|images|documents)/\d+/", r"/\1/ID/", text)
    text = re.sub(r"-\d+/", "-N/", text)  # factory sequence numbers in slugs
    text = re.sub(r'"slug": "([a-z-]+)-\d+"', r'"slug": "\1-N"', text)
    text = re.sub(r'"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"', '"UUID"', text)
    text = re.sub(r'"\d{4}-\d\d-\d\dT[^"]*"', '"DATETIME"', text)
    text = re.sub(r'"\d{4}-\d\d-\d\d"', '"DATE"', text)
    return re.sub(r'"id": "\d+-boundary"', '"id": "0-boundary"', text) + "\n"


def check_golden(name: str, data) -> None:
    path = GOLDEN / f"{name}.json"
    text = normalised(data)
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(text)
        pytest.fail(f"golden file {path.name} written; check it and run again")
    assert text == path.read_text(), f"{path.name} differs (UPDATE_GOLDEN=1 rewrites it)"


class TestDocumentation:
    def test_openapi_lists_the_project_endpoints(self, api):
        schema = api.get("/api/v3/openapi.json").json()
        assert schema["info"]["title"] == "Soziale Stadt NRW API"
        for path in LIST_ENDPOINTS:
            assert path.split("?")[0] in schema["paths"], path
        events = schema["paths"]["/api/v3/events/"]["get"]
        assert {"topic", "city", "from", "to", "limit"} <= {
            p["name"] for p in events["parameters"]
        }
        assert "Bürgerbeteiligung in Essen" in schema["info"]["description"]

    def test_docs_load_everything_from_our_server(self, client):
        html = client.get("/api/v3/docs/").text
        assert "/static/ninja/swagger-ui-bundle.js" in html
        assert "cdn" not in html.casefold()


class TestEndpoints:
    def test_upcoming_events_about_a_topic_in_a_city(self, api, network, topics):
        soon = timezone.localdate() + datetime.timedelta(days=10)
        essen = tag(
            EventPageFactory(
                parent=network.events, title="Beteiligung in Essen", start_date=soon, city="Essen"
            ),
            topics.participation,
        )
        EventPageFactory(parent=network.events, title="Ohne Thema", start_date=soon, city="Essen")
        data = api.get("/api/v3/events/", {"topic": "buergerbeteiligung", "city": "Essen"}).json()
        assert [item["id"] for item in data["items"]] == [essen.pk]
        assert data["items"][0]["topics"] == [
            {"slug": "buergerbeteiligung", "label": "Bürgerbeteiligung"}
        ]
        check_golden("events", data)

    def test_events_date_range_and_archive(self, api, network):
        past = api.get("/api/v3/events/", {"archive": "true"}).json()
        assert [item["title"] for item in past["items"]] == ["Rückblick Netzwerktreffen"]
        ranged = api.get("/api/v3/events/", {"from": "2023-09-01", "to": "2023-09-30"}).json()
        assert ranged["count"] == 0  # the range narrows the upcoming list; that one is past
        archive = api.get(
            "/api/v3/events/", {"archive": "true", "from": "2023-09-01", "to": "2023-09-30"}
        ).json()
        assert archive["count"] == 1

    def test_news_by_topic_and_year_in_english_labels(self, api, network):
        data = api.get("/api/v3/news/", {"topic": "buergerbeteiligung", "year": "2025"}).json()
        assert [item["title"] for item in data["items"]] == ["Bürgerbeteiligung im Quartier"]
        check_golden("news", data)
        english = api.get("/api/v3/news/", {"topic": "buergerbeteiligung", "lang": "en"}).json()
        assert english["count"] == 0  # no English news in this network

    def test_topics_with_counts_and_labels(self, api, network):
        data = api.get("/api/v3/topics/").json()
        counts = {item["slug"]: item["pages"] for item in data["items"]}
        assert counts == {"buergerbeteiligung": 5, "lokale-oekonomie": 2}
        english = api.get("/api/v3/topics/", {"lang": "en"}).json()
        assert "Citizen participation" in [item["label"] for item in english["items"]]
        check_golden("topics", data)

    def test_profiles_with_facets_and_map(self, api, network):
        data = api.get("/api/v3/profiles/", {"municipality": "essen"}).json()
        assert [item["title"] for item in data["items"]] == ["Katernberg"]
        assert data["total_unfiltered"] == 2
        municipality = next(f for f in data["facets"] if f["name"] == "municipality")
        assert {o["value"]: o["count"] for o in municipality["options"]} == {
            "dortmund": 1,
            "essen": 1,
        }
        check_golden("profiles", data)
        geojson = api.get("/api/v3/profiles/map/", {"region": "arnsberg"}).json()
        assert geojson["type"] == "FeatureCollection"
        assert [f["properties"]["title"] for f in geojson["features"]] == ["Nordstadt"]

    def test_knowledge_library(self, api, network):
        data = api.get("/api/v3/knowledge/", {"kind": "publikation"}).json()
        assert [item["title"] for item in data["items"]] == ["Arbeitshilfe Verfügungsfonds"]
        check_golden("knowledge", data)

    def test_search_with_facets(self, api, network):
        data = api.get("/api/v3/search/", {"q": "Quartier", "type": "news"}).json()
        assert data["count"] >= 1
        assert {item["type"] for item in data["items"]} == {"news"}
        types = next(f for f in data["facets"] if f["name"] == "type")
        assert any(option["value"] == "profile" for option in types["options"])

    def test_page_detail_has_what_a_frontend_renders(self, api, network):
        news = network.participation_news
        data = api.get(f"/api/v3/pages/{news.pk}/").json()
        assert data["meta"]["type"] == "events.NewsPage"
        assert data["topics"] == [{"slug": "buergerbeteiligung", "label": "Bürgerbeteiligung"}]
        assert data["body"][0]["type"] == "paragraph"
        check_golden("news_page", data)


def _hide_pages(network):
    """A draft, an expired page, a restricted page: none may reach anonymous clients."""
    draft = NewsPageFactory(parent=network.news_index, title="Entwurf Beteiligung", live=False)
    expired = tag(
        NewsPageFactory(parent=network.news_index, title="Abgelaufen Beteiligung"),
        Topic.objects.get(slug="buergerbeteiligung"),
    )
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    PageViewRestriction.objects.create(
        page=network.katernberg, restriction_type=PageViewRestriction.LOGIN
    )
    return [draft, expired, network.katernberg]


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_hidden_pages_appear_nowhere(api, network, url):
    hidden = _hide_pages(network)
    path, __, query = url.partition("?")
    params = dict(parse_qsl(query)) | ({"limit": 100} if "profiles/map" not in url else {})
    response = api.get(path, params)
    assert response.status_code == 200, response.content
    for page in hidden:
        assert page.title not in response.text, (url, page.title)
    for page in hidden:
        assert api.get(f"/api/v3/pages/{page.pk}/").status_code == 404


def test_api_v2_follows_the_same_rule(api, network):
    hidden = _hide_pages(network)
    text = api.get("/api/v2/pages/", {"limit": 100}).text
    assert network.participation_news.title in text
    for page in hidden:
        assert page.title not in text
        assert api.get(f"/api/v2/pages/{page.pk}/").status_code == 404


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_documents_in_private_collections_are_not_listed(
    api, network, version, django_capture_on_commit_callbacks
):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    internal = DocumentFactory(title="Interner Vermerk", collection=private)
    brochure = DocumentFactory(title="Öffentliche Broschüre")
    # both on a public page: only public pages make a file public (cms.files), and only if
    # its collection is public too
    publication = network.publication
    publication.main_document = brochure
    publication.further_downloads = [
        {"type": "document", "value": {"document": internal.pk, "title": "", "description": ""}}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        publication.save_revision().publish()
    titles = [item["title"] for item in api.get(f"/api/{version}/documents/").json()["items"]]
    assert titles == ["Öffentliche Broschüre"]


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_query_count_does_not_grow_with_the_page_size(api, network, topics, url):
    for number in range(8):
        tag(
            NewsPageFactory(parent=network.news_index, title=f"Beteiligung {number}"),
            topics.participation,
        )
        tag(
            EventPageFactory(
                parent=network.events,
                title=f"Beteiligung {number}",
                start_date=timezone.localdate() + datetime.timedelta(days=number + 1),
            ),
            topics.participation,
        )
    separator = "&" if "?" in url else "?"

    def count(limit):
        return queries_for(api, f"{url}{separator}limit={limit}")

    assert count(5) == count(50)


BAD_REQUESTS = [
    "/api/v3/events/?topic=gibt-es-nicht",
    "/api/v3/events/?from=2024-02-30",
    "/api/v3/events/?month=2024-13",
    "/api/v3/events/?from=2024-05-01&to=2024-04-01",
    "/api/v3/events/?limit=101",
    "/api/v3/events/?limit=0",
    "/api/v3/events/?offset=-1",
    "/api/v3/events/?limit=abc",
    "/api/v3/events/?unknown=1",
    "/api/v3/news/?year=abc",
    "/api/v3/news/?year=1800",
    "/api/v3/profiles/?status=vielleicht",
    "/api/v3/profiles/map/?topic=gibt-es-nicht",
    "/api/v3/knowledge/?kind=roman",
    "/api/v3/search/",
    "/api/v3/search/?q=" + "x" * 500,
    "/api/v3/search/?q=Quartier&type=roman",
    "/api/v3/topics/?lang=fr",
    "/api/v3/pages/?limit=1000",
]


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_bad_input_gets_a_4xx_problem_document(api, network, url):
    pages = Page.objects.count()
    response = api.get(url)
    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]
    assert Page.objects.count() == pages


class TestCaching:
    def test_etag_and_304(self, api, network):
        first = api.get("/api/v3/events/")
        assert first["ETag"]
        assert "public" in first["Cache-Control"]
        again = api.get("/api/v3/events/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""

    def test_changed_content_gets_a_new_etag(self, api, network):
        first = api.get("/api/v3/news/")
        NewsPageFactory(parent=network.news_index, title="Neu")
        second = api.get("/api/v3/news/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert second.status_code == 200

    @override_settings(CORS_ALLOWED_ORIGINS=["https://www.essen.de"])
    def test_cors_for_configured_origins_only(self, api, network):
        allowed = api.get("/api/v3/events/", HTTP_ORIGIN="https://www.essen.de")
        assert allowed["Access-Control-Allow-Origin"] == "https://www.essen.de"
        other = api.get("/api/v3/events/", HTTP_ORIGIN="https://example.org")
        assert "Access-Control-Allow-Origin" not in other


class TestWrites:
    def token_for(self, user):
        __, plaintext = APIToken.create_token(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}

    def test_anonymous_writes_are_refused(self, api, network):
        response = api.patch(
            f"/api/v3/pages/{network.economy_news.pk}/",
            {"title": "Übernommen"},
            content_type="application/json",
        )
        assert response.status_code == 401
        network.economy_news.refresh_from_db()
        assert network.economy_news.title == "Lokale Ökonomie stärken"

    def test_an_editor_who_may_not_publish_only_makes_drafts(self, api, network, editor):
        headers = self.token_for(editor)
        page = network.economy_news
        publish = api.patch(
            f"/api/v3/pages/{page.pk}/",
            {"title": "Veröffentlicht?", "meta": {"action": "publish"}},
            content_type="application/json",
            **headers,
        )
        assert publish.status_code == 403
        draft = api.patch(
            f"/api/v3/pages/{page.pk}/",
            {"title": "Nur ein Entwurf"},
            content_type="application/json",
            **headers,
        )
        assert draft.status_code == 200, draft.content
        page.refresh_from_db()
        assert page.title == "Lokale Ökonomie stärken"  # the live page is untouched
        assert page.has_unpublished_changes
        assert page.get_latest_revision_as_object().title == "Nur ein Entwurf"

    def test_malformed_json_changes_nothing(self, api, network, editor):
        response = api.patch(
            f"/api/v3/pages/{network.economy_news.pk}/",
            "{not json",
            content_type="application/json",
            **self.token_for(editor),
        )
        assert 400 <= response.status_code < 500
        assert not network.economy_news.revisions.filter(
            created_at__gt=timezone.now() - datetime.timedelta(minutes=1),
            content__title="{not json",
        ).exists()
