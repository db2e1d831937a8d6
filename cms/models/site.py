"""Site-wide settings and the footer text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin


class DataLicence(models.TextChoices):
    """Licences of the DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/)."""

    DL_BY = (
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
        _("Data licence Germany – attribution – version 2.0"),
    )
    DL_ZERO = (
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
        _("Data licence Germany – zero – version 2.0"),
    )
    CC_BY = (
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
        _("Creative Commons Attribution 4.0 International (CC BY 4.0)"),
    )
    CC_ZERO = "http://dcat-ap.de/def/licenses/cc-zero", _("Creative Commons Zero (CC0 1.0)")


LICENCE_TEXTS = {
    DataLicence.DL_BY: "https://www.govdata.de/dl-de/by-2-0",
    DataLicence.DL_ZERO: "https://www.govdata.de/dl-de/zero-2-0",
    DataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    DataLicence.CC_ZERO: "https://creativecommons.org/publicdomain/zero/1.0/",
}


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
    data_publisher = models.CharField(
        _("publisher of the open data"),
        max_length=200,
        default="AG Soziale Stadt NRW",
        blank=True,
        help_text=_("Named as publisher in the data catalogue (DCAT-AP.de)."),
    )
    data_publisher_url = models.URLField(
        _("website of the publisher"),
        blank=True,
        help_text=_("Leave empty to use this site's address."),
    )
    data_licence = models.CharField(
        _("licence of the open data"),
        max_length=100,
        choices=DataLicence.choices,
        default=DataLicence.DL_BY,
        blank=True,
    )
    data_attribution = models.CharField(
        _("attribution text"),
        max_length=200,
        default="AG Soziale Stadt NRW",
        blank=True,
        help_text=_("How users of the data name the source (required by attribution licences)."),
    )
    data_contributor_id = models.URLField(
        _("GovData contributor ID"),
        blank=True,
        help_text=_(
            "The contributor URI GovData assigns to a data provider "
            "(http://dcat-ap.de/def/contributors/…); needed before the catalogue is harvested."
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
        MultiFieldPanel(
            [
                FieldPanel("data_publisher"),
                FieldPanel("data_publisher_url"),
                FieldPanel("data_licence"),
                FieldPanel("data_attribution"),
                FieldPanel("data_contributor_id"),
            ],
            heading=_("Open data"),
            help_text=_(
                "Publisher and licence of the datasets; the contact point is the coordination "
                "office above."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    # Empty fields (e.g. settings saved before these fields existed) mean the defaults.
    @property
    def open_data_licence(self) -> str:
        """The licence's URI in the DCAT-AP.de vocabulary."""
        return self.data_licence or DataLicence.DL_BY

    @property
    def open_data_publisher(self) -> str:
        return self.data_publisher or "AG Soziale Stadt NRW"

    @property
    def open_data_attribution(self) -> str:
        return self.data_attribution or self.open_data_publisher

    @property
    def data_licence_label(self) -> str:
        return DataLicence(self.open_data_licence).label

    @property
    def data_licence_text(self) -> str:
        """The licence's own text (for people; the catalogue uses the vocabulary URI)."""
        return LICENCE_TEXTS.get(self.open_data_licence, self.open_data_licence)

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
