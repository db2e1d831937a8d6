"""The footer's links become an editable list (``FooterLink``) instead of three fixed page
fields. The pages chosen in those fields (contact, imprint, privacy) become the first links, in
that order; going back restores the first three links into the fields."""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

OLD_FIELDS = ("contact_page", "imprint_page", "privacy_page")


def fields_to_links(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    FooterLink = apps.get_model("cms", "FooterLink")
    for site_settings in SiteSettings.objects.all():
        page_ids = [getattr(site_settings, f"{name}_id") for name in OLD_FIELDS]
        for order, page_id in enumerate(page_id for page_id in page_ids if page_id):
            FooterLink.objects.create(settings=site_settings, page_id=page_id, sort_order=order)


def links_to_fields(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    FooterLink = apps.get_model("cms", "FooterLink")
    for site_settings in SiteSettings.objects.all():
        links = FooterLink.objects.filter(settings=site_settings).order_by("sort_order")
        for name, link in zip(OLD_FIELDS, links, strict=False):
            setattr(site_settings, f"{name}_id", link.page_id)
        site_settings.save()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_files_editors_edit_own_uploads"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FooterLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="footer_links",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
                (
                    "settings",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="footer_links",
                        to="cms.sitesettings",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer link",
                "verbose_name_plural": "footer links",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(fields_to_links, links_to_fields),
        migrations.RemoveField(model_name="sitesettings", name="contact_page"),
        migrations.RemoveField(model_name="sitesettings", name="imprint_page"),
        migrations.RemoveField(model_name="sitesettings", name="privacy_page"),
    ]
