"""The permission matrix for files: roles × (upload, edit metadata, replace file, delete) ×
(the user's own unused upload, their own upload that a live page uses, someone else's unused
file), for documents and images, through the permission policy, the admin URLs and API v3.

A refused request changes nothing: the file, its metadata and the number of files stay.
"""

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

import pytest

from .conftest import bearer, document, image, pdf_upload, png_upload, use

pytestmark = pytest.mark.django_db

Y, N = True, False
ROLES = ("anonymous", "editor", "essen_editor", "moderator", "superuser")
STATES = ("own_unused", "own_used", "others_unused")
ACTIONS = ("edit", "replace", "delete")
KINDS = ("document", "image")

# role → state → (edit metadata, replace file, delete)
EXPECTED = {
    "anonymous": dict.fromkeys(STATES, (N, N, N)),
    "editor": {"own_unused": (Y, Y, Y), "own_used": (N, N, N), "others_unused": (N, N, N)},
    "essen_editor": {"own_unused": (Y, Y, Y), "own_used": (N, N, N), "others_unused": (N, N, N)},
    "moderator": dict.fromkeys(STATES, (Y, Y, Y)),
    "superuser": dict.fromkeys(STATES, (Y, Y, Y)),
}
UPLOAD = {"anonymous": N, "editor": Y, "essen_editor": Y, "moderator": Y, "superuser": Y}

CASES = [
    pytest.param(kind, role, action, state, id=f"{kind}-{role}-{action}-{state}")
    for kind in KINDS
    for role in ROLES
    for action in ACTIONS
    for state in STATES
]
API_CASES = [case for case in CASES if case.values[2] != "replace"]  # API v3: metadata only
UPLOAD_CASES = [pytest.param(kind, role, id=f"{kind}-{role}") for kind in KINDS for role in ROLES]


def expected(role, action, state) -> bool:
    return EXPECTED[role][state][ACTIONS.index(action)]


def collection_of(world, role):
    """Where the role uploads: its municipality's collection, or the root."""
    if role == "essen_editor":
        return Collection.objects.get(name="Kommune Essen")
    return Collection.get_first_root_node()


def subject(world, kind, role, state):
    """The file the role acts on in ``state``."""
    users = world.users
    actor = getattr(users, role)
    # "own": the acting editor's upload; for the others, the editor's
    if state == "others_unused":
        owner = users.moderator
    elif role in {"editor", "essen_editor"}:
        owner = actor
    else:
        owner = users.editor
    collection = collection_of(world, role)
    make = document if kind == "document" else image
    obj = make(f"Datei {role} {state}", owner, collection=collection)
    if state == "own_used":
        with world.capture(execute=True):
            if kind == "document":
                use(world.tree.katernberg, documents=[obj])
            else:
                use(world.tree.katernberg, hero=obj)
    return obj


def fingerprint(obj):
    model = type(obj)
    row = model.objects.filter(pk=obj.pk).values("title", "file", "file_hash", "collection_id")
    return {"row": list(row), "count": model.objects.count()}


# --- the permission policy --------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_policy(world, kind):
    model = get_document_model() if kind == "document" else get_image_model()
    policy = policy_registry.get_by_type(model)
    for role in ROLES:
        user = getattr(world.users, role)
        for state in STATES:
            obj = subject(world, kind, role, state)
            for action in ACTIONS:
                policy_action = {"edit": "change"}.get(action, action)
                allowed = policy.user_has_permission_for_instance(user, policy_action, obj)
                assert allowed is expected(role, action, state), (role, action, state)
            # choosing in a draft stays open to every editor, locked or not
            assert policy.user_has_permission_for_instance(user, "choose", obj) is (
                role != "anonymous"
            )
        can_upload = policy.collections_user_has_permission_for(user, "add").exists()
        assert can_upload is UPLOAD[role], role


# --- the admin URLs ---------------------------------------------------------------------------


def admin_url(kind, name, obj=None):
    namespace = "wagtaildocs" if kind == "document" else "wagtailimages"
    return reverse(f"{namespace}:{name}", args=(obj.pk,) if obj else ())


def edit_data(kind, obj, **changes):
    data = {"title": obj.title, "collection": obj.collection_id, "tags": ""}
    if kind == "image":
        data.update(description="", focal_point_x="", focal_point_y="")
        data.update(focal_point_width="", focal_point_height="")
    data.update(changes)
    return data


def admin_action(client, kind, action, obj):
    """Perform ``action`` through the admin; (response, whether it happened)."""
    model = type(obj)
    if action == "edit":
        response = client.post(admin_url(kind, "edit", obj), edit_data(kind, obj, title="Neu"))
        return response, model.objects.filter(pk=obj.pk, title="Neu").exists()
    if action == "replace":
        upload = pdf_upload("neu.pdf", "Neuer Inhalt.") if kind == "document" else png_upload()
        response = client.post(admin_url(kind, "edit", obj), edit_data(kind, obj, file=upload))
        after = model.objects.filter(pk=obj.pk).values_list("file_hash", flat=True).first()
        return response, after is not None and after != obj.file_hash
    response = client.post(admin_url(kind, "delete", obj))
    return response, not model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize(("kind", "role", "action", "state"), CASES)
def test_admin_urls(world, login, kind, role, action, state):
    obj = subject(world, kind, role, state)
    obj.refresh_from_db()
    client = login(getattr(world.users, role))
    before = fingerprint(obj)
    response, done = admin_action(client, kind, action, obj)
    allowed = expected(role, action, state)
    assert done is allowed, response.content[:3000]
    if not allowed:
        assert fingerprint(obj) == before
        assert response.status_code in (200, 302, 403)


@pytest.mark.parametrize(("kind", "role"), UPLOAD_CASES)
def test_admin_upload(world, login, kind, role):
    client = login(getattr(world.users, role))
    collection = collection_of(world, role)
    upload = pdf_upload() if kind == "document" else png_upload()
    data = {"title": "Hochgeladen", "file": upload, "collection": collection.pk, "tags": ""}
    response = client.post(admin_url(kind, "add"), data)
    model = get_document_model() if kind == "document" else get_image_model()
    assert model.objects.filter(title="Hochgeladen").exists() is UPLOAD[role], response.content[
        :2000
    ]


# --- API v3 -----------------------------------------------------------------------------------


def api_url(kind, obj=None):
    base = "/api/v3/documents/" if kind == "document" else "/api/v3/images/"
    return f"{base}{obj.pk}/" if obj else base


def api_headers(user) -> dict:
    return {"HTTP_ACCEPT": "application/json", **(bearer(user) if user.is_authenticated else {})}


@pytest.mark.parametrize(("kind", "role", "action", "state"), API_CASES)
def test_api_v3(world, client, kind, role, action, state):
    obj = subject(world, kind, role, state)
    user = getattr(world.users, role)
    before = fingerprint(obj)
    headers = api_headers(user)
    if action == "edit":
        response = client.patch(
            api_url(kind, obj), {"title": "Neu"}, content_type="application/json", **headers
        )
        done = type(obj).objects.filter(pk=obj.pk, title="Neu").exists()
    else:
        response = client.delete(api_url(kind, obj), **headers)
        done = not type(obj).objects.filter(pk=obj.pk).exists()
    allowed = expected(role, action, state)
    assert done is allowed, response.content
    if allowed:
        assert response.status_code in (200, 204)
        return
    assert fingerprint(obj) == before
    assert response.status_code == (401 if role == "anonymous" else 403), response.content
    assert response["Content-Type"].startswith("application/problem+json")
    if state == "own_used" and role != "anonymous":
        assert "coordination office" in response.json()["detail"]


@pytest.mark.parametrize(("kind", "role"), UPLOAD_CASES)
def test_api_v3_upload(world, client, kind, role):
    user = getattr(world.users, role)
    upload = pdf_upload() if kind == "document" else png_upload()
    collection = collection_of(world, role)
    data = {"title": "Hochgeladen", "file": upload, "collection_id": collection.pk}
    response = client.post(api_url(kind), data, **api_headers(user))
    model = get_document_model() if kind == "document" else get_image_model()
    created = model.objects.filter(title="Hochgeladen").first()
    assert (created is not None) is UPLOAD[role], response.content
    if created is None:
        assert response.status_code == (401 if role == "anonymous" else 403)
    else:
        assert response.status_code == 201
        assert created.uploaded_by_user == user
        assert created.collection == collection
