"""Files are content (cms.files): a municipality's group keeps uploading into its collection
and choosing files, and edits its own uploads until a live page uses them; editing everyone's
files ("change") is the coordination office's, so that permission is withdrawn."""

from django.db import migrations

from cms.roles import WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS, Models
from cms.roles import withdraw_collection_permissions as withdraw
from profiles.roles import municipality_groups


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
