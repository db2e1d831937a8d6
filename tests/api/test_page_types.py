"""API v3 page detail for every page type of the demo site: what a frontend renders from.

One golden file per page type (``tests/api/golden/page_<app>_<model>.json``) pins the contract;
the checks below say what it must contain whatever the demo content is.
"""

import json
import re

from wagtail.models import Page, get_page_models

import pytest

from tests.api.test_v3 import check_golden

pytestmark = pytest.mark.django_db

PAGE_TYPES = sorted(
    model._meta.label
    for model in get_page_models()
    if model._meta.app_label in {"home", "profiles", "events", "knowledge"}
)


def demo_page(label: str):
    """The first German page of the type in the demo tree (stable: ordered by tree path)."""
    app_label, model_name = label.split(".")
    return (
        Page.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model_name.lower(),
            locale__language_code="de",
            live=True,
        )
        .order_by("path")
        .first()
    )


def without_media_suffixes(data):
    """Rendition file names carry a random suffix when the in-memory storage already holds one."""
    text = json.dumps(data, ensure_ascii=False)
    return json.loads(re.sub(r"_[A-Za-z0-9]{7}(\.[a-z]+)", r"\1", text))


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_page_type_renders_from_the_api_alone(demo, api, label):
    page = demo_page(label)
    assert page is not None, f"the demo content has no {label}"
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


def test_profile_detail_inlines_images_documents_and_contacts(demo, api):
    """The richest page type: everything a profile shows comes inside the one response."""
    from cms.models import CMSDocument
    from profiles.models import DistrictProfilePage

    profiles = DistrictProfilePage.objects.live().filter(locale__language_code="de")
    page = next(p for p in profiles.order_by("path") if p.hero_image_id and p.contacts)
    document = CMSDocument.objects.order_by("pk").first()
    page.downloads = [("document", {"document": document, "title": "", "description": ""})]
    page.save_revision().publish()
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
