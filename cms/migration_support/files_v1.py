"""What ``cms/0005_files_editors_edit_own_uploads`` and ``profiles/0005_…`` withdrew: frozen,
never edit.

A copy of ``cms/roles.py`` of the commit that added those migrations (af55ff0): editors and
municipalities lost the permission to edit everyone's images and documents, since a file that a
live page uses is published content (``cms.files``).
"""

# Granted to editors and municipalities by roles_v1; withdrawn by the migrations.
WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.change_image",
    "wagtaildocs.change_document",
)


def withdraw_collection_permissions(m, group, dotted_names) -> int:
    """Take collection permissions away from ``group`` (on every collection); the number taken.

    ``m`` is a ``roles_v1.Models`` of the migration's ``apps``.
    """
    removed = 0
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        removed += m.GroupCollectionPermission.objects.filter(
            group=group,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()[0]
    return removed
