"""`/media/…` (cms.media): images under the privacy rule of files, with cache lifetimes."""

import pytest

from cms import media

pytestmark = pytest.mark.django_db


def rendition_url(image) -> str:
    return image.get_rendition("max-400x300").url


def test_public_rendition_is_served_for_a_year_immutable(client, files):
    url = rendition_url(files.live_image)
    assert url.startswith("/media/images/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert f"max-age={media.RENDITION_MAX_AGE}" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert b"".join(response.streaming_content)


def test_public_original_is_served_for_a_day(client, files):
    response = client.get(files.live_image.file.url)
    assert response.status_code == 200
    assert f"max-age={media.ORIGINAL_MAX_AGE}" in response["Cache-Control"]


def test_image_of_a_contact_shown_on_a_live_page_is_public(client, files):
    assert client.get(rendition_url(files.portrait)).status_code == 200


@pytest.mark.parametrize(
    "name", ["draft_image", "restricted_image", "collection_image", "unused_image"]
)
def test_private_images_are_404_for_visitors(client, files, name):
    image = getattr(files, name)
    assert client.get(image.file.url).status_code == 404
    assert client.get(rendition_url(image)).status_code == 404


def test_editors_see_private_images_uncached(client, files):
    client.force_login(files.users.moderator)
    response = client.get(files.draft_image.file.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/bericht.pdf",
        "/media/original_images/../documents/x.pdf",
        "/media/original_images/gibt-es-nicht.jpg",
        "/media/images/gibt-es-nicht.max-400x300.jpg",
        "/media/anything-else.txt",
    ],
)
def test_documents_unknown_files_and_traversal_are_404(client, files, path):
    assert client.get(path).status_code == 404


def test_documents_are_never_served_from_media(client, files):
    assert client.get(files.live_doc.file.url).status_code == 404


def test_writes_are_refused(client, files):
    assert client.post(files.live_image.file.url).status_code == 405
