"""Collections with a fixed purpose: the network's shared files and the archive.

Wagtail hands a permission granted on a collection down to every collection below it. Editors
("Redaktion") upload into and choose from the root collection, so without an exception they
would also upload into the network's shared collection and see the archive. A *reserved*
collection is that exception: permissions granted above it stop at its border, only the
permissions granted on the reserved collection itself (or below it) count inside it
(``cms.files.policy``). Which permissions each group holds there is ``cms.roles``'s business.

The purpose is stored here rather than read from the collection's name, so the coordination
office may rename the collections without opening them to everyone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReservedCollection(models.Model):
    NETWORK = "network"
    ARCHIVE = "archive"
    PURPOSES = [
        (NETWORK, _("Shared images and documents of the network")),
        (ARCHIVE, _("Archive of former member municipalities")),
    ]

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="reserved",
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=PURPOSES, unique=True)

    class Meta:
        verbose_name = _("reserved collection")
        verbose_name_plural = _("reserved collections")

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.collection}"
