"""The permission matrix: who may do what to the Essen subtree and the shared content.

Checked twice: through Wagtail's own permission testers (what the admin shows), and through the
admin URLs with the test client (what a hand-made request achieves). A refused request changes
nothing.
"""

from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, Page, TaskState
from wagtail.permissions import policy_registry

import pytest

from cms.demo.pdf import make_pdf
from cms.models import ContactPerson, Topic
from cms.roles import WORKFLOW_NAME
from tests.cms.factories import ContactPersonFactory, TopicFactory
from tests.profiles.factories import DistrictProfilePageFactory, profile_form_data
from tests.worlds import refetched

from .conftest import ROLES

pytestmark = pytest.mark.django_db

Y, N = True, False

# action → allowed for (anonymous, editor, Essen editor, Dortmund editor, moderator, superuser).
# The pages are Essen's: "Katernberg" (live) and a draft profile; "other municipality" is
# Dortmund. The Dortmund editor's row is the "someone else's municipality" case throughout.
MATRIX = {
    "view_draft": (N, Y, Y, N, Y, Y),
    "edit": (N, Y, Y, N, Y, Y),
    "create_child": (N, Y, Y, N, Y, Y),
    "move_to_other_municipality": (N, Y, N, N, Y, Y),
    "copy_into_other_municipality": (N, Y, N, N, Y, Y),
    "delete_draft": (N, Y, Y, N, Y, Y),
    "delete_live": (N, N, N, N, Y, Y),
    "publish": (N, N, N, N, Y, Y),
    "approve": (N, N, N, N, Y, Y),
    "manage_topics": (N, N, N, N, Y, Y),
    "edit_snippets": (N, N, N, N, Y, Y),
    "upload_to_essens_collection": (N, Y, Y, N, Y, Y),
}
CASES = [
    pytest.param(role, action, allowed[index], id=f"{role}-{action}")
    for action, allowed in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.fixture(scope="module")
def extras(shared_tree, django_db_blocker):
    """A draft profile in Essen, a topic and a contact person, once per module (inside
    ``shared_tree``'s transaction, rolled back with it)."""
    with django_db_blocker.unblock():
        yield SimpleNamespace(
            draft=DistrictProfilePageFactory(
                parent=shared_tree.essen, title="Entwurf", slug="entwurf", live=False
            ),
            essen_collection=Collection.objects.get(name="Kommune Essen"),
            topic=TopicFactory(name="Bürgerbeteiligung"),
            contact=ContactPersonFactory(name="Stadtteilbüro Katernberg"),
        )


@pytest.fixture
def world(tree, users, extras):
    """The tree, the extras and the users, loaded afresh for each test."""
    vars(tree).update(vars(refetched(extras)))
    tree.users = users
    return tree


def approval_task(page):
    return page.get_workflow().tasks.get().specific


# --- Wagtail's permission testers -------------------------------------------------------------

TESTERS = {
    "view_draft": lambda u, t: (
        t.katernberg.permissions_for_user(u).can_edit()
        or t.katernberg.permissions_for_user(u).can_publish()
    ),
    "edit": lambda u, t: t.katernberg.permissions_for_user(u).can_edit(),
    "create_child": lambda u, t: t.essen.permissions_for_user(u).can_add_subpage(),
    "move_to_other_municipality": lambda u, t: t.draft.permissions_for_user(u).can_move_to(
        t.dortmund
    ),
    "copy_into_other_municipality": lambda u, t: t.katernberg.permissions_for_user(u).can_copy_to(
        t.dortmund
    ),
    "delete_draft": lambda u, t: t.draft.permissions_for_user(u).can_delete(),
    "delete_live": lambda u, t: t.katernberg.permissions_for_user(u).can_delete(),
    "publish": lambda u, t: t.katernberg.permissions_for_user(u).can_publish(),
    "approve": lambda u, t: (
        "approve"
        in [name for name, *__ in approval_task(t.katernberg).get_actions(t.katernberg, u)]
    ),
    "manage_topics": lambda u, t: policy_registry.get_by_type(Topic).user_has_any_permission(
        u, {"add", "change", "delete"}
    ),
    "edit_snippets": lambda u, t: policy_registry.get_by_type(ContactPerson).user_has_permission(
        u, "change"
    ),
    "upload_to_essens_collection": lambda u, t: all(
        policy_registry.get_by_type(model)
        .collections_user_has_permission_for(u, "add")
        .filter(pk=t.essen_collection.pk)
        .exists()
        for model in (get_image_model(), get_document_model())
    ),
}


@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_permission_testers(world, role, action, allowed):
    assert TESTERS[action](getattr(world.users, role), world) is allowed


# --- the admin URLs -------------------------------------------------------------------------


def profile_form(**overrides):
    return profile_form_data(**overrides)


def fingerprint():
    """Everything a refused request must leave alone."""
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "pk", "path", "title", "live", "latest_revision_id", "has_unpublished_changes"
            )
        ),
        "topics": list(Topic.objects.values_list("pk", "name")),
        "contacts": list(ContactPerson.objects.values_list("pk", "name")),
        # an upload into a collection the user may not use lands in their own one, if any
        "documents_of_essen": get_document_model()
        .objects.filter(collection__name="Kommune Essen")
        .count(),
        "task_states": list(TaskState.objects.values_list("pk", "status")),
    }


def latest_title(page) -> str:
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title


def pdf(name="plan.pdf"):
    content = make_pdf("Rahmenplan", "Stadt Essen", [("Ziele", ["Ein Satz."])])
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def do_view_draft(client, t):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(t.katernberg.pk,)))
    return response, response.status_code == 200


def do_edit(client, t):
    url = reverse("wagtailadmin_pages:edit", args=(t.katernberg.pk,))
    response = client.post(url, profile_form(title="Katernberg (neu)"))
    return response, latest_title(t.katernberg) == "Katernberg (neu)"


def do_create_child(client, t):
    url = reverse("wagtailadmin_pages:add", args=("profiles", "districtprofilepage", t.essen.pk))
    response = client.post(url, profile_form(title="Altendorf", slug="altendorf"))
    return response, Page.objects.child_of(t.essen).filter(slug="altendorf").exists()


def do_move(client, t):
    url = reverse("wagtailadmin_pages:move_confirm", args=(t.draft.pk, t.dortmund.pk))
    response = client.post(url)
    return response, Page.objects.get(pk=t.draft.pk).get_parent().pk == t.dortmund.pk


def do_copy(client, t):
    url = reverse("wagtailadmin_pages:copy", args=(t.katernberg.pk,))
    data = {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": t.dortmund.pk}
    response = client.post(url, data)
    return response, Page.objects.child_of(t.dortmund).filter(slug="kopie").exists()


def do_delete_draft(client, t):
    response = client.post(reverse("wagtailadmin_pages:delete", args=(t.draft.pk,)))
    return response, not Page.objects.filter(pk=t.draft.pk).exists()


def do_delete_live(client, t):
    response = client.post(reverse("wagtailadmin_pages:delete", args=(t.katernberg.pk,)))
    return response, not Page.objects.filter(pk=t.katernberg.pk).exists()


def do_publish(client, t):
    url = reverse("wagtailadmin_pages:edit", args=(t.katernberg.pk,))
    data = profile_form(title="Katernberg (live)", **{"action-publish": "publish"})
    response = client.post(url, data)
    return response, Page.objects.get(pk=t.katernberg.pk).title == "Katernberg (live)"


def do_approve(client, t):
    t.katernberg.save_revision(user=t.users.essen_editor)
    workflow_state = t.katernberg.get_workflow().start(t.katernberg, t.users.essen_editor)
    task_state = workflow_state.current_task_state
    before = fingerprint()
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(t.katernberg.pk, "approve", task_state.pk)
    )
    response = client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    approved = task_state.status == TaskState.STATUS_APPROVED
    if not approved:
        assert fingerprint() == before
    return response, approved


def do_manage_topics(client, t):
    url = reverse("wagtailsnippets_cms_topic:delete", args=(t.topic.pk,))
    response = client.post(url)
    return response, not Topic.objects.filter(pk=t.topic.pk).exists()


def do_edit_snippets(client, t):
    url = reverse("wagtailsnippets_cms_contactperson:edit", args=(t.contact.pk,))
    data = {"name": "Stadtteilbüro Katernberg-Nord", "role": "Quartiersmanagement"}
    data.update({"organisation": "Stadt Essen", "phone": "", "email": "", "image": ""})
    response = client.post(url, data)
    return response, ContactPerson.objects.get(pk=t.contact.pk).name.endswith("-Nord")


def do_upload(client, t):
    url = reverse("wagtaildocs:add")
    data = {"title": "Rahmenplan", "file": pdf(), "collection": t.essen_collection.pk, "tags": ""}
    response = client.post(url, data)
    return response, get_document_model().objects.filter(
        title="Rahmenplan", collection=t.essen_collection
    ).exists()


ADMIN_ACTIONS = {
    "view_draft": do_view_draft,
    "edit": do_edit,
    "create_child": do_create_child,
    "move_to_other_municipality": do_move,
    "copy_into_other_municipality": do_copy,
    "delete_draft": do_delete_draft,
    "delete_live": do_delete_live,
    "publish": do_publish,
    "approve": do_approve,
    "manage_topics": do_manage_topics,
    "edit_snippets": do_edit_snippets,
    "upload_to_essens_collection": do_upload,
}


@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_admin_urls(world, login, role, action, allowed):
    user = getattr(world.users, role)
    client = login(user)
    before = fingerprint()
    response, done = ADMIN_ACTIONS[action](client, world)
    assert done is allowed, response.content[:2000]
    if allowed:
        return
    assert response.status_code in (200, 302, 403)
    if action == "publish" and TESTERS["edit"](user, world):
        # "publish" without the permission saves a draft; the live page stays as it was
        edit_url = reverse("wagtailadmin_pages:edit", args=(world.katernberg.pk,))
        assert response["Location"] == edit_url
        assert Page.objects.get(pk=world.katernberg.pk).title == "Katernberg"
        return
    if response.status_code == 302 and role == "anonymous":
        assert response["Location"].split("?")[0] == reverse("wagtailadmin_login")
    elif response.status_code == 302 and action != "upload_to_essens_collection":
        # refused with "Sorry, you do not have permission to access this area."
        assert response["Location"] == reverse("wagtailadmin_home")
    if action != "approve":  # its fixture starts a workflow first and checks itself
        assert fingerprint() == before


def test_editors_asking_to_publish_get_a_draft(world, login):
    """Without the publish permission, "publish" saves a draft; the live page stays."""
    client = login(world.users.essen_editor)
    url = reverse("wagtailadmin_pages:edit", args=(world.katernberg.pk,))
    client.post(url, profile_form(title="Katernberg (live?)", **{"action-publish": "publish"}))
    page = Page.objects.get(pk=world.katernberg.pk)
    assert page.title == "Katernberg"
    assert page.live
    assert page.has_unpublished_changes
    assert latest_title(page) == "Katernberg (live?)"


# --- explorer, chooser and API --------------------------------------------------------------


class TestMunicipalEditorsSeeOnlyTheirOwnSubtree:
    def test_explorable_pages_exclude_the_other_municipality(self, world):
        policy = policy_registry.get_by_type(Page)
        explorable = set(
            policy.explorable_instances(world.users.essen_editor).values_list("pk", flat=True)
        )
        assert {world.essen.pk, world.katernberg.pk, world.essen_en.pk} <= explorable
        assert world.profiles.pk in explorable  # the way down to Essen
        assert not {world.dortmund.pk, world.nordstadt.pk, world.news.pk} & explorable

    def test_explorer_lists_only_their_municipality(self, world, login):
        client = login(world.users.essen_editor)
        html = client.get(reverse("wagtailadmin_explore", args=(world.profiles.pk,))).text
        assert "Essen" in html
        assert "Dortmund" not in html
        html = client.get(reverse("wagtailadmin_explore", args=(world.dortmund.pk,))).text
        assert "Nordstadt" not in html

    def test_move_and_copy_choosers_offer_no_other_municipality(self, world):
        from wagtail.admin.views.chooser import can_choose_page

        user = world.users.essen_editor
        for permission, page in (("move_to", world.draft), ("copy_to", world.katernberg)):
            assert not can_choose_page(
                world.dortmund, user, (Page,), user_perm=permission, target_pages=[page]
            )

    def test_moving_there_by_url_is_refused(self, world, login):
        """Wagtail renders the confirmation (titles only) for any admin user; the move itself is
        refused and nothing moves."""
        client = login(world.users.essen_editor)
        url = reverse("wagtailadmin_pages:move_confirm", args=(world.draft.pk, world.dortmund.pk))
        response = client.post(url)
        assert response["Location"] == reverse("wagtailadmin_home")
        assert Page.objects.get(pk=world.draft.pk).get_parent().pk == world.essen.pk


class TestApiWrites:
    def patch(self, client, user, page, data):
        __, token = APIToken.create_token(user=user, name="Test")
        return client.patch(
            f"/api/v3/pages/{page.pk}/",
            data,
            content_type="application/json",
            HTTP_ACCEPT="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    def test_writing_to_another_municipality_is_refused(self, world, client):
        before = fingerprint()
        response = self.patch(
            client, world.users.essen_editor, world.nordstadt, {"title": "Übernommen"}
        )
        assert response.status_code == 403
        assert fingerprint() == before

    def test_writing_to_their_own_municipality_makes_a_draft(self, world, client):
        response = self.patch(
            client, world.users.essen_editor, world.katernberg, {"title": "Katernberg (API)"}
        )
        assert response.status_code == 200, response.content
        page = Page.objects.get(pk=world.katernberg.pk)
        assert page.title == "Katernberg"
        assert latest_title(page) == "Katernberg (API)"

    def test_publishing_through_the_api_is_refused(self, world, client):
        data = {"title": "Live?", "meta": {"action": "publish"}}
        response = self.patch(client, world.users.essen_editor, world.katernberg, data)
        assert response.status_code == 403
        assert Page.objects.get(pk=world.katernberg.pk).title == "Katernberg"


def test_the_workflow_is_the_one_for_all_pages(world):
    assert world.katernberg.get_workflow().name == WORKFLOW_NAME
