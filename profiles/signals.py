"""Give every new member municipality its editor group (see ``profiles.roles``)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import MunicipalityPage
from .roles import ensure_municipality_group


@receiver(post_save, sender=MunicipalityPage)
def municipality_page_created(sender, instance, created, raw=False, **kwargs):
    """Only on creation (a German page, a translation of it, a copy); fixtures loaded raw and
    pages inserted in bulk (``generate_content``) send no signal or are skipped here."""
    if created and not raw:
        ensure_municipality_group(instance)
