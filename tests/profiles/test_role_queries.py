"""Query budget of the group a new municipality gets (``profiles.roles.ensure_municipality_group``,
run by the post_save signal whenever a MunicipalityPage is created). Pinned: each permission
is no longer looked up and granted with queries of its own, and the reserved collections and
the core groups' grants cost a fixed few queries, however many permissions the rules list."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest

from profiles import signals
from profiles.roles import ensure_municipality_group, municipality_group_of

from .factories import MunicipalityPageFactory

pytestmark = pytest.mark.django_db

# Queries of ensure_municipality_group; before the permissions were loaded and granted in bulk:
# 107 and 108 for a new municipality, 64 for an existing one. Most of a new one's are Wagtail's
# (the group, treebeard inserting its collection sorted by name).
NEW_MUNICIPALITY_QUERIES = [32, 33]  # the first municipality, a later one
EXISTING_MUNICIPALITY_QUERIES = 11


def role_rows():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group__name", "permission__codename")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        "collections": sorted(Collection.objects.values_list("path", "name", "numchild")),
    }


def test_queries_for_a_new_and_for_an_existing_municipality(profile_index, monkeypatch):
    counted = []

    def counting(page):
        with CaptureQueriesContext(connection) as queries:
            group = ensure_municipality_group(page)
        counted.append(len(queries))
        return group

    monkeypatch.setattr(signals, "ensure_municipality_group", counting)
    essen = MunicipalityPageFactory(parent=profile_index, title="Essen")
    MunicipalityPageFactory(parent=profile_index, title="Dortmund")
    assert counted == NEW_MUNICIPALITY_QUERIES

    group = municipality_group_of(essen)
    assert group.name == "Kommune Essen"
    before = role_rows()
    with CaptureQueriesContext(connection) as queries:
        assert ensure_municipality_group(essen) == group
    assert len(queries) == EXISTING_MUNICIPALITY_QUERIES
    assert role_rows() == before


def test_the_grants_are_created_again_exactly_as_the_migrations_made_them(essen):
    """The bulk grants write the same rows the migrations (frozen copies, a row at a time) and
    the earlier rules wrote: take every grant away and run the live rules again."""
    from cms.roles import EDITORS, MODERATORS, ensure_core_groups
    from profiles.roles import ensure_municipality_groups

    before = role_rows()
    ours = Group.objects.filter(name__in=[MODERATORS, EDITORS, "Kommune Essen"])
    assert ours.count() == 3
    Group.permissions.through.objects.filter(group__in=ours).delete()
    GroupPagePermission.objects.filter(group__in=ours).delete()
    GroupCollectionPermission.objects.filter(group__in=ours).delete()
    ensure_core_groups()
    # without its grants the group is no longer found: a new one of the same name is made
    Group.objects.filter(name="Kommune Essen").delete()
    ensure_municipality_groups()
    after = role_rows()
    assert after == {**before, "collections": after["collections"]}
    ensure_core_groups()
    ensure_municipality_groups()
    assert role_rows() == after
