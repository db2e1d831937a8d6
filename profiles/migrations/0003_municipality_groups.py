"""An editor group and a collection for every municipality page that already exists (new ones
get theirs when they are created, see profiles.signals).

Runs the frozen copy of the rules of that time (profiles.migration_support.roles_v1), not the
live profiles.roles."""

from django.db import migrations

from profiles.migration_support.roles_v1 import ensure_municipality_groups


def create_groups(apps, schema_editor):
    ensure_municipality_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0002_districtprofilepage_last_reviewed"),
        ("cms", "0004_editorial_roles"),
    ]

    # Rolling back keeps the groups: deleting them would take away people's access.
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
