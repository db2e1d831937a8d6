"""API v3 page detail for every page type: what a frontend renders from.

One golden file per page type (``tests/api/golden/page_<app>_<model>.json``) pins the contract.
The pages are factory-built with fixed content (``tests.editorial.page_tree``), once per module,
at a frozen date: editing the demo prose does not touch these golden files. The checks below say
what the detail must contain whatever the content is.
"""

import datetime
import json
import re

from wagtail.models import Locale, get_page_models

import freezegun
import pytest

from tests.api.test_v3 import check_golden
from tests.cms.factories import ContactPersonFactory, DocumentFactory, ImageFactory, TopicFactory
from tests.conftest import make_home, rolled_back, tag, translate_page
from tests.editorial.page_tree import one_page_of_each_type
from tests.search.conftest import paragraph

pytestmark = pytest.mark.django_db

PAGE_TYPES = sorted(
    model._meta.label
    for model in get_page_models()
    if model._meta.app_label in {"home", "profiles", "events", "knowledge"}
)

# The clock while the pages are built and read: the event is upcoming, nothing expires.
FROZEN = "2026-04-01 09:00:00"

TREE_ATTRIBUTES = {
    "home.HomePage": "home",
    "home.ContentPage": "content",
    "home.AccessibilityStatementPage": "statement",
    "home.OpenDataPage": "open_data",
    "home.EasyLanguagePage": "easy_language",
    "home.SignLanguagePage": "sign_language",
    "events.NewsIndexPage": "news_index",
    "events.NewsPage": "news",
    "events.EventIndexPage": "events",
    "events.EventPage": "event",
    "profiles.DistrictProfileIndexPage": "profiles",
    "profiles.MunicipalityPage": "municipality",
    "profiles.DistrictProfilePage": "profile",
    "knowledge.KnowledgeIndexPage": "library",
    "knowledge.WorkshopSeriesPage": "series",
    "knowledge.WorkshopPage": "workshop",
    "knowledge.PublicationPage": "publication",
}


def build_pages():
    """One published German page of every type, with fixed titles, texts, dates and topics; the
    district profile the richest (image, contacts, download, boundary, an English translation)."""
    home = make_home()
    tree = one_page_of_each_type(home)
    participation = TopicFactory(name="Bürgerbeteiligung", description="Mitreden im Quartier.")
    economy = TopicFactory(name="Lokale Ökonomie", description="Läden und Gewerbe.")
    tag(tree.news, participation)
    tag(tree.event, participation, economy)
    tag(tree.publication, economy)
    tag(tree.workshop, participation)
    home.featured = [
        {"type": "teaser", "value": {"page": page.pk}} for page in (tree.content, tree.news)
    ]
    home.save_revision().publish()

    image = ImageFactory(title="Zeche Zollverein")
    person = ContactPersonFactory(name="Stadtteilbüro Katernberg", email="katernberg@example.org")
    document = DocumentFactory(title="Integriertes Handlungskonzept")
    profile = tree.profile
    profile.slug = "katernberg"
    profile.hero_image = image
    profile.area_ha = "270.0"
    profile.inhabitants = 24000
    profile.figures_year = 2023
    profile.boundary = json.dumps(
        {
            "type": "Polygon",
            "coordinates": [[[7.03, 51.49], [7.05, 51.49], [7.04, 51.5], [7.03, 51.49]]],
        }
    )
    profile.character = paragraph("Ein früheres Bergarbeiterquartier im Essener Norden.")
    profile.milestones = [
        {
            "type": "milestone",
            "value": {"date": "2016-01-01", "precision": "year", "title": "Aufnahme ins Programm"},
        },
    ]
    profile.contacts = [{"type": "contact", "value": person.pk}]
    profile.downloads = [
        ("document", {"document": document, "title": "", "description": ""}),
    ]
    profile.save_revision().publish()
    tag(profile, participation)
    profile.refresh_from_db()

    english = Locale.objects.get(language_code="en")
    translate_page(home, english, title="Start page", slug="start-en")
    translate_page(tree.profiles, english, title="District profiles", slug="district-profiles")
    translate_page(tree.municipality, english, title="Essen", slug="essen")
    translate_page(profile, english, title="Katernberg", slug="katernberg")
    return tree


@pytest.fixture(scope="module")
def pages(_empty_file_storage, django_db_setup, django_db_blocker):
    with freezegun.freeze_time(FROZEN), rolled_back(django_db_blocker):
        yield build_pages()


@pytest.fixture
def frozen():
    with freezegun.freeze_time(FROZEN):
        yield datetime.datetime.fromisoformat(FROZEN)


def without_media_suffixes(data):
    """Rendition file names carry a random suffix when the in-memory storage already holds one."""
    text = json.dumps(data, ensure_ascii=False)
    return json.loads(re.sub(r"_[A-Za-z0-9]{7}(\.[a-z]+)", r"\1", text))


def test_the_tree_has_every_page_type():
    assert set(TREE_ATTRIBUTES) == set(PAGE_TYPES)


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_page_type_renders_from_the_api_alone(pages, frozen, api, label):
    page = getattr(pages, TREE_ATTRIBUTES[label])
    assert page._meta.label == label
    assert page.live
    assert page.locale.language_code == "de"
    response = api.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == label
    assert data["meta"]["locale"] == "de"
    text = json.dumps(data)
    assert "linktype=" not in text, "internal links must be resolved to URLs"
    assert "embedtype=" not in text, "images in rich text must be expanded"
    for topic in data["topics"]:
        assert set(topic) == {"slug", "label"}
    if label != "home.HomePage":
        assert data["breadcrumbs"][0]["url"].endswith("/de/"), "the trail starts at the home page"
        assert data["breadcrumbs"][-1]["id"] == data["meta"]["parent"]["id"]
    assert [t["locale"] for t in data["translations"]] in ([], ["en"])
    check_golden(f"page_{label.replace('.', '_').lower()}", without_media_suffixes(data))


def _walk(value):
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_profile_detail_inlines_images_documents_and_contacts(pages, frozen, api):
    """The richest page type: everything a profile shows comes inside the one response."""
    page = pages.profile
    assert page.hero_image_id
    assert page.contacts
    data = api.get(f"/api/v3/pages/{page.pk}/").json()
    objects = list(_walk(data))
    images = [obj for obj in objects if "renditions" in obj]
    documents = [obj for obj in objects if "file_size_display" in obj]
    contacts = [obj for obj in objects if "email" in obj and "name" in obj]
    assert images, "the profile's images come as renditions"
    for image in images:
        assert {"alt", "original_width", "original_height"} <= set(image)
        for rendition in image["renditions"].values():
            assert rendition["url"]
            assert rendition["width"] > 0
            assert rendition["height"] > 0
    assert documents, "the profile's downloads come with URL, type and size"
    for document in documents:
        assert document["url"]
        assert document["file_type"]
    assert contacts, "contact persons are inlined, not ids"
    assert data["coordinates"]["lat"] > 50
    english = [t for t in data["translations"] if t["locale"] == "en"]
    assert english
    assert api.get(f"/api/v3/pages/{english[0]['id']}/").status_code == 200
