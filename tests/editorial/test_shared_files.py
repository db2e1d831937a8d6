"""The network's shared collection and the archive (cms.roles, cms.files.policy), and what
happens to a municipality's group, users and files when its page is deleted (profiles.roles).

"All and not more": each group holds exactly the declared permissions on the reserved
collections, and the permission policy, the admin views and the choosers give each role exactly
that, whatever the role holds on the collections above.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, ModelLogEntry
from wagtail.permissions import policy_registry

import pytest

from cms import roles
from cms.models import ReservedCollection
from cms.roles import (
    ARCHIVE,
    ARCHIVE_COLLECTION,
    EDITORS,
    MODERATORS,
    NETWORK,
    NETWORK_COLLECTION,
    ensure_core_groups,
    ensure_shared_collections,
)
from profiles.roles import (
    ACCOUNT_DEACTIVATED,
    MUNICIPALITY_RETIRED,
    ensure_municipality_groups,
    municipality_group_of,
)
from tests.cms.factories import DocumentFactory, ImageFactory
from tests.editorial.conftest import make_user
from tests.editorial.test_roles import snapshot

pytestmark = pytest.mark.django_db

ROLES = ["editor", "essen_editor", "dortmund_editor", "moderator"]
ACTIONS = ["add", "choose", "change", "replace", "delete"]
MANAGE = set(ACTIONS)
CHOOSE = {"choose"}


def reserved(purpose):
    return ReservedCollection.objects.get(purpose=purpose).collection


def permissions_on(collection) -> dict[str, set[str]]:
    """Every group's permissions granted on ``collection`` itself, dotted."""
    granted = {}
    for group, app_label, codename in GroupCollectionPermission.objects.filter(
        collection=collection
    ).values_list("group__name", "permission__content_type__app_label", "permission__codename"):
        granted.setdefault(group, set()).add(f"{app_label}.{codename}")
    return granted


def effective(user, obj) -> set[str]:
    """What ``user`` may do with ``obj`` according to the permission policy."""
    policy = policy_registry.get_by_type(type(obj))
    allowed = {
        action
        for action in ("choose", "change", "replace", "delete")
        if policy.user_has_permission_for_instance(user, action, obj)
    }
    if (
        policy.collections_user_has_permission_for(user, "add")
        .filter(pk=obj.collection_id)
        .exists()
    ):
        allowed.add("add")
    return allowed


def shared_files(owner=None, purpose=NETWORK):
    collection = reserved(purpose)
    return [
        ImageFactory(title=f"Bild {purpose}", collection=collection, uploaded_by_user=owner),
        DocumentFactory(
            title=f"Dokument {purpose}", collection=collection, uploaded_by_user=owner
        ),
    ]


class TestCollections:
    def test_the_migrations_created_both_reserved_collections_under_the_root(self):
        root = Collection.get_first_root_node()
        assert reserved(NETWORK).name == NETWORK_COLLECTION
        assert reserved(ARCHIVE).name == ARCHIVE_COLLECTION
        for purpose in (NETWORK, ARCHIVE):
            assert reserved(purpose).get_parent() == root
        assert all(not problems for problems in Collection.find_problems())

    def test_their_names_sort_after_the_municipalities_collections(self, tree):
        """Wagtail keeps collections sorted by name (treebeard); the tree fixture has added
        two municipalities' collections before them."""
        names = [c.name for c in Collection.get_first_root_node().get_children()]
        assert names == sorted(names)
        assert names[-2:] == [ARCHIVE_COLLECTION, NETWORK_COLLECTION]

    def test_exactly_the_declared_permissions_on_the_network_collection(self, tree):
        """All and not more, group by group."""
        choose = {"wagtailimages.choose_image", "wagtaildocs.choose_document"}
        manage = {
            f"{app}.{action}_{model}"
            for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
            for action in ("add", "change", "delete", "choose")
        }
        assert set(roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS) == manage
        assert permissions_on(reserved(NETWORK)) == {
            MODERATORS: manage,
            EDITORS: choose,
            "Kommune Essen": choose,
            "Kommune Dortmund": choose,
        }

    def test_exactly_the_declared_permissions_on_the_archive(self, tree):
        assert permissions_on(reserved(ARCHIVE)) == {
            MODERATORS: set(roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS)
        }

    def test_found_by_purpose_after_a_rename(self, tree):
        network = reserved(NETWORK)
        network.name = "Bilder für alle"
        network.save()
        before = snapshot()
        ensure_shared_collections()
        ensure_core_groups()
        ensure_municipality_groups()
        assert snapshot() == before

    def test_idempotent(self, tree):
        before = snapshot()
        ensure_shared_collections()
        ensure_shared_collections()
        ensure_municipality_groups()
        assert snapshot() == before

    def test_recreated_if_an_administrator_deleted_one(self, tree):
        reserved(ARCHIVE).delete()
        assert not ReservedCollection.objects.filter(purpose=ARCHIVE).exists()
        archive = ensure_shared_collections()[ARCHIVE]
        assert archive.name == ARCHIVE_COLLECTION
        assert permissions_on(archive) == {
            MODERATORS: set(roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS)
        }

    def test_the_frozen_migration_code_declares_the_same_rules(self):
        from cms.migration_support import roles_v2

        assert roles_v2.RESERVED_COLLECTION_NAMES == roles.RESERVED_COLLECTION_NAMES
        assert set(roles_v2.SHARED_FILES_MANAGE_PERMISSIONS) == set(
            roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS
        )
        assert set(roles_v2.SHARED_FILES_CHOOSE_PERMISSIONS) == set(
            roles.EDITOR_NETWORK_COLLECTION_PERMISSIONS
        )
        assert set(roles_v2.SHARED_FILES_CHOOSE_PERMISSIONS) == set(
            roles.MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS
        )

    def test_the_migration_grants_an_existing_municipality_the_choice(self, tree):
        """``profiles/0008`` (frozen code) on a municipality whose group lacks it."""
        group = municipality_group_of(tree.dortmund)
        GroupCollectionPermission.objects.filter(
            group=group, collection=reserved(NETWORK)
        ).delete()
        executor = MigrationExecutor(connection)
        name = "0008_municipalities_choose_shared_files"
        state = executor.loader.project_state([("profiles", name)])
        from importlib import import_module

        module = import_module(f"profiles.migrations.{name}")
        module.Migration.operations[0].code(state.apps, connection.schema_editor())
        assert permissions_on(reserved(NETWORK))["Kommune Dortmund"] == {
            "wagtailimages.choose_image",
            "wagtaildocs.choose_document",
        }


class TestPolicy:
    """What each role may do with the shared files, by the permission policy that every view,
    chooser and API write asks."""

    @pytest.mark.parametrize("role", ROLES)
    def test_network_files(self, users, role):
        user = getattr(users, role)
        # uploaded by the user themself: owning a file gives no rights where one may not add
        for obj in shared_files(owner=user):
            assert effective(user, obj) == (MANAGE if role == "moderator" else CHOOSE), obj

    @pytest.mark.parametrize("role", ROLES)
    def test_archived_files(self, users, role):
        user = getattr(users, role)
        for obj in shared_files(owner=user, purpose=ARCHIVE):
            assert effective(user, obj) == (MANAGE if role == "moderator" else set()), obj

    def test_the_collections_above_keep_their_rules(self, users, tree):
        """Redaktion still uploads into and chooses from the root collection and chooses the
        municipalities' files; a municipality chooses its own files, not its neighbour's."""
        root = Collection.get_first_root_node()
        essen = Collection.objects.get(name="Kommune Essen")
        policy = policy_registry.get_by_type(get_image_model())
        editor_add = set(policy.collections_user_has_permission_for(users.editor, "add"))
        assert root in editor_add
        assert essen in editor_add
        assert reserved(NETWORK) not in editor_add
        assert reserved(ARCHIVE) not in editor_add
        essen_choose = set(
            policy.collections_user_has_permission_for(users.essen_editor, "choose")
        )
        assert essen_choose == {essen, reserved(NETWORK)}
        assert set(policy.collections_user_has_permission_for(users.moderator, "delete")) == set(
            Collection.objects.all()
        )

    def test_users_with_permission_on_a_shared_file(self, users):
        image = shared_files()[0]
        policy = policy_registry.get_by_type(get_image_model())
        choosers = set(policy.users_with_any_permission_for_instance(["choose"], image))
        assert {users.editor, users.essen_editor, users.dortmund_editor, users.moderator} <= (
            choosers
        )
        changers = set(policy.users_with_any_permission_for_instance(["change"], image))
        assert changers == {users.moderator, users.superuser}
        archived = shared_files(purpose=ARCHIVE)[0]
        assert set(policy.users_with_any_permission_for_instance(["choose"], archived)) == {
            users.moderator,
            users.superuser,
        }


@pytest.fixture
def gallery(tree, users):
    """One image per collection: shared, archived, each municipality's, the root's."""
    root = Collection.get_first_root_node()
    return {
        "network": ImageFactory(title="Netzwerkbild Quartier", collection=reserved(NETWORK)),
        "archive": ImageFactory(title="Archivbild Altstadt", collection=reserved(ARCHIVE)),
        "essen": ImageFactory(
            title="Essener Bild Zeche",
            collection=Collection.objects.get(name="Kommune Essen"),
            uploaded_by_user=users.essen_editor,
        ),
        "dortmund": ImageFactory(
            title="Dortmunder Bild Hafen",
            collection=Collection.objects.get(name="Kommune Dortmund"),
            uploaded_by_user=users.dortmund_editor,
        ),
        "root": ImageFactory(title="Redaktionsbild Markt", collection=root),
    }


CHOOSER_SEES = {
    "editor": {"network", "essen", "dortmund", "root"},
    "essen_editor": {"network", "essen"},
    "dortmund_editor": {"network", "dortmund"},
    "moderator": {"network", "archive", "essen", "dortmund", "root"},
}


class TestAdmin:
    @pytest.mark.parametrize("role", ROLES)
    def test_the_image_chooser_lists_shared_and_own_images(self, users, login, gallery, role):
        response = login(getattr(users, role)).get(reverse("wagtailimages_chooser:choose"))
        assert response.status_code == 200
        html = response.json()["html"]
        shown = {key for key, image in gallery.items() if image.title in html}
        assert shown == CHOOSER_SEES[role]

    def test_the_document_chooser_lists_shared_documents(self, users, login):
        shared, archived = shared_files()[1], shared_files(purpose=ARCHIVE)[1]
        response = login(users.essen_editor).get(reverse("wagtaildocs_chooser:choose"))
        html = response.json()["html"]
        assert shared.title in html
        assert archived.title not in html

    @pytest.mark.parametrize("role", ["editor", "essen_editor"])
    def test_editing_a_shared_image_is_refused(self, users, login, gallery, role):
        image = gallery["network"]
        client = login(getattr(users, role))
        response = client.post(
            reverse("wagtailimages:edit", args=(image.pk,)),
            {
                "title": "Geändert",
                "collection": image.collection_id,
                "tags": "",
                "description": "",
            },
        )
        # Wagtail's "permission denied": back to the dashboard with a message
        assert response.status_code == 302
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any("keinen Zugang" in m for m in messages), messages
        response = client.post(reverse("wagtailimages:delete", args=(image.pk,)))
        assert response.status_code in (302, 403)
        image.refresh_from_db()
        assert image.title == "Netzwerkbild Quartier"
        assert image.collection == reserved(NETWORK)

    @pytest.mark.parametrize("role", ["editor", "essen_editor"])
    def test_uploading_into_the_shared_collection_is_refused(self, users, login, role):
        from tests.files.conftest import png_upload

        response = login(getattr(users, role)).post(
            reverse("wagtailimages:add"),
            {"title": "Hochgeladen", "file": png_upload(), "collection": reserved(NETWORK).pk},
        )
        assert response.status_code in (200, 302, 403)
        # A municipality that may upload into one collection only gets no collection field:
        # its upload lands in its own collection.
        assert not get_image_model().objects.filter(collection=reserved(NETWORK)).exists()

    def test_the_coordination_office_edits_a_shared_image(self, users, login, gallery):
        image = gallery["network"]
        response = login(users.moderator).post(
            reverse("wagtailimages:edit", args=(image.pk,)),
            {
                "title": "Geändert",
                "collection": image.collection_id,
                "tags": "",
                "description": "",
                "focal_point_x": "",
                "focal_point_y": "",
                "focal_point_width": "",
                "focal_point_height": "",
            },
        )
        assert response.status_code == 302
        image.refresh_from_db()
        assert image.title == "Geändert"


# --- a municipality leaves the network ---------------------------------------------------------


@pytest.fixture
def essen_world(tree, users, django_user_model):
    """Essen's editor, a second Essen editor who also works for Redaktion, Essen's files and a
    sub-collection of them."""
    essen_collection = Collection.objects.get(name="Kommune Essen")
    group = municipality_group_of(tree.essen)
    both = make_user(django_user_model, "essen-redaktion", group, Group.objects.get(name=EDITORS))
    sub = essen_collection.add_child(name="Essen Fotos 2024")
    return {
        "group": group,
        "collection": essen_collection,
        "sub": sub,
        "both": both,
        "image": ImageFactory(title="Essener Bild", collection=essen_collection),
        "sub_image": ImageFactory(title="Essener Foto 2024", collection=sub),
        "document": DocumentFactory(title="Essener Bericht", collection=essen_collection),
    }


def state_of_municipalities():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "active": sorted(get_user_model().objects.filter(is_active=True).values_list("username")),
        "collections": sorted(Collection.objects.values_list("name", "path")),
        "files": sorted(get_image_model().objects.values_list("title", "collection_id"))
        + sorted(get_document_model().objects.values_list("title", "collection_id")),
    }


class TestMunicipalityDeleted:
    def assert_retired(self, world, users):
        group = world["group"]
        assert not Group.objects.filter(pk=group.pk).exists()
        assert not Group.objects.filter(name="Kommune Essen").exists()
        # accounts are kept (audit), those without another group deactivated
        essen = get_user_model().objects.get(pk=users.essen_editor.pk)
        assert not essen.is_active
        both = get_user_model().objects.get(pk=world["both"].pk)
        assert both.is_active
        assert list(both.groups.values_list("name", flat=True)) == [EDITORS]
        # files kept, moved with their collections into the archive
        archive = reserved(ARCHIVE)
        collection = Collection.objects.get(pk=world["collection"].pk)
        assert collection.get_parent() == archive
        assert Collection.objects.get(pk=world["sub"].pk).get_parent() == collection
        for key in ("image", "sub_image", "document"):
            obj = type(world[key]).objects.get(pk=world[key].pk)
            assert obj.collection.is_descendant_of(archive)
        assert all(not problems for problems in Collection.find_problems())
        # only the coordination office reaches them now
        policy = policy_registry.get_by_type(get_image_model())
        image = get_image_model().objects.get(pk=world["image"].pk)
        assert not policy.user_has_permission_for_instance(
            get_user_model().objects.get(pk=users.editor.pk), "choose", image
        )
        assert policy.user_has_permission_for_instance(
            get_user_model().objects.get(pk=users.moderator.pk), "delete", image
        )
        # Dortmund untouched
        assert Group.objects.filter(name="Kommune Dortmund").exists()
        assert get_user_model().objects.get(pk=users.dortmund_editor.pk).is_active
        # the audit log
        assert ModelLogEntry.objects.filter(action=MUNICIPALITY_RETIRED).count() == 1
        entry = ModelLogEntry.objects.get(action=ACCOUNT_DEACTIVATED)
        assert entry.object_id == str(users.essen_editor.pk)

    def test_deleting_the_german_page_in_the_admin(self, tree, users, login, essen_world):
        response = login(users.superuser).post(
            reverse("wagtailadmin_pages:delete", args=(tree.essen.pk,))
        )
        assert response.status_code == 302
        assert not type(tree.essen).objects.filter(pk=tree.essen.pk).exists()
        self.assert_retired(essen_world, users)
        log = ModelLogEntry.objects.get(action=MUNICIPALITY_RETIRED)
        assert log.user_id == users.superuser.pk
        assert log.data["deactivated"] == ["essen"]
        assert log.data["archived"] == ["Kommune Essen"]

    def test_deleting_the_page_above(self, tree, users, essen_world):
        """Both municipalities go with their parent page."""
        tree.profiles.delete()
        self.assert_retired_both(essen_world, users)

    def assert_retired_both(self, world, users):
        assert not Group.objects.filter(name__startswith="Kommune ").exists()
        assert {c.name for c in reserved(ARCHIVE).get_children()} == {
            "Kommune Essen",
            "Kommune Dortmund",
        }
        assert (
            not get_user_model()
            .objects.filter(
                pk__in=[users.essen_editor.pk, users.dortmund_editor.pk], is_active=True
            )
            .exists()
        )
        assert get_user_model().objects.filter(pk=world["both"].pk, is_active=True).exists()
        assert all(not problems for problems in Collection.find_problems())

    def test_deleting_only_the_english_translation_changes_nothing(self, tree, essen_world):
        before = state_of_municipalities()
        tree.essen_en.delete()
        assert state_of_municipalities() == before
        assert municipality_group_of(tree.essen) == essen_world["group"]

    def test_unpublishing_changes_nothing(self, tree, essen_world):
        before = state_of_municipalities()
        tree.essen.specific.unpublish()
        assert state_of_municipalities() == before

    def test_a_new_municipality_of_the_same_name_starts_afresh(self, tree, essen_world):
        from tests.profiles.factories import MunicipalityPageFactory

        tree.essen.delete()
        again = MunicipalityPageFactory(parent=tree.profiles, title="Essen", ags="05113000")
        group = municipality_group_of(again)
        assert group.name == "Kommune Essen"
        assert not group.user_set.exists()
        fresh = Collection.objects.get(name="Kommune Essen", depth=2)
        assert not get_image_model().objects.filter(collection=fresh).exists()
        assert all(not problems for problems in Collection.find_problems())


class TestDemo:
    def test_the_demo_illustrations_go_into_the_shared_collection(self, tree):
        from cms.demo.context import DemoContext

        context = DemoContext(write=lambda *args: None)
        image = context.ensure_image("quartier", "Demo Quartier", "Ein Quartier", 3)
        assert image.collection == reserved(NETWORK)
        # an illustration an older demo left in the root collection moves
        image.collection = Collection.get_first_root_node()
        image.save()
        again = DemoContext(write=lambda *args: None)
        assert again.ensure_image("quartier", "Demo Quartier", "", 3).pk == image.pk
        image.refresh_from_db()
        assert image.collection == reserved(NETWORK)
        assert again.ensure_image("quartier", "Demo Quartier", "", 3).pk == image.pk
        assert again.created == {"Image moved to the shared collection": 1}
