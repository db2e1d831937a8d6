"""One editor group per member municipality ("Kommune Essen", …).

A municipality's staff maintain their own municipality page and its district profiles, and
nothing else: the group may add and edit pages in exactly that subtree (in every language, since
a translation is the same municipality), upload and choose images and documents in its own
collection, and submit for approval; the coordination office publishes and assigns the users.

The group is found again through its page permissions (not its name), so renaming the page or
the group keeps the link; it is created when the German municipality page is created (signal in
``profiles.signals``) and, for pages that existed before, by migration
``profiles/0003_municipality_groups`` (which runs a frozen copy of this module,
``profiles.migration_support.roles_v1``). It also chooses images and documents from the
network's shared collection (``cms.roles.NETWORK_COLLECTION``; ``profiles/0008`` for groups that
existed before), where only the coordination office changes anything.

When a municipality leaves the network (documented choice, see README "Rollen und Rechte"):

* **Deleting** its German page (in the admin, the API or the shell; on its own or with the
  page above it) retires the municipality (:func:`retire_municipality`): the users of its
  group who belong to no other group are deactivated, never deleted (their names stay on
  revisions, comments and the audit log, and an administrator can reactivate them); its
  collection moves, files and all, into the archive collection "Netzwerk: Archiv ehemaliger
  Kommunen", which only the coordination office sees (files are never deleted: a page
  elsewhere may still use them); the group is deleted. Each step is written to the audit log.
* Deleting only a **translation** (the English page) changes nothing: the German page is the
  municipality.
* **Unpublishing** ("archiving") the page keeps group, users and collection: the municipality
  may return, and its editors may keep preparing drafts. The coordination office deactivates
  accounts by hand if it wants to (Einstellungen → Benutzer).
"""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group

from wagtail.log_actions import log
from wagtail.models import Collection

from cms.models import ReservedCollection
from cms.roles import (
    ARCHIVE,
    MODERATORS,
    MUNICIPALITY_COLLECTION_PERMISSIONS,
    MUNICIPALITY_GROUP_PREFIX,
    MUNICIPALITY_MODEL_PERMISSIONS,
    MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS,
    MUNICIPALITY_PAGE_PERMISSIONS,
    NETWORK,
    SHARED_COLLECTION_PERMISSIONS,
    Models,
    create_permissions_now,
    ensure_child_collection,
    ensure_group,
    ensure_shared_collections,
    grant_permissions,
    permissions,
    shared_collections,
)

MUNICIPALITY_RETIRED = "profiles.municipality_retired"
ACCOUNT_DEACTIVATED = "profiles.account_deactivated"


def municipality_group_of(page, apps=global_apps):
    """The group of the municipality ``page`` (or of any of its translations), if it has one."""
    m = Models(apps)
    return (
        m.Group.objects.filter(
            name__startswith=MUNICIPALITY_GROUP_PREFIX,
            page_permissions__page__translation_key=page.translation_key,
        )
        .order_by("pk")
        .first()
    )


def _free_group_name(m: Models, source) -> str:
    """ "Kommune <title>", unless another municipality's group already has that name (two
    municipalities of the same name): then the AGS tells them apart."""
    for name in (
        f"{MUNICIPALITY_GROUP_PREFIX}{source.title}",
        f"{MUNICIPALITY_GROUP_PREFIX}{source.title} ({source.ags})",
        f"{MUNICIPALITY_GROUP_PREFIX}{source.title} ({source.pk})",
    ):
        taken = m.GroupPagePermission.objects.filter(group__name=name).exclude(
            page__translation_key=source.translation_key
        )
        if not taken.exists():
            return name[:150]
    raise ValueError(f"No free group name for {source.title}")


def ensure_municipality_group(page, apps=global_apps):
    """The group and collection of the municipality ``page``, with edit rights on the page and
    its translations. Idempotent: finds what exists and adds only what is missing. A fixed
    number of queries (``tests/profiles/test_role_queries.py``): the permissions are loaded
    once, the grants of each kind checked and created together."""
    m = Models(apps)
    create_permissions_now(apps)  # nothing to do in the live registry
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    permissions(
        m,
        [
            *MUNICIPALITY_MODEL_PERMISSIONS,
            *(f"wagtailcore.{codename}" for codename in MUNICIPALITY_PAGE_PERMISSIONS),
            *MUNICIPALITY_COLLECTION_PERMISSIONS,
            *SHARED_COLLECTION_PERMISSIONS,
        ],
    )
    pages = list(
        MunicipalityPage.objects.filter(translation_key=page.translation_key).order_by("pk")
    )
    source = pages[0]  # the original; translations are copies made later
    group = municipality_group_of(page, apps)
    if group is None:
        group = ensure_group(m, _free_group_name(m, source), MUNICIPALITY_MODEL_PERMISSIONS)
    else:
        ensure_group(m, group.name, MUNICIPALITY_MODEL_PERMISSIONS)
    grant_permissions(
        m,
        m.GroupPagePermission,
        "page",
        [
            (group, each, f"wagtailcore.{codename}")
            for each in pages
            for codename in MUNICIPALITY_PAGE_PERMISSIONS
        ],
    )

    shared = shared_collections(m)
    collection = (
        m.Collection.objects.filter(group_permissions__group=group)
        .exclude(pk__in=[each.pk for each in shared.values()])
        .order_by("path")
        .first()
    )
    if collection is None:
        collection = ensure_child_collection(m, group.name)
    grant_permissions(
        m,
        m.GroupCollectionPermission,
        "collection",
        [(group, collection, dotted) for dotted in MUNICIPALITY_COLLECTION_PERMISSIONS]
        + [
            (group, shared[NETWORK], dotted)
            for dotted in MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS
        ],
    )
    return group


def own_collections(group) -> list:
    """The collections that belong to the municipality ``group`` alone: those it holds
    permissions on, apart from the root, the reserved collections and collections another
    group (other than the coordination office) holds permissions on."""
    others = Group.objects.exclude(pk=group.pk).exclude(name=MODERATORS)
    return list(
        Collection.objects.filter(group_permissions__group=group, depth__gt=1)
        .exclude(pk__in=ReservedCollection.objects.values("collection_id"))
        .exclude(group_permissions__group__in=others)
        .distinct()
        .order_by("path")
    )


def retire_municipality(group, user=None) -> dict:
    """A municipality left the network: deactivate the group's users who belong to no other
    group, move its collections (with their files) into the archive, delete the group. Logged in
    the audit log. Live models only (treebeard moves the collections). Returns what it did."""
    archive = ensure_shared_collections()[ARCHIVE]
    deactivated = []
    for member in group.user_set.filter(is_active=True, is_superuser=False).order_by("pk"):
        if member.groups.exclude(pk=group.pk).exists():
            continue
        member.is_active = False
        member.save(update_fields=["is_active"])
        deactivated.append(member.get_username())
        log(member, ACCOUNT_DEACTIVATED, user=user, data={"group": group.name})
    archived = []
    for collection in own_collections(group):
        collection = Collection.objects.get(pk=collection.pk)  # paths change with each move
        if not collection.is_descendant_of(archive):
            collection.move(archive, pos="sorted-child")
            archived.append(collection.name)
    done = {"group": group.name, "deactivated": deactivated, "archived": archived}
    log(group, MUNICIPALITY_RETIRED, user=user, data=done)
    group.delete()
    return done


def ensure_municipality_groups(apps=global_apps) -> list:
    """Groups for every municipality page in the database (one per municipality, not per
    language)."""
    create_permissions_now(apps)
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    groups, seen = [], set()
    for page in MunicipalityPage.objects.order_by("pk"):
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            groups.append(ensure_municipality_group(page, apps))
    return groups


def municipality_groups(apps=global_apps) -> list:
    """The groups of all municipality pages in the database (one per municipality)."""
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    groups, seen = [], set()
    for page in MunicipalityPage.objects.order_by("pk"):
        group = municipality_group_of(page, apps)
        if group is not None and group.pk not in seen:
            seen.add(group.pk)
            groups.append(group)
    return groups
