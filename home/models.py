"""The start page, general content pages, the accessibility statement, the open data page and
the pages in Leichte Sprache and Deutsche Gebärdensprache."""

import mimetypes

from django.core.exceptions import ValidationError
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
from cms.models import BasePage
from cms.models.topics import topic_vocabulary
from cms.querysets import visible
from cms.serializers import DocumentField, ImageField
from cms.statements import remembered
from events.models import EVENTS_LISTING, EventIndexPage, EventPage, NewsIndexPage, NewsPage
from profiles.models import PROFILES, DistrictProfileIndexPage

from . import accessibility
from .blocks import EasyLanguageStreamBlock


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
        *BasePage.title_panels,
        FieldPanel("intro"),
        FieldPanel("featured"),
        *BasePage.teaser_panels,
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
        "home.EasyLanguagePage",
        "home.SignLanguagePage",
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
            for page in remembered(  # its statement compiled once (``cms.statements``)
                ("start page sections", self.path),
                lambda: visible(Page.objects.child_of(self)).type(
                    DistrictProfileIndexPage, NewsIndexPage, EventIndexPage
                ),
            )
        }
        context["topics"] = topic_vocabulary().values()  # cached, in German order
        context["news_index"] = sections.get(NewsIndexPage)
        context["event_index"] = sections.get(EventIndexPage)
        context["news"] = NewsPage.objects.newest(self.locale_id) if context["news_index"] else []
        context["events"] = (
            EventPage.objects.soonest(EVENTS_LISTING, self.locale_id)
            if context["event_index"]
            else []
        )
        profiles_index = sections.get(DistrictProfileIndexPage)
        context["profiles"] = (
            PROFILES.summary(self.locale_id, profiles_index) if profiles_index else None
        )
        return context


class ContentPage(BasePage):
    """A general page of text, e.g. "Zielsetzung" or "Kontakt & Beratung".

    Edited by the coordination office; appears in the main navigation when "show in menus" is set.
    """

    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *BasePage.title_panels,
        FieldPanel("body"),
        *BasePage.teaser_panels,
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
        *BasePage.title_panels,
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
        *BasePage.teaser_panels,
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
        return accessibility.handle_feedback(self, request, AccessibilityFeedback)

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
        *BasePage.title_panels,
        FieldPanel("intro"),
        *BasePage.teaser_panels,
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


class EasyLanguagePage(BasePage):
    """A page in Leichte Sprache (easy-to-read German, rules of the Netzwerk Leichte Sprache):
    sections of short sentences, one per line, with a picture beside them, and a glossary.

    Edited by the coordination office and Redaktion. The section starts with the page
    "Leichte Sprache" under the start page (what the site holds, how to use it, the
    accessibility statement), which every page's header links to (site settings); its
    subpages are listed on it and in the section menu. German only by nature: the English
    site links to the German pages.
    """

    body = StreamField(EasyLanguageStreamBlock(), verbose_name=_("content"), blank=True)
    checked_by = models.CharField(
        _("checked by"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who of the target group checked the text (Prüfgruppe), e.g. “Büro für Leichte "
            "Sprache Essen”. Leave empty if nobody has checked it yet."
        ),
    )

    content_panels = [
        *BasePage.title_panels,
        FieldPanel("body"),
        FieldPanel("checked_by"),
        *BasePage.teaser_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body"), APIField("checked_by")]

    parent_page_types = ["home.HomePage", "home.EasyLanguagePage"]
    subpage_types = ["home.EasyLanguagePage"]
    template = "home/easy_language_page.html"

    class Meta:
        verbose_name = _("page in Leichte Sprache")
        verbose_name_plural = _("pages in Leichte Sprache")


VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


class SignLanguagePage(BasePage):
    """Information in Deutsche Gebärdensprache (DGS, BITV 2.0 § 4): a video served by this
    website (a document chosen by the editor, no third-party player), German captions as a
    WebVTT track, and the same content in writing.

    Edited by the coordination office and Redaktion; linked from every page's header (site
    settings). Without a video the page says that the video is in preparation and shows the
    written content.
    """

    video = models.ForeignKey(
        "cms.CMSDocument",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The video in German Sign Language as an MP4 or WebM file, uploaded under "
            "Documents. It is played by this website, without any other service."
        ),
    )
    captions = models.ForeignKey(
        "cms.CMSDocument",
        verbose_name=_("captions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("German captions of the video as a WebVTT file (.vtt)."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("preview image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video starts."),
    )
    transcript = RichTextField(
        _("written content"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the video says, in writing."),
    )

    content_panels = [
        *BasePage.title_panels,
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions"), FieldPanel("poster")],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
        *BasePage.teaser_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("transcript")]
    api_fields = [
        *BasePage.api_fields,
        APIField("video", serializer=DocumentField()),
        APIField("captions", serializer=DocumentField()),
        APIField("poster", serializer=ImageField()),
        APIField("transcript"),
    ]

    parent_page_types = ["home.HomePage", "home.SignLanguagePage"]
    subpage_types = ["home.SignLanguagePage"]
    template = "home/sign_language_page.html"

    class Meta:
        verbose_name = _("page in German Sign Language")
        verbose_name_plural = _("pages in German Sign Language")

    def clean(self):
        super().clean()
        errors = {}
        if self.video and self.video.file_extension not in VIDEO_EXTENSIONS:
            errors["video"] = _("Please choose a video file (MP4 or WebM).")
        if self.captions and self.captions.file_extension not in CAPTION_EXTENSIONS:
            errors["captions"] = _("Please choose a WebVTT file (.vtt).")
        elif self.captions and not self.video:
            errors["captions"] = _("Captions need a video.")
        if errors:
            raise ValidationError(errors)

    @property
    def video_type(self) -> str:
        """The video's MIME type for ``<source type>`` (from its file ending)."""
        if not self.video:
            return ""
        return mimetypes.guess_type(self.video.file.name)[0] or ""
