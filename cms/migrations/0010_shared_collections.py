"""The network's shared collection and the archive (cms.models.collections): created, with
the coordination office managing both and "Redaktion" choosing from the shared collection.
Municipality groups get theirs in ``profiles/0008``.

Runs a frozen copy (cms.migration_support.roles_v2), not the live cms.roles."""

import django.db.models.deletion
from django.db import migrations, models

from cms.migration_support.roles_v2 import ensure_shared_collections


def create_shared_collections(apps, schema_editor):
    ensure_shared_collections(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0009_document_language'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReservedCollection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(choices=[('network', 'Shared images and documents of the network'), ('archive', 'Archive of former member municipalities')], max_length=20, unique=True, verbose_name='purpose')),
                ('collection', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reserved', to='wagtailcore.collection', verbose_name='collection')),
            ],
            options={
                'verbose_name': 'reserved collection',
                'verbose_name_plural': 'reserved collections',
            },
        ),
        # Rolling back drops the table; the collections and their files stay.
        migrations.RunPython(create_shared_collections, migrations.RunPython.noop),
    ]
