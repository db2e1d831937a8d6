"""Every municipality's group chooses images and documents from the network's shared
collection (created by ``cms/0010_shared_collections``); only the coordination office changes
them.

Runs frozen copies (cms.migration_support, profiles.migration_support), not the live roles."""

from django.db import migrations

from profiles.migration_support.roles_v2 import grant_shared_collection


def grant(apps, schema_editor):
    grant_shared_collection(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0007_review_reminders"),
        ("cms", "0010_shared_collections"),
    ]

    # Rolling back leaves the permission: taking it away is an administrator's decision.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
