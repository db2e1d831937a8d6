"""Give every new member municipality its editor group, retire it when the municipality's page
is deleted (see ``profiles.roles``)."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Locale

from .models import MunicipalityPage
from .roles import ensure_municipality_group, municipality_group_of, retire_municipality


@receiver(post_save, sender=MunicipalityPage)
def municipality_page_created(sender, instance, created, raw=False, **kwargs):
    """Only on creation (a German page, a translation of it, a copy); fixtures loaded raw and
    pages inserted in bulk (``generate_content``) send no signal or are skipped here."""
    if created and not raw:
        ensure_municipality_group(instance)


@receiver(pre_delete, sender=MunicipalityPage)
def remember_municipality_group(sender, instance, **kwargs):
    """The group is found through its page permissions, which go with the page: look it up
    before."""
    group = municipality_group_of(instance)
    instance._municipality_group_id = group.pk if group is not None else None


@receiver(post_delete, sender=MunicipalityPage)
def municipality_page_deleted(sender, instance, **kwargs):
    """Retire the municipality once no page of it is left in the default language (German);
    deleting a translation only changes nothing. Runs in the deletion's transaction: a deletion
    rolled back keeps the group too."""
    group_id = getattr(instance, "_municipality_group_id", None)
    if group_id is None:
        return
    remaining = MunicipalityPage.objects.filter(
        translation_key=instance.translation_key, locale_id=Locale.get_default().pk
    )
    if remaining.exists():
        return
    group = Group.objects.filter(pk=group_id).first()
    if group is not None:
        retire_municipality(group)
