"""The groups, permissions and workflow the data migrations create (cms.roles, profiles.roles)."""

import ast
import importlib
from pathlib import Path

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

import pytest

from cms import roles
from cms.roles import (
    APPROVAL_TASK_NAME,
    EDITORS,
    MODERATORS,
    WORKFLOW_NAME,
    ensure_approval_workflow,
    ensure_core_groups,
)
from profiles.roles import (
    ensure_municipality_group,
    ensure_municipality_groups,
    municipality_group_of,
)

pytestmark = pytest.mark.django_db

ROLE_TABLES = [
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    Collection,
    Workflow,
    GroupApprovalTask,
    WorkflowPage,
]


def snapshot():
    """Everything the role functions write, with every permission of every group."""
    return {
        "counts": {model.__name__: model.objects.count() for model in ROLE_TABLES},
        "group_permissions": {
            group.name: sorted(group.permissions.values_list("codename", flat=True))
            for group in Group.objects.all()
        },
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
    }


def page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )


def collection_permissions(group):
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__content_type__app_label", "permission__codename"
        )
    )


class TestCoreGroups:
    def test_migrations_created_both_groups_with_admin_access(self):
        for name in (MODERATORS, EDITORS):
            group = Group.objects.get(name=name)
            assert group.permissions.filter(codename="access_admin").exists()

    def test_moderators_publish_everywhere(self):
        group = Group.objects.get(name=MODERATORS)
        root = Page.get_first_root_node()
        assert page_permissions(group) == {
            (root.pk, codename)
            for codename in (
                "add_page",
                "change_page",
                "publish_page",
                "bulk_delete_page",
                "lock_page",
                "unlock_page",
            )
        }

    def test_moderators_maintain_topics_snippets_settings_and_municipal_users(self):
        codenames = set(
            Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True)
        )
        assert {
            "add_topic",
            "change_topic",
            "delete_topic",
            "change_contactperson",
            "change_footertext",
            "change_sitesettings",
            "add_searchpromotion",
            "add_redirect",
            "add_user",
            "change_user",
        } <= codenames
        # Groups stay with the administrators: whoever edits groups can give any right.
        assert not {"add_group", "change_group"} & codenames

    def test_moderators_manage_all_media_and_collections(self):
        permissions = collection_permissions(Group.objects.get(name=MODERATORS))
        for app_label, codename in [
            ("wagtailimages", "delete_image"),
            ("wagtaildocs", "delete_document"),
            ("wagtailcore", "add_collection"),
        ]:
            assert ("Root", app_label, codename) in permissions

    def test_editors_draft_everywhere_but_do_not_publish(self):
        group = Group.objects.get(name=EDITORS)
        root = Page.get_first_root_node()
        assert page_permissions(group) == {(root.pk, "add_page"), (root.pk, "change_page")}
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert not {"add_topic", "change_topic", "change_contactperson", "add_user"} & codenames

    def test_editors_upload_to_the_shared_collection(self):
        permissions = collection_permissions(Group.objects.get(name=EDITORS))
        assert ("Root", "wagtailimages", "add_image") in permissions
        assert ("Root", "wagtaildocs", "choose_document") in permissions
        assert ("Root", "wagtailimages", "delete_image") not in permissions
        # own uploads only: editing everyone's files is the coordination office's (cms.files)
        assert ("Root", "wagtaildocs", "change_document") not in permissions
        assert ("Root", "wagtailimages", "change_image") not in permissions


class TestApprovalWorkflow:
    def test_one_workflow_with_the_coordination_office_as_approvers_on_the_whole_tree(self):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        assert workflow.active
        tasks = [task.specific for task in workflow.tasks]
        assert [task.name for task in tasks] == [APPROVAL_TASK_NAME]
        assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]
        root = Page.get_first_root_node()
        assert WorkflowPage.objects.get(page=root).workflow == workflow

    def test_wagtails_default_workflow_is_replaced_and_deactivated(self):
        assert not Workflow.objects.get(name="Moderators approval").active
        assert WorkflowPage.objects.count() == 1

    def test_every_page_gets_the_workflow(self, tree):
        for page in (tree.home, tree.katernberg, tree.news, tree.essen_en):
            assert page.get_workflow().name == WORKFLOW_NAME


class TestMunicipalityGroups:
    def test_a_new_municipality_gets_its_group_and_collection(self, tree):
        group = Group.objects.get(name="Kommune Essen")
        assert page_permissions(group) == {
            (tree.essen.pk, "add_page"),
            (tree.essen.pk, "change_page"),
            (tree.essen_en.pk, "add_page"),
            (tree.essen_en.pk, "change_page"),
        }
        collection = Collection.objects.get(name="Kommune Essen")
        assert collection.get_parent() == Collection.get_first_root_node()
        assert collection_permissions(group) == {
            ("Kommune Essen", app_label, codename)
            for app_label, codename in [
                ("wagtailimages", "add_image"),
                ("wagtailimages", "choose_image"),
                ("wagtaildocs", "add_document"),
                ("wagtaildocs", "choose_document"),
            ]
        } | {
            (roles.NETWORK_COLLECTION, "wagtailimages", "choose_image"),
            (roles.NETWORK_COLLECTION, "wagtaildocs", "choose_document"),
        }
        assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]

    def test_the_translation_shares_the_german_pages_group(self, tree):
        assert not Group.objects.filter(name__startswith="Kommune Essen ").exists()
        assert Group.objects.filter(name__startswith="Kommune ").count() == 2
        assert Collection.objects.filter(name__startswith="Kommune ").count() == 2

    def test_the_group_is_found_again_after_a_rename(self, tree):
        tree.essen.title = "Essen (Ruhr)"
        tree.essen.save()
        assert ensure_municipality_group(tree.essen).name == "Kommune Essen"

    def test_two_municipalities_of_the_same_name_get_separate_groups(self, tree):
        from tests.profiles.factories import MunicipalityPageFactory

        other = MunicipalityPageFactory(
            parent=tree.profiles, title="Essen", slug="essen-2", ags="05113999"
        )
        group = ensure_municipality_group(other)
        assert group.name == "Kommune Essen (05113999)"
        assert page_permissions(group) == {(other.pk, "add_page"), (other.pk, "change_page")}

    def test_no_group_for_other_page_types(self, tree):
        assert not Group.objects.filter(name__contains="Katernberg").exists()
        assert not Group.objects.filter(name__contains="Stadtteilprofile").exists()


class TestIdempotence:
    def test_running_the_role_functions_again_changes_nothing(self, tree):
        before = snapshot()
        ensure_core_groups()
        ensure_approval_workflow()
        ensure_municipality_groups()
        ensure_municipality_groups()
        assert snapshot() == before

    def test_the_functions_work_on_the_migration_state_too(self, tree):
        """The data migrations call them with historical models; a second run through that
        state (as after a re-applied migration) changes nothing either."""
        before = snapshot()
        executor = MigrationExecutor(connection)
        state = executor.loader.project_state(executor.loader.graph.leaf_nodes())
        historical = state.apps
        assert historical is not global_apps
        ensure_core_groups(historical)
        ensure_approval_workflow(historical)
        ensure_municipality_groups(historical)
        assert snapshot() == before

    def test_the_migration_creates_missing_groups_and_a_valid_collection_tree(self, tree):
        """Municipality pages that existed before the migration get their group and collection
        from it, with treebeard paths computed by hand (historical models)."""
        Group.objects.filter(name="Kommune Dortmund").delete()
        Collection.objects.get(name="Kommune Dortmund").delete()
        loader = MigrationExecutor(connection).loader
        state = loader.project_state(loader.graph.leaf_nodes())
        ensure_municipality_groups(state.apps)

        group = Group.objects.get(name="Kommune Dortmund")
        assert page_permissions(group) == {
            (tree.dortmund.pk, "add_page"),
            (tree.dortmund.pk, "change_page"),
        }
        collection = Collection.objects.get(name="Kommune Dortmund")
        assert collection.get_parent() == Collection.get_first_root_node()
        assert all(not problems for problems in Collection.find_problems())
        assert ("Kommune Dortmund", "wagtaildocs", "add_document") in collection_permissions(group)

    def test_permissions_added_by_hand_survive(self, tree):
        from django.contrib.auth.models import Permission

        editors = Group.objects.get(name=EDITORS)
        extra = Permission.objects.get(codename="change_contactperson")
        editors.permissions.add(extra)
        ensure_core_groups()
        assert editors.permissions.filter(pk=extra.pk).exists()


def model_permissions(group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def dotted_collection_permissions(group) -> set[tuple[str, str]]:
    return {
        (name, f"{app_label}.{codename}")
        for name, app_label, codename in collection_permissions(group)
    }


class TestMigratedFromScratch:
    """The test database is built by running every migration on an empty database. The data
    migrations run frozen copies of the rules of their time (cms.migration_support,
    profiles.migration_support); the result must be exactly what cms/roles.py declares today,
    all and not more."""

    @pytest.mark.parametrize(
        ("name", "model", "pages", "files"),
        [
            (
                MODERATORS,
                roles.MODERATOR_MODEL_PERMISSIONS,
                roles.MODERATOR_PAGE_PERMISSIONS,
                {
                    "Root": roles.MODERATOR_COLLECTION_PERMISSIONS,
                    roles.NETWORK_COLLECTION: roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS,
                    roles.ARCHIVE_COLLECTION: roles.MODERATOR_RESERVED_COLLECTION_PERMISSIONS,
                },
            ),
            (
                EDITORS,
                roles.EDITOR_MODEL_PERMISSIONS,
                roles.EDITOR_PAGE_PERMISSIONS,
                {
                    "Root": roles.EDITOR_COLLECTION_PERMISSIONS,
                    roles.NETWORK_COLLECTION: roles.EDITOR_NETWORK_COLLECTION_PERMISSIONS,
                },
            ),
        ],
    )
    def test_each_core_group_has_exactly_the_declared_permissions(self, name, model, pages, files):
        group = Group.objects.get(name=name)
        root = Page.get_first_root_node()
        assert model_permissions(group) == set(model)
        assert page_permissions(group) == {(root.pk, codename) for codename in pages}
        assert dotted_collection_permissions(group) == {
            (collection, dotted) for collection, granted in files.items() for dotted in granted
        }

    def test_running_the_live_rules_again_adds_nothing(self):
        before = snapshot()
        ensure_core_groups()
        ensure_approval_workflow()
        assert snapshot() == before

    def test_the_migrations_give_an_existing_municipality_exactly_todays_rules(self, tree):
        """A municipality page that existed before ``profiles/0003`` gets its group from the
        frozen rules of that time, ``profiles/0005`` then withdraws what was since taken
        away: the same group as the live rules give a new municipality."""
        Group.objects.filter(name="Kommune Dortmund").delete()
        Collection.objects.get(name="Kommune Dortmund").delete()
        executor = MigrationExecutor(connection)
        for app_label, name in [
            ("profiles", "0003_municipality_groups"),
            ("profiles", "0005_files_municipalities_edit_own_uploads"),
            ("profiles", "0008_municipalities_choose_shared_files"),
        ]:
            state = executor.loader.project_state([(app_label, name)])
            module = importlib.import_module(f"{app_label}.migrations.{name}")
            function = module.Migration.operations[0].code
            function(state.apps, connection.schema_editor())

        migrated = Group.objects.get(name="Kommune Dortmund")
        live = municipality_group_of(tree.essen)
        assert model_permissions(migrated) == model_permissions(live)
        assert model_permissions(live) == set(roles.MUNICIPALITY_MODEL_PERMISSIONS)
        assert {codename for __, codename in page_permissions(migrated)} == set(
            roles.MUNICIPALITY_PAGE_PERMISSIONS
        )
        shared = {
            (roles.NETWORK_COLLECTION, dotted)
            for dotted in roles.MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS
        }
        assert dotted_collection_permissions(migrated) == shared | {
            ("Kommune Dortmund", dotted) for dotted in roles.MUNICIPALITY_COLLECTION_PERMISSIONS
        }
        assert dotted_collection_permissions(live) == shared | {
            ("Kommune Essen", dotted) for dotted in roles.MUNICIPALITY_COLLECTION_PERMISSIONS
        }

    def test_data_migrations_import_no_live_code_of_ours(self):
        """Later edits to roles.py (or any other module) must not change what an old migration
        did: data migrations import only frozen code (``*.migration_support``)."""
        ours = ("cms", "home", "profiles", "knowledge", "events", "search")
        offenders = []
        for app_label in ours:
            for path in sorted(Path(settings.BASE_DIR, app_label, "migrations").glob("0*.py")):
                tree = ast.parse(path.read_text())
                if not any(
                    isinstance(node, ast.Attribute) and node.attr == "RunPython"
                    for node in ast.walk(tree)
                ):
                    continue
                for node in ast.walk(tree):
                    names = []
                    if isinstance(node, ast.ImportFrom) and node.module:
                        names = [node.module]
                    elif isinstance(node, ast.Import):
                        names = [alias.name for alias in node.names]
                    for name in names:
                        top, __, rest = name.partition(".")
                        if top in ours and not rest.startswith("migration_support"):
                            offenders.append(f"{app_label}/{path.name}: {name}")
        assert not offenders


class TestDemoUsers:
    def test_demo_logins_for_every_role(self, tree, capsys):
        call_command("ensure_dev_users")
        output = capsys.readouterr().out
        for login in ("koordination", "redaktion", "essen", "dortmund"):
            assert login in output
        from django.contrib.auth import get_user_model

        User = get_user_model()
        assert User.objects.get(username="essen").groups.get().name == "Kommune Essen"
        assert User.objects.get(username="koordination").groups.get().name == MODERATORS
        assert not User.objects.get(username="koordination").is_superuser
        call_command("ensure_dev_users")  # a second run keeps them
        assert User.objects.filter(username="redaktion").count() == 1

    @override_settings(DEV_SUPERUSER_ALLOWED=False)
    def test_demo_logins_are_refused_outside_development(self, tree):
        with pytest.raises(CommandError):
            call_command("ensure_dev_users")
