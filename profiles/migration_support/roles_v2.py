"""Municipality groups choosing from the network's shared collection, as
``profiles/0008_municipalities_choose_shared_files`` granted it: frozen, never edit.

On top of ``cms.migration_support.roles_v2`` (the reserved collections) and ``roles_v1`` (how a
municipality's group is found). Only migrations use this module; they pass their historical
``apps``.
"""

from cms.migration_support.roles_v1 import Models, grant_collection_permissions
from cms.migration_support.roles_v2 import (
    NETWORK,
    SHARED_FILES_CHOOSE_PERMISSIONS,
    ensure_shared_collections,
)

from .roles_v1 import municipality_group_of


def municipality_groups(apps) -> list:
    """The groups of all municipality pages in the database (one per municipality)."""
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    groups, seen = [], set()
    for page in MunicipalityPage.objects.order_by("pk"):
        group = municipality_group_of(page, apps)
        if group is not None and group.pk not in seen:
            seen.add(group.pk)
            groups.append(group)
    return groups


def grant_shared_collection(apps) -> None:
    m = Models(apps)
    network = ensure_shared_collections(apps)[NETWORK]
    for group in municipality_groups(apps):
        grant_collection_permissions(m, group, network, SHARED_FILES_CHOOSE_PERMISSIONS)
