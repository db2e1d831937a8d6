"""Site-wide settings and the footer text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details of the coordination office and the links every page's footer shows.

    Language-neutral; pages chosen here are shown in the visitor's language when translated.
    The footer's free text is translated, so it lives in the ``FooterText`` snippet.
    """

    office_name = models.CharField(
        _("coordination office"),
        max_length=200,
        default="Kommunale Koordinierungsstelle, Stadt Essen",
    )
    office_address = models.TextField(_("address"), blank=True)
    advisor_name = models.CharField(
        _("technical advice"), max_length=200, blank=True, help_text=_("E.g. “empirica ag”.")
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    description = models.TextField(
        _("description of the site (German)"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences search engines and link previews show for pages without "
            "their own description or teaser."
        ),
    )
    description_en = models.TextField(
        _("description of the site (English)"),
        max_length=300,
        blank=True,
        help_text=_("The same for the English pages."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for link previews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without a teaser image is shared; landscape format, with a "
            "description for screen readers."
        ),
    )

    # The header links to these pages (BITV 2.0 § 4); German pages, shown in the visitor's
    # language where translated.
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The first page in Leichte Sprache; every page's header links to it."),
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("German Sign Language"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The first page in German Sign Language (DGS); every page's header links to it."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldPanel("advisor_name"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Coordination office"),
        ),
        MultiFieldPanel(
            [
                # Named by string: cms imports no content app.
                PageChooserPanel("easy_language_page", page_type="home.EasyLanguagePage"),
                PageChooserPanel("sign_language_page", page_type="home.SignLanguagePage"),
            ],
            heading=_("Header links"),
        ),
        InlinePanel(
            "footer_links",
            heading=_("Footer links"),
            label=_("Link"),
            help_text=_(
                "Pages every page's footer links to, in this order (contact, imprint, privacy, "
                "accessibility statement, open data …). Shown in the visitor's language."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("description"), FieldPanel("description_en"), FieldPanel("share_image")],
            heading=_("Search engines and link previews"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def description_for(self, language: str) -> str:
        """The site-wide description in ``language`` ("" if there is none)."""
        return {"de": self.description, "en": self.description_en}.get(language, "")


class FooterLink(Orderable):
    """One link of the footer: a page, shown in the visitor's language if translated."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="footer_links",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")


class FooterText(TranslatableMixin, models.Model):
    """The short text in every page's footer, one per language (translated like pages)."""

    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text ({language})")).format(language=self.locale.get_display_name())
