"""The start page and general content pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, ContentStreamBlock, PageTeaserBlock
from cms.models import BasePage, Topic
from profiles.queries import profile_summary


class HomePage(BasePage):
    """The start page, one per language (the English one is a translation of the German one).

    Edited by the coordination office. Shows the introduction, featured teasers, the topics,
    and (filled by the content areas) the latest news, the next events and the profile map.
    """

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who the network is and what visitors find here, in a few sentences."),
    )
    featured = StreamField(
        [("teaser", PageTeaserBlock())],
        verbose_name=_("featured pages"),
        blank=True,
        max_num=6,
        help_text=_("Up to six pages shown as teasers below the introduction."),
    )

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("intro"),
        FieldPanel("featured"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("featured")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ContentPage", "profiles.DistrictProfileIndexPage"]
    # Further languages are translations (wagtail-localize), which this limit does not block.
    max_count = 1

    template = "home/home_page.html"

    class Meta:
        verbose_name = _("start page")
        verbose_name_plural = _("start pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = Topic.objects.all()
        context["profiles"] = profile_summary(self.locale)
        return context


class ContentPage(BasePage):
    """A general page of text, e.g. "Zielsetzung" or "Kontakt & Beratung".

    Edited by the coordination office; appears in the main navigation when "show in menus" is set.
    """

    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("body"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
