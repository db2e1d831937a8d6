"""Upload checks: a file must be what its name says (a PDF must open as one), and an empty or
oversized file gets one correct German message, in the admin (single and multiple upload) and
in API v3. A refused upload creates nothing."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader, PdfWriter

from cms.models.documents import validate_document_file

from .conftest import bearer, document, pdf_bytes, png_upload, use

pytestmark = pytest.mark.django_db

BROKEN_PDFS = {
    "header_only": b"%PDF-1.4\n%%EOF\n",
    "truncated": pdf_bytes()[:400],
    "garbage_after_header": b"%PDF-1.7\n" + b"\x00\x01 kein PDF " * 50,
}
CHANNELS = ("admin", "multiple", "api")


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def noisy_png() -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((200, 200), 64).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def error_messages(response) -> list[str]:
    """The messages a refused upload shows, whichever way it was sent."""
    if response["Content-Type"].startswith("application/problem+json"):
        return [error["msg"] for error in response.json()["errors"]]
    if response["Content-Type"].startswith("application/json"):
        payload = response.json()
        assert payload["success"] is False, payload
        return payload["error_message"].split("\n")
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", message).strip()
        for message in re.findall(r'class="error-message"[^>]*>(.*?)</p>', html, re.S)
    ]


def upload(client, user, kind, channel, name, content):
    """Send one file; (response, whether a file was created)."""
    model = get_document_model() if kind == "document" else get_image_model()
    before = model.objects.count()
    file = SimpleUploadedFile(name, content)
    root = Collection.get_first_root_node().pk
    namespace = "wagtaildocs" if kind == "document" else "wagtailimages"
    if channel == "admin":
        client.force_login(user)
        response = client.post(
            reverse(f"{namespace}:add"), {"title": "Upload", "file": file, "collection": root}
        )
    elif channel == "multiple":
        client.force_login(user)
        response = client.post(
            reverse(f"{namespace}:add_multiple"),
            {"files[]": file, "collection": root},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    else:
        response = client.post(
            f"/api/v3/{kind}s/",
            {"title": "Upload", "file": file, "collection_id": root},
            **bearer(user),
        )
    return response, model.objects.count() > before


class TestDocuments:
    @pytest.mark.parametrize("channel", CHANNELS)
    def test_a_real_pdf_is_accepted(self, client, world, channel):
        response, created = upload(
            client, world.users.editor, "document", channel, "bericht.pdf", pdf_bytes()
        )
        assert created, response.content[:2000]

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_an_encrypted_pdf_is_accepted(self, client, world, channel):
        response, created = upload(
            client, world.users.editor, "document", channel, "geheim.pdf", encrypted_pdf()
        )
        assert created, response.content[:2000]

    @pytest.mark.parametrize("channel", CHANNELS)
    @pytest.mark.parametrize("broken", sorted(BROKEN_PDFS))
    def test_a_pdf_that_does_not_open_is_refused(self, client, world, channel, broken):
        response, created = upload(
            client, world.users.editor, "document", channel, "bericht.pdf", BROKEN_PDFS[broken]
        )
        assert not created
        assert response.status_code in (200, 422)
        (message,) = error_messages(response)
        assert message.startswith("„bericht.pdf“ lässt sich nicht als PDF öffnen")

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_a_disguised_file_is_refused(self, client, world, channel):
        png = png_upload().read()
        response, created = upload(client, world.users.editor, "document", channel, "b.pdf", png)
        assert not created
        (message,) = error_messages(response)
        assert "ist keine PDF-Datei" in message

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_an_empty_file_gets_one_message(self, client, world, channel):
        response, created = upload(client, world.users.editor, "document", channel, "l.pdf", b"")
        assert not created
        assert error_messages(response) == ["Die übermittelte Datei ist leer."]

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_an_oversized_file_gets_one_message(self, client, world, settings, channel):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
        content = pdf_bytes("Sehr viel Text. " * 400)
        response, created = upload(
            client, world.users.editor, "document", channel, "g.pdf", content
        )
        assert not created
        (message,) = error_messages(response)
        assert re.fullmatch(
            r"Die Datei ist zu groß \(.+\)\. Maximale Dateigröße 2,0\sKB\.", message
        )

    def test_the_validator_refuses_a_broken_pdf_outside_forms_too(self):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as error:
            validate_document_file(SimpleUploadedFile("b.pdf", BROKEN_PDFS["header_only"]))
        assert error.value.code == "content_mismatch"

    def test_replacing_with_a_broken_pdf_keeps_the_old_file(self, client, world):
        doc = document("Konzept", world.users.editor)
        client.force_login(world.users.moderator)
        response = client.post(
            reverse("wagtaildocs:edit", args=(doc.pk,)),
            {
                "title": doc.title,
                "collection": doc.collection_id,
                "tags": "",
                "file": SimpleUploadedFile("neu.pdf", BROKEN_PDFS["truncated"]),
            },
        )
        assert response.status_code == 200
        after = get_document_model().objects.get(pk=doc.pk)
        assert (after.file.name, after.file_hash) == (doc.file.name, doc.file_hash)


class TestImages:
    @pytest.mark.parametrize("channel", CHANNELS)
    def test_a_real_image_is_accepted(self, client, world, channel):
        content = png_upload().read()
        response, created = upload(client, world.users.editor, "image", channel, "f.png", content)
        assert created, response.content[:2000]

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_a_disguised_file_is_refused(self, client, world, channel):
        response, created = upload(
            client, world.users.editor, "image", channel, "foto.png", pdf_bytes()
        )
        assert not created
        (message,) = error_messages(response)
        assert "kein Bild" in message

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_an_empty_file_gets_one_message(self, client, world, channel):
        response, created = upload(client, world.users.editor, "image", channel, "f.png", b"")
        assert not created
        assert error_messages(response) == ["Die übermittelte Datei ist leer."]

    @pytest.mark.parametrize("channel", CHANNELS)
    def test_an_oversized_file_gets_one_message(self, client, world, settings, channel):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2000
        response, created = upload(
            client, world.users.editor, "image", channel, "gross.png", noisy_png()
        )
        assert not created
        (message,) = error_messages(response)
        assert re.fullmatch(
            r"Die Datei ist zu groß \(.+\)\. Maximale Dateigröße 2,0\sKB\.", message
        )


def test_uploads_of_a_used_file_are_new_files(client, world):
    """An editor's new upload never touches a locked file: it is a file of its own."""
    doc = document("Konzept", world.users.editor)
    with world.capture(execute=True):
        use(world.tree.katernberg, documents=[doc])
    __, created = upload(
        client, world.users.editor, "document", "admin", "konzept.pdf", pdf_bytes()
    )
    assert created
    assert get_document_model().objects.get(pk=doc.pk).file_hash == doc.file_hash
