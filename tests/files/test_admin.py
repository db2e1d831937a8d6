"""The admin under the file lock: editors see where their file is used and why it is locked,
get no delete or replace controls, and every way around that (a hand-made POST, the multiple
upload's edit and delete, bulk actions) is refused with a message and changes nothing."""

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from .conftest import document, image, pdf_upload, use

pytestmark = pytest.mark.django_db

LOCKED_DE = "nur noch die Koordinierungsstelle"


@pytest.fixture
def locked(world):
    """The editor's document and image, on Katernberg (live)."""
    doc = document("Handlungskonzept", world.users.editor)
    img = image("Zeche", world.users.editor)
    with world.capture(execute=True):
        use(world.tree.katernberg, documents=[doc], hero=img)
    return doc, img


def text(response) -> str:
    return response.content.decode()


class TestEditorsSeeWhyAFileIsLocked:
    def test_the_edit_view_opens_read_only_with_the_pages_that_use_it(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtaildocs:edit", args=(doc.pk,)))
        assert response.status_code == 200
        html = text(response)
        assert 'data-file-lock="locked"' in html
        assert "Diese Datei wird auf veröffentlichten Seiten verwendet." in html
        assert LOCKED_DE in html
        assert "Katernberg" in html
        assert reverse("wagtaildocs:delete", args=(doc.pk,)) not in html
        form = response.context["form"]
        assert all(field.disabled for field in form.fields.values())

    def test_images_too(self, client, world, locked):
        __, img = locked
        client.force_login(world.users.essen_editor)  # not theirs: not opened at all
        assert client.get(reverse("wagtailimages:edit", args=(img.pk,))).status_code == 302
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtailimages:edit", args=(img.pk,)))
        assert response.status_code == 200
        assert LOCKED_DE in text(response)
        assert reverse("wagtailimages:delete", args=(img.pk,)) not in text(response)

    def test_the_usage_view_shows_the_page(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtaildocs:document_usage", args=(doc.pk,)))
        assert response.status_code == 200
        assert "Katernberg" in text(response)

    def test_the_listing_still_shows_the_editors_locked_files(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtaildocs:index"))
        assert doc.title in text(response)

    def test_an_unlocked_file_has_no_notice_and_an_open_form(self, client, world):
        doc = document("Entwurf", world.users.editor)
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtaildocs:edit", args=(doc.pk,)))
        assert "data-file-lock" not in text(response)
        assert not any(field.disabled for field in response.context["form"].fields.values())
        assert reverse("wagtaildocs:delete", args=(doc.pk,)) in text(response)

    def test_the_coordination_office_is_told_that_changes_go_live_at_once(
        self, client, world, locked
    ):
        doc, __ = locked
        client.force_login(world.users.moderator)
        response = client.get(reverse("wagtaildocs:edit", args=(doc.pk,)))
        html = text(response)
        assert 'data-file-lock="manager"' in html
        assert "sofort und ohne Freigabe" in html
        assert reverse("wagtaildocs:delete", args=(doc.pk,)) in html
        assert not response.context["form"].fields["file"].disabled


class TestRefusedRequestsChangeNothing:
    def fingerprint(self, obj):
        model = type(obj)
        return list(model.objects.filter(pk=obj.pk).values("title", "file", "file_hash"))

    def test_a_posted_edit_is_refused_with_the_reason(self, client, world, locked):
        doc, __ = locked
        before = self.fingerprint(doc)
        client.force_login(world.users.editor)
        response = client.post(
            reverse("wagtaildocs:edit", args=(doc.pk,)),
            {"title": "Neu", "collection": doc.collection_id, "tags": "", "file": pdf_upload()},
        )
        assert response.status_code == 200
        assert LOCKED_DE in text(response)
        assert self.fingerprint(doc) == before

    def test_a_posted_deletion_is_refused_with_the_reason(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.editor)
        response = client.post(reverse("wagtaildocs:delete", args=(doc.pk,)), follow=True)
        assert response.redirect_chain[0][0] == reverse("wagtaildocs:edit", args=(doc.pk,))
        assert LOCKED_DE in text(response)
        assert get_document_model().objects.filter(pk=doc.pk).exists()

    def test_the_delete_confirmation_is_refused_too(self, client, world, locked):
        __, img = locked
        client.force_login(world.users.editor)
        response = client.get(reverse("wagtailimages:delete", args=(img.pk,)))
        assert response.status_code == 302
        assert get_image_model().objects.filter(pk=img.pk).exists()

    def test_someone_elses_file_is_refused_without_details(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.essen_editor)
        response = client.post(reverse("wagtaildocs:delete", args=(doc.pk,)))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert get_document_model().objects.filter(pk=doc.pk).exists()

    @pytest.mark.parametrize("kind", ["document", "image"])
    def test_the_multiple_uploads_edit_and_delete_are_refused(self, client, world, locked, kind):
        obj = locked[0] if kind == "document" else locked[1]
        namespace = "wagtaildocs" if kind == "document" else "wagtailimages"
        before = self.fingerprint(obj)
        client.force_login(world.users.editor)
        prefix = f"{kind[:3] if kind == 'document' else 'image'}-{obj.pk}"
        edit = client.post(
            reverse(f"{namespace}:edit_multiple", args=(obj.pk,)),
            {f"{prefix}-title": "Neu", f"{prefix}-collection": obj.collection_id},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
        delete = client.post(
            reverse(f"{namespace}:delete_multiple", args=(obj.pk,)),
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
        assert edit.status_code in (302, 403) or edit.json()["success"] is False
        assert delete.status_code in (302, 403) or delete.json()["success"] is False
        assert self.fingerprint(obj) == before

    @pytest.mark.parametrize("action", ["delete", "add_tags", "add_to_collection"])
    def test_bulk_actions_skip_locked_files(self, client, world, locked, action):
        doc, __ = locked
        before = self.fingerprint(doc)
        client.force_login(world.users.editor)
        url = reverse("wagtail_bulk_action", args=("cms", "cmsdocument", action)) + f"?id={doc.pk}"
        response = client.post(url, {"tags": "neu", "collection": doc.collection_id})
        assert response.status_code in (200, 302)
        assert self.fingerprint(doc) == before
        assert get_document_model().objects.get(pk=doc.pk).tags.count() == 0

    def test_the_coordination_office_may_delete(self, client, world, locked):
        doc, __ = locked
        client.force_login(world.users.moderator)
        response = client.post(reverse("wagtaildocs:delete", args=(doc.pk,)))
        assert response.status_code == 302
        assert not get_document_model().objects.filter(pk=doc.pk).exists()
