"""A file is as private as the most private place that shows it: on every API endpoint (v2 and
v3: list, detail, search) and at the download address."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import CollectionViewRestriction

import pytest

from cms.files.visibility import is_public, publicly_visible
from tests.cms.factories import ContactPersonFactory, DocumentFactory, ImageFactory

from .conftest import PHRASE, bearer, make_user, use

pytestmark = pytest.mark.django_db

PUBLIC_DOCUMENTS = ["live_doc"]
PRIVATE_DOCUMENTS = ["draft_doc", "restricted_doc", "collection_doc", "unused_doc"]
PUBLIC_IMAGES = ["live_image", "portrait"]
PRIVATE_IMAGES = ["draft_image", "restricted_image", "collection_image", "unused_image"]
VERSIONS = ["v2", "v3"]


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response) -> set[str]:
    return {item["title"] for item in items(response)}


@pytest.fixture
def api(client):
    client.defaults["HTTP_ACCEPT"] = "application/json"
    return client


class TestTheRule:
    def test_public_and_private_files(self, files):
        for name in PUBLIC_DOCUMENTS + PUBLIC_IMAGES:
            assert is_public(getattr(files, name)), name
        for name in PRIVATE_DOCUMENTS + PRIVATE_IMAGES:
            assert not is_public(getattr(files, name)), name

    def test_publishing_the_draft_makes_its_files_public(self, world, files):
        with world.capture(execute=True):
            page = files.draft.get_latest_revision_as_object()
            page.save_revision().publish()
        assert is_public(files.draft_doc)

    def test_unpublishing_the_page_makes_its_files_private(self, world, files):
        with world.capture(execute=True):
            files.tree.katernberg.specific.unpublish()
        assert not is_public(files.live_doc)
        assert not is_public(files.portrait)

    def test_a_file_used_on_one_public_page_is_public(self, world, files):
        """The strictest of the pages decides only when no public page shows the file."""
        with world.capture(execute=True):
            use(files.tree.katernberg, documents=[files.restricted_doc])
        assert is_public(files.restricted_doc)

    def test_an_expired_page_shows_nothing(self, world, files):
        import datetime

        from django.utils import timezone

        from wagtail.models import Page

        Page.objects.filter(pk=files.tree.katernberg.pk).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )
        assert not is_public(files.live_doc)

    def test_publicly_visible_is_one_query(self, files, django_assert_num_queries):
        from wagtail.documents import get_document_model

        with django_assert_num_queries(1):
            found = list(publicly_visible(get_document_model().objects.all()))
        assert found == [files.live_doc]


# --- the APIs -------------------------------------------------------------------------------


def list_url(version, kind):
    return f"/api/{version}/{kind}/"


@pytest.mark.parametrize("version", VERSIONS)
class TestDocumentsAPI:
    def test_list_shows_public_documents_only(self, api, files, version):
        listed = titles(api.get(list_url(version, "documents"), {"limit": 100}))
        assert listed == {files.live_doc.title}

    def test_detail_of_a_private_document_is_not_found(self, api, files, version):
        assert api.get(f"/api/{version}/documents/{files.live_doc.pk}/").status_code == 200
        for name in PRIVATE_DOCUMENTS:
            response = api.get(f"/api/{version}/documents/{getattr(files, name).pk}/")
            assert response.status_code == 404, name

    def test_search_by_pdf_text_finds_public_documents_only(self, api, files, version):
        listed = titles(api.get(list_url(version, "documents"), {"search": PHRASE}))
        assert listed == {files.live_doc.title}

    def test_search_by_title_finds_no_private_document(self, api, files, version):
        for name in PRIVATE_DOCUMENTS:
            title = getattr(files, name).title
            assert titles(api.get(list_url(version, "documents"), {"search": title})) == set()


@pytest.mark.parametrize("version", VERSIONS)
class TestImagesAPI:
    def test_list_shows_public_images_only(self, api, files, version):
        listed = titles(api.get(list_url(version, "images"), {"limit": 100}))
        assert listed == {files.live_image.title, files.portrait.title}

    def test_detail_of_a_private_image_is_not_found(self, api, files, version):
        assert api.get(f"/api/{version}/images/{files.portrait.pk}/").status_code == 200
        for name in PRIVATE_IMAGES:
            response = api.get(f"/api/{version}/images/{getattr(files, name).pk}/")
            assert response.status_code == 404, name

    def test_search_finds_no_private_image(self, api, files, version):
        for name in PRIVATE_IMAGES:
            title = getattr(files, name).title
            assert titles(api.get(list_url(version, "images"), {"search": title})) == set()
        assert titles(api.get(list_url(version, "images"), {"search": "Zollverein"})) == {
            files.live_image.title
        }


class TestWithAToken:
    def test_an_editor_sees_the_files_they_may_see_in_the_admin(self, api, files):
        response = api.get("/api/v3/documents/", {"limit": 100}, **bearer(files.users.editor))
        assert titles(response) >= {files.draft_doc.title, files.unused_doc.title}

    def test_a_user_without_admin_access_sees_public_files_only(
        self, api, files, django_user_model
    ):
        member = make_user(django_user_model, "mitglied")
        response = api.get("/api/v3/documents/", {"limit": 100}, **bearer(member))
        assert titles(response) == {files.live_doc.title}

    def test_private_answers_are_not_cached_publicly(self, api, files):
        response = api.get("/api/v3/documents/", **bearer(files.users.editor))
        assert "private" in response["Cache-Control"]

    def test_a_session_does_not_widen_api_v2(self, api, files):
        """API v2 answers are cached as public: a logged-in editor gets the public list too."""
        api.force_login(files.users.editor)
        assert titles(api.get("/api/v2/documents/", {"limit": 100})) == {files.live_doc.title}


@pytest.mark.parametrize(
    ("version", "kind"), [(v, k) for v in VERSIONS for k in ("documents", "images")]
)
def test_query_count_does_not_grow_with_the_list(api, world, files, version, kind):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get(list_url(version, kind), {"limit": 100}).status_code == 200
        return len(queries)

    before = count()
    listed = len(items(api.get(list_url(version, kind), {"limit": 100})))
    with world.capture(execute=True):
        if kind == "documents":
            more = [DocumentFactory(title=f"Broschüre {number}") for number in range(6)]
            use(files.tree.katernberg, documents=[files.live_doc, *more])
        else:
            people = [
                ContactPersonFactory(name=f"Person {n}", image=ImageFactory(title=f"Foto {n}"))
                for n in range(6)
            ]
            use(files.tree.katernberg, hero=files.live_image, contacts=[files.contact, *people])
    assert len(items(api.get(list_url(version, kind), {"limit": 100}))) == listed + 6
    assert count() == before


# --- downloads ------------------------------------------------------------------------------


def download(client, document):
    return client.get(document.url)


class TestDownloads:
    def test_documents_are_served_through_django(self, files):
        assert files.live_doc.url == f"/documents/{files.live_doc.pk}/{files.live_doc.filename}"

    def test_a_public_document_downloads(self, client, files):
        response = download(client, files.live_doc)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    @pytest.mark.parametrize("name", ["draft_doc", "restricted_doc", "unused_doc"])
    def test_a_private_document_is_not_found(self, client, files, name):
        assert download(client, getattr(files, name)).status_code == 404

    def test_a_document_in_a_private_collection_asks_for_a_login(self, client, files):
        response = download(client, files.collection_doc)
        assert response.status_code == 302
        assert "login" in response["Location"]

    @pytest.mark.parametrize("name", PRIVATE_DOCUMENTS)
    def test_editors_download_what_they_see_in_the_admin(self, client, files, name):
        client.force_login(files.users.editor)
        assert download(client, getattr(files, name)).status_code == 200

    def test_municipal_editors_download_their_collections_files(self, client, files):
        """Choosing is granted per collection: Dortmund's editors do not see Essen's files."""
        essen = files.users.essen_editor
        from wagtail.models import Collection

        own = DocumentFactory(
            title="Essener Entwurf",
            uploaded_by_user=essen,
            collection=Collection.objects.get(name="Kommune Essen"),
        )
        client.force_login(essen)
        assert download(client, own).status_code == 200
        client.force_login(files.users.dortmund_editor)
        assert download(client, own).status_code == 404

    def test_a_member_downloads_the_files_of_a_page_behind_a_login(
        self, client, files, django_user_model
    ):
        member = make_user(django_user_model, "mitglied")
        client.force_login(member)
        assert download(client, files.restricted_doc).status_code == 200
        assert download(client, files.draft_doc).status_code == 404
        assert download(client, files.unused_doc).status_code == 404

    def test_a_group_restriction_is_kept(self, client, files, django_user_model):
        restriction = files.members_only.get_view_restrictions().get()
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.save()
        insiders = Group.objects.create(name="Netzwerk intern")
        restriction.groups.add(insiders)
        outsider = make_user(django_user_model, "aussen")
        client.force_login(outsider)
        assert download(client, files.restricted_doc).status_code == 404
        outsider.groups.add(insiders)
        assert download(client, files.restricted_doc).status_code == 200

    def test_a_wrong_file_name_is_not_found(self, client, files):
        response = client.get(f"/documents/{files.live_doc.pk}/anderer-name.pdf")
        assert response.status_code == 404
