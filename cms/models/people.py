"""Contact persons (Ansprechpersonen) shown on profiles, workshops and contact pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A person or office visitors can contact.

    Edited by the coordination office as a snippet and chosen on pages. Name, phone, e-mail and
    portrait are the same in every language; role and organisation are translated.
    """

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("E.g. “Quartiersmanagement”.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading=_("Contact")
        ),
        FieldPanel("image"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.SearchField("role"),
        index.FilterField("locale"),
    ]

    override_translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("image"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def phone_href(self) -> str:
        """The phone number as a ``tel:`` link ("0228 914 89-65" → "tel:+492289148965")."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+49" + digits[1:]
        return f"tel:{digits}" if digits else ""
