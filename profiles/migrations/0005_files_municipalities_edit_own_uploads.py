"""Files are content (cms.files): a municipality's group keeps uploading into its collection
and choosing files, and edits its own uploads until a live page uses them; editing everyone's
files ("change") is the coordination office's, so that permission is withdrawn.

Runs frozen copies (cms.migration_support, profiles.migration_support), not the live roles."""

from django.db import migrations

from cms.migration_support.files_v1 import WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS
from cms.migration_support.files_v1 import withdraw_collection_permissions as withdraw
from cms.migration_support.roles_v1 import Models
from profiles.migration_support.roles_v1 import municipality_group_of


def municipality_groups(apps) -> list:
    """The groups of all municipality pages in the database (one per municipality); frozen copy
    of profiles.roles.municipality_groups as of this migration."""
    MunicipalityPage = apps.get_model("profiles", "MunicipalityPage")
    groups, seen = [], set()
    for page in MunicipalityPage.objects.order_by("pk"):
        group = municipality_group_of(page, apps)
        if group is not None and group.pk not in seen:
            seen.add(group.pk)
            groups.append(group)
    return groups


def withdraw_change_permissions(apps, schema_editor):
    m = Models(apps)
    for group in municipality_groups(apps):
        withdraw(m, group, WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0004_editor_help_texts"),
        ("cms", "0005_files_editors_edit_own_uploads"),
    ]

    # Rolling back does not hand the permission out again: that is an administrator's decision.
    operations = [migrations.RunPython(withdraw_change_permissions, migrations.RunPython.noop)]
