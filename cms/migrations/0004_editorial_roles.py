"""The editorial roles and the approval workflow (see cms.roles): groups "Koordinierungsstelle"
and "Redaktion" with their permissions, and the workflow "Freigabe Koordinierungsstelle" on the
whole page tree.

Runs the frozen copy of the rules of that time (cms.migration_support.roles_v1), not the live
cms.roles: later edits to the roles must not change what this migration did."""

from django.db import migrations

from cms.migration_support.roles_v1 import ensure_approval_workflow, ensure_core_groups


def create_roles(apps, schema_editor):
    ensure_core_groups(apps)
    ensure_approval_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_cmsdocument"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    # Removing the roles would take away people's access; rolling back leaves them in place.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
