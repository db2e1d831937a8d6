"""The start page and general content pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, ContentStreamBlock, PageTeaserBlock
from cms.fields import StreamField
from cms.models import BasePage, Topic
from cms.querysets import visible
from events.models import EventIndexPage, NewsIndexPage
from events.queries import latest_news, next_events
from profiles.models import DistrictProfileIndexPage
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
    subpage_types = [
        "home.ContentPage",
        "profiles.DistrictProfileIndexPage",
        "events.NewsIndexPage",
        "events.EventIndexPage",
        "knowledge.KnowledgeIndexPage",
    ]
    # Further languages are translations (wagtail-localize), which this limit does not block.
    max_count = 1

    template = "home/home_page.html"

    class Meta:
        verbose_name = _("start page")
        verbose_name_plural = _("start pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = {
            page.specific_class: page
            for page in visible(Page.objects.child_of(self)).type(
                DistrictProfileIndexPage, NewsIndexPage, EventIndexPage
            )
        }
        context["topics"] = Topic.objects.all()
        context["news_index"] = sections.get(NewsIndexPage)
        context["event_index"] = sections.get(EventIndexPage)
        context["news"] = latest_news(self.locale_id) if context["news_index"] else []
        context["events"] = next_events(self.locale_id) if context["event_index"] else []
        profiles_index = sections.get(DistrictProfileIndexPage)
        context["profiles"] = (
            profile_summary(self.locale_id, profiles_index) if profiles_index else None
        )
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
    api_fields = [*BasePage.api_fields, APIField("body", writable=True)]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
