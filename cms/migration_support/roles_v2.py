"""The reserved collections as ``cms/0010_shared_collections`` created them: frozen, never edit.

A copy of the part of ``cms/roles.py`` that creates the network's shared collection and the
archive (``ReservedCollection``) and grants the core groups their permissions there, as it was
when that migration was written, on top of ``roles_v1``. Only migrations use this module; they
pass their historical ``apps``.
"""

from .roles_v1 import (
    EDITORS,
    MODERATORS,
    Models,
    create_permissions_now,
    ensure_child_collection,
    ensure_group,
    grant_collection_permissions,
)

NETWORK = "network"
ARCHIVE = "archive"
NETWORK_COLLECTION = "Netzwerk: gemeinsame Bilder und Dokumente"
ARCHIVE_COLLECTION = "Netzwerk: Archiv ehemaliger Kommunen"
# Created in this order, after the municipalities' collections ("Kommune …"): Wagtail keeps the
# children of a collection sorted by name, and treebeard's sorted insert (a new "Kommune …"
# collection) fails on children that are out of order. Both names sort after "Kommune".
RESERVED_COLLECTION_NAMES = {ARCHIVE: ARCHIVE_COLLECTION, NETWORK: NETWORK_COLLECTION}

SHARED_FILES_MANAGE_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)
SHARED_FILES_CHOOSE_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")


def ensure_reserved_collections(apps) -> dict:
    """The network's shared collection and the archive, by purpose (created if missing)."""
    m = Models(apps)
    ReservedCollection = apps.get_model("cms", "ReservedCollection")
    collections = {}
    for purpose, name in RESERVED_COLLECTION_NAMES.items():
        reserved = ReservedCollection.objects.filter(purpose=purpose).first()
        if reserved is None:
            collection = ensure_child_collection(m, name)
            reserved = ReservedCollection.objects.create(
                purpose=purpose, collection_id=collection.pk
            )
        collections[purpose] = m.Collection.objects.get(pk=reserved.collection_id)
    return collections


def ensure_shared_collections(apps) -> dict:
    """The reserved collections with the core groups' permissions on them: the coordination
    office manages both, "Redaktion" chooses from the network's collection only."""
    m = Models(apps)
    create_permissions_now(apps)
    collections = ensure_reserved_collections(apps)
    moderators = ensure_group(m, MODERATORS)
    editors = ensure_group(m, EDITORS)
    for collection in collections.values():
        grant_collection_permissions(m, moderators, collection, SHARED_FILES_MANAGE_PERMISSIONS)
    grant_collection_permissions(m, editors, collections[NETWORK], SHARED_FILES_CHOOSE_PERMISSIONS)
    return collections
