"""The migrations that take "edit everyone's files" away from editors and municipalities."""

import importlib

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission

import pytest

from cms.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

MIGRATIONS = [
    "cms.migrations.0005_files_editors_edit_own_uploads",
    "profiles.migrations.0005_files_municipalities_edit_own_uploads",
]


def grant(group, collection, codename):
    permission = Permission.objects.get(codename=codename)
    GroupCollectionPermission.objects.get_or_create(
        group=group, collection=collection, permission=permission
    )


def codenames(group) -> set[str]:
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_migrations_withdraw_change_from_editors_and_municipalities_only(world):
    root = Collection.get_first_root_node()
    editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
    essen = Group.objects.get(name="Kommune Essen")
    for group, collection in ((editors, root), (essen, Collection.objects.get(name=essen.name))):
        grant(group, collection, "change_document")
        grant(group, collection, "change_image")
    for name in MIGRATIONS:
        importlib.import_module(name).withdraw_change_permissions(global_apps, None)
    for group in (editors, essen):
        assert not {"change_document", "change_image"} & codenames(group)
        assert {"add_document", "choose_document", "add_image", "choose_image"} <= codenames(group)
    assert {"change_document", "delete_document", "change_image"} <= codenames(moderators)
