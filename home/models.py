"""The start page, general content pages, the accessibility statement and the open data page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

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
        "home.AccessibilityStatementPage",
        "home.OpenDataPage",
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
    subpage_types = ["home.ContentPage", "home.AccessibilityStatementPage", "home.OpenDataPage"]

    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class Conformance(models.TextChoices):
    """How far the site meets BITV 2.0 (EN 301 549, WCAG 2.1 level AA)."""

    FULL = "vollstaendig", _("fully compliant")
    PARTIAL = "teilweise", _("partially compliant")
    NONE = "nicht", _("not compliant")


class AccessibilityStatementPage(RoutablePageMixin, BasePage):
    """The Erklärung zur Barrierefreiheit (BITV 2.0 § 7, BITNRW-VO): conformance, known barriers
    (written by the coordination office plus the PDFs in use that fail the upload check),
    the last review, contact, a feedback form and the enforcement procedure of NRW. One page per
    language, linked from every page's footer (site settings)."""

    conformance = models.CharField(
        _("conformance status"),
        max_length=20,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    prepared_on = models.DateField(_("statement prepared on"))
    last_reviewed = models.DateField(
        _("last reviewed on"), help_text=_("Review the statement at least once a year.")
    )
    assessment = models.CharField(
        _("assessment method"),
        max_length=200,
        default="Selbstbewertung",
        help_text=_("E.g. “Selbstbewertung” or the name of the testing body."),
    )
    known_barriers = RichTextField(
        _("known barriers"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Contents that are not yet accessible, and why. PDFs that fail the upload check "
            "are listed below this text automatically."
        ),
    )
    feedback_intro = RichTextField(
        _("feedback"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the feedback form."),
    )
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "The ombudsman's office of North Rhine-Westphalia for accessible information "
            "technology, with its address."
        ),
    )

    content_panels = [
        *BasePage.content_panels[:1],
        MultiFieldPanel(
            [
                FieldPanel("conformance"),
                FieldPanel("prepared_on"),
                FieldPanel("last_reviewed"),
                FieldPanel("assessment"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("known_barriers"),
        FieldPanel("feedback_intro"),
        FieldPanel("enforcement"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("known_barriers"),
        index.SearchField("enforcement"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("conformance"),
        APIField("prepared_on"),
        APIField("last_reviewed"),
        APIField("assessment"),
        APIField("known_barriers"),
        APIField("enforcement"),
    ]
    override_translatable_fields = [
        SynchronizedField("conformance"),
        SynchronizedField("prepared_on"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types: list[str] = []
    template = "home/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """One statement per language."""
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=parent.locale_id).exists()
        )

    def get_context(self, request, *args, **kwargs):
        from cms.models import SiteSettings

        context = super().get_context(request, *args, **kwargs)
        context["office"] = SiteSettings.for_request(request)
        return context

    def barrier_documents(self):
        """PDFs that visitors can download and that fail the accessibility check."""
        from wagtail.documents import get_document_model

        from cms.files.visibility import publicly_visible
        from cms.models.documents import PdfAccessibility

        return publicly_visible(
            get_document_model().objects.filter(pdf_accessibility__in=PdfAccessibility.barriers())
        ).order_by("title")

    @path("")
    def statement(self, request):
        from .accessibility import handle_feedback

        return handle_feedback(self, request)

    @path("danke/", name="thanks")
    def thanks(self, request):
        return self.render(request, context_overrides={"thanks": True})


class OpenDataPage(BasePage):
    """Offene Daten: every dataset of :mod:`cms.opendata` with its formats, licence and columns,
    and the DCAT-AP.de catalogue for harvesters. One page per language, edited by the
    coordination office (only the introduction; the list comes from the dataset registry) and
    linked from every page's footer (site settings)."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "What the data is good for and whom to ask; the datasets are listed below it."
        ),
    )

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("intro"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("datasets")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types: list[str] = []
    template = "home/open_data_page.html"

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """One open data page per language."""
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=parent.locale_id).exists()
        )

    @property
    def language(self) -> str:
        from cms.localization import language_of_locale

        return language_of_locale(self.locale_id)

    @property
    def datasets(self) -> list[dict]:
        """The datasets with their download addresses in the page's language (no query)."""
        from django.utils import translation

        from cms.opendata import datasets
        from cms.opendata.registry import download_path

        language = self.language
        with translation.override(language):
            return [
                {
                    "slug": dataset.slug,
                    "title": str(dataset.title),
                    "description": str(dataset.description),
                    "formats": [
                        {
                            "format": fmt.label,
                            "media_type": fmt.media_type,
                            "url": download_path(dataset.slug, fmt.extension, language),
                        }
                        for fmt in dataset.formats
                    ],
                    "columns": [
                        {"name": column.name, "description": str(column.description)}
                        for column in dataset.columns
                        if dataset.row is not None
                    ],
                    "filters": list(dataset.filter_params),
                }
                for dataset in datasets()
            ]

    def get_context(self, request, *args, **kwargs):
        from cms.models import SiteSettings
        from cms.opendata.registry import catalogue_path

        context = super().get_context(request, *args, **kwargs)
        context["site_settings"] = SiteSettings.for_request(request)
        context["catalogue_urls"] = [
            ("Turtle", catalogue_path("ttl")),
            ("JSON-LD", catalogue_path("jsonld")),
        ]
        return context


class AccessibilityFeedback(models.Model):
    """A visitor's message about a barrier, sent through the statement's form."""

    statement = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("accessibility statement"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("For the answer and the confirmation.")
    )
    page_url = models.CharField(
        _("page concerned"),
        max_length=500,
        blank=True,
        help_text=_("The address of the page or document with the barrier, if you know it."),
    )
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, editable=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} – {self.name or self.email or '–'}"
