"""Municipality groups as ``profiles/0003_municipality_groups`` created them: frozen, never
edit.

A copy of ``profiles/roles.py`` as it was when that migration was written (commit fc63cb4), on
top of ``cms.migration_support.roles_v1``. Only migrations use this module; they pass their
historical ``apps``.
"""

from cms.migration_support.roles_v1 import (
    MUNICIPALITY_COLLECTION_PERMISSIONS,
    MUNICIPALITY_GROUP_PREFIX,
    MUNICIPALITY_MODEL_PERMISSIONS,
    MUNICIPALITY_PAGE_PERMISSIONS,
    Models,
    create_permissions_now,
    ensure_child_collection,
    ensure_group,
    grant_collection_permissions,
    grant_page_permissions,
)


def municipality_group_of(page, apps):
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


def ensure_municipality_group(page, apps):
    """The group and collection of the municipality ``page``, with edit rights on the page and
    its translations. Idempotent: finds what exists and adds only what is missing."""
    m = Models(apps)
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    pages = list(
        MunicipalityPage.objects.filter(translation_key=page.translation_key).order_by("pk")
    )
    source = pages[0]  # the original; translations are copies made later
    group = municipality_group_of(page, apps)
    if group is None:
        group = ensure_group(m, _free_group_name(m, source), MUNICIPALITY_MODEL_PERMISSIONS)
    else:
        ensure_group(m, group.name, MUNICIPALITY_MODEL_PERMISSIONS)
    for each in pages:
        grant_page_permissions(m, group, each, MUNICIPALITY_PAGE_PERMISSIONS)

    collection = (
        m.Collection.objects.filter(group_permissions__group=group).order_by("path").first()
    )
    if collection is None:
        collection = ensure_child_collection(m, group.name)
    grant_collection_permissions(m, group, collection, MUNICIPALITY_COLLECTION_PERMISSIONS)
    return group


def ensure_municipality_groups(apps) -> list:
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
