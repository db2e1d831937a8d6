"""Files are content (cms.files): "Redaktion" keeps uploading and choosing images and
documents, and edits its own uploads until a live page uses them; editing everyone's files
("change") is the coordination office's, so that permission is withdrawn from the group.

Runs frozen copies (cms.migration_support), not the live cms.roles."""

from django.db import migrations

from cms.migration_support.files_v1 import WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS
from cms.migration_support.files_v1 import withdraw_collection_permissions as withdraw
from cms.migration_support.roles_v1 import EDITORS, Models


def withdraw_change_permissions(apps, schema_editor):
    m = Models(apps)
    for group in m.Group.objects.filter(name=EDITORS):
        withdraw(m, group, WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_editorial_roles")]

    # Rolling back does not hand the permission out again: that is an administrator's decision.
    operations = [migrations.RunPython(withdraw_change_permissions, migrations.RunPython.noop)]
