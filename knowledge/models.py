"""The knowledge library: workshop series with their workshops, and publications."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from stdnum import isbn as isbn_numbers
from stdnum.exceptions import ValidationError as NumberError

from cms.blocks import (
    RICH_TEXT_FEATURES,
    ContactPersonBlock,
    ContentStreamBlock,
    DownloadItemBlock,
)
from cms.fields import StreamField
from cms.models import BasePage, ListingEntry, ListingEntryTopic, OverviewPage
from cms.parents import ParentPageKey

from . import citations, views
from .enums import ContributorRole, PublicationKind
from .forms import WorkshopPageForm
from .queries import Library

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


class KnowledgeIndexPage(RoutablePageMixin, OverviewPage):
    """Wissen & Publikationen: workshop documentation and publications, filterable by kind,
    topic, year and series. Edited by the coordination office (introduction only)."""

    subpage_types = ["knowledge.WorkshopSeriesPage", "knowledge.PublicationPage"]
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge library")
        verbose_name_plural = _("knowledge libraries")

    @path("")
    def index_view(self, request):
        return views.library(self, request, LIBRARY)


class WorkshopSeriesPage(BasePage):
    """A series of workshops (Werkstattreihe) with its final documentation. Edited by the
    coordination office; its workshops are its children, shown in date order."""

    period_start = models.DateField(_("from"), help_text=_("When the series began."))
    period_end = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty while the series continues.")
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    documented_by = models.CharField(
        _("documented by"),
        max_length=200,
        blank=True,
        help_text=_("The office that documented the workshops, e.g. “Büro STADTRAUMKONZEPT”."),
    )
    description = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)
    final_documentation = models.ForeignKey(
        "knowledge.PublicationPage",
        verbose_name=_("final documentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication that documents the whole series, if there is one."),
    )

    content_panels = [
        *BasePage.title_panels,
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("documented_by")]),
        FieldPanel("description"),
        FieldPanel("final_documentation"),
        *BasePage.teaser_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.SearchField("documented_by"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("period_start"),
        APIField("period_end"),
        APIField("organiser"),
        APIField("documented_by"),
        APIField("description"),
        APIField("final_documentation"),
    ]
    search_result_type = "workshop"
    search_date_field = "period_start"

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.WorkshopPage"]
    template = "knowledge/workshop_series_page.html"

    class Meta:
        verbose_name = _("workshop series")
        verbose_name_plural = _("workshop series")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {
                    "period_end": ValidationError(
                        _("The series cannot end before it starts."), code="end_before_start"
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = LIBRARY.workshops_of(self)
        context["final_documentation"] = LIBRARY.final_documentation_of(self)
        return context


class WorkshopPage(RoutablePageMixin, BasePage):
    """One workshop (Werkstatt) of a series: when, where, on what, and its documentation.
    Edited by the coordination office; listed in its series and in the library."""

    date = models.DateField(_("date"))
    host_city = models.CharField(_("host city"), max_length=100)
    theme = models.CharField(
        _("theme"),
        max_length=255,
        help_text=_("The workshop's subject in one line, e.g. “Lokale Ökonomie im Quartier”."),
    )
    summary = RichTextField(_("summary"), features=RICH_TEXT_FEATURES, blank=True)
    results = StreamField(ContentStreamBlock(), verbose_name=_("results"), blank=True)
    documentation = StreamField(
        [("document", DownloadItemBlock(label=_("Document")))],
        verbose_name=_("documentation"),
        blank=True,
        help_text=_("Presentations, minutes and photo documentation of the workshop."),
    )
    contact = StreamField(
        [("contact", ContactPersonBlock())], verbose_name=_("contact"), blank=True, max_num=3
    )
    # The series the workshop belongs to (its parent page), kept from the tree for the library
    # (``cms.parents``).
    parent_series = ParentPageKey(
        "knowledge.WorkshopSeriesPage", verbose_name=_("workshop series")
    )

    content_panels = [
        *BasePage.title_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("host_city")]),
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("results"),
        FieldPanel("documentation"),
        FieldPanel("contact"),
        *BasePage.teaser_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme"),
        index.SearchField("host_city"),
        index.SearchField("summary"),
        index.SearchField("results"),
        index.SearchField("document_text"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("host_city"),
        APIField("theme"),
        APIField("summary"),
        APIField("results"),
        APIField("documentation"),
        APIField("contact"),
    ]
    listing_fields = (
        *BasePage.listing_fields,
        "teaser",
        "teaser_image_id",
        "date",
        "host_city",
        "theme",
        "translation_key",
    )
    override_translatable_fields = [SynchronizedField("host_city")]
    search_result_type = "workshop"
    search_date_field = "date"

    parent_page_types = ["knowledge.WorkshopSeriesPage"]
    subpage_types = []
    template = "knowledge/workshop_page.html"
    base_form_class = WorkshopPageForm

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def clean(self):
        super().clean()
        # Only once in the tree: new pages are checked by WorkshopPageForm.
        if self.path and (error := self.date_error(self.get_parent().specific)):
            raise ValidationError({"date": error})

    def date_error(self, series) -> ValidationError | None:
        """An error if the workshop's date lies outside its series' period."""
        if not isinstance(series, WorkshopSeriesPage) or not self.date:
            return None
        if series.period_start <= self.date and (
            series.period_end is None or self.date <= series.period_end
        ):
            return None
        return ValidationError(
            _("The workshop date lies outside the series' period (%(start)s to %(end)s)."),
            code="outside_series",
            params={
                "start": series.period_start.strftime("%d.%m.%Y"),
                "end": series.period_end.strftime("%d.%m.%Y") if series.period_end else "…",
            },
        )

    def document_text(self) -> str:
        """The text inside the documentation files, so a phrase from a PDF finds this page."""
        return "\n".join(
            block.value["document"].extracted_text
            for block in self.documentation
            if block.value["document"] is not None
        )


class PublicationPage(RoutablePageMixin, BasePage):
    """A publication with its download and citation data. Edited by the coordination office;
    listed in the library, found by phrases inside its PDF, citable as BibTeX and RIS."""

    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=PublicationKind.choices,
        default=PublicationKind.DOCUMENTATION,
    )
    publication_date = models.DateField(_("publication date"))
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    place = models.CharField(_("place of publication"), max_length=100, blank=True)
    publication_series = models.CharField(
        _("publication series"),
        max_length=255,
        blank=True,
        help_text=_("Name of a publication series (Schriftenreihe), if any."),
    )
    workshop_series = models.ForeignKey(
        "knowledge.WorkshopSeriesPage",
        verbose_name=_("workshop series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text=_("The workshop series this publication documents, if any."),
    )
    isbn = models.CharField(
        _("ISBN"), max_length=20, blank=True, help_text=_("ISBN-10 or ISBN-13; checked.")
    )
    doi = models.CharField(_("DOI"), max_length=255, blank=True, help_text=_("E.g. 10.1234/abcd"))
    pages = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    language = models.CharField(
        _("language of the publication"),
        max_length=10,
        default="de",
        choices=[("de", _("German")), ("en", _("English")), ("multi", _("several languages"))],
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The title page, shown in the library and on the publication's page."),
    )
    summary = RichTextField(_("summary"), features=RICH_TEXT_FEATURES, blank=True)
    main_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("download"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication itself, usually a PDF; its text is found by the search."),
    )
    further_downloads = StreamField(
        [("document", DownloadItemBlock(label=_("Document")))],
        verbose_name=_("further downloads"),
        blank=True,
    )

    content_panels = [
        *BasePage.title_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
        FieldPanel("summary"),
        FieldPanel("main_document"),
        FieldPanel("cover_image"),
        InlinePanel("contributors", heading=_("Authors and editors"), label=_("Person")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("publication_series"), FieldPanel("workshop_series")]),
                FieldRowPanel([FieldPanel("isbn"), FieldPanel("doi")]),
                FieldRowPanel([FieldPanel("pages"), FieldPanel("language")]),
            ],
            heading=_("Bibliographic data"),
        ),
        FieldPanel("further_downloads"),
        *BasePage.teaser_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.SearchField("contributor_names"),
        index.SearchField("document_text"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("publication_date"),
        APIField("publisher"),
        APIField("place"),
        APIField("publication_series"),
        APIField("workshop_series"),
        APIField("isbn"),
        APIField("doi"),
        APIField("pages"),
        APIField("language"),
        APIField("summary"),
        APIField("main_document"),
        APIField("further_downloads"),
        APIField("contributors"),
    ]
    listing_fields = (
        *BasePage.listing_fields,
        "teaser",
        "teaser_image_id",
        "kind",
        "publication_date",
        "publisher",
        "workshop_series_id",
        "main_document_id",
        "translation_key",
    )
    search_result_type = "publication"
    search_date_field = "publication_date"
    override_translatable_fields = [
        SynchronizedField("isbn"),
        SynchronizedField("doi"),
        SynchronizedField("publisher"),
        SynchronizedField("place"),
        SynchronizedField("publication_series"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/publication_page.html"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @path("citation.bib/", name="bibtex")
    def bibtex_view(self, request):
        return citations.citation_response(self, request, "bibtex")

    @path("citation.ris/", name="ris")
    def ris_view(self, request):
        return citations.citation_response(self, request, "ris")

    def clean(self):
        super().clean()
        errors = {}
        if self.isbn:
            try:
                self.isbn = isbn_numbers.format(isbn_numbers.validate(self.isbn))
            except NumberError:
                errors["isbn"] = ValidationError(
                    _("“%(isbn)s” is not a valid ISBN (check the digits and the checksum)."),
                    code="invalid_isbn",
                    params={"isbn": self.isbn},
                )
        if self.doi:
            self.doi = self.doi.strip().removeprefix("https://doi.org/").removeprefix("doi:")
            if not DOI_PATTERN.match(self.doi):
                errors["doi"] = ValidationError(
                    _("A DOI looks like 10.1234/abcd."), code="invalid_doi"
                )
        if errors:
            raise ValidationError(errors)

    def contributor_names(self) -> str:
        return " ".join(person.name for person in self.contributors.all())

    def documents(self):
        documents = [self.main_document] if self.main_document else []
        documents += [
            block.value["document"]
            for block in self.further_downloads
            if block.value["document"] is not None
        ]
        return documents

    def document_text(self) -> str:
        """The text inside the publication's files, so a phrase from the PDF finds this page."""
        return "\n".join(document.extracted_text for document in self.documents())


class PublicationContributor(Orderable):
    """An author or editor of a publication, in the order of the title page."""

    publication = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="contributors"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("A person (“Meyer, Margarete”) or an organisation.")
    )
    role = models.CharField(
        _("role"), max_length=10, choices=ContributorRole.choices, default=ContributorRole.AUTHOR
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]
    api_fields = [APIField("name"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("author or editor")
        verbose_name_plural = _("authors and editors")

    def __str__(self):
        return self.name


class LibraryEntry(ListingEntry):
    """A visible item of the library as a stored row (``cms.listing.stored``): the columns
    of ``Library.items`` that the library's filters read."""

    kind = models.CharField(max_length=20)
    item_date = models.DateField()
    series_key = models.UUIDField(null=True)

    class Meta:
        verbose_name = _("library entry")
        indexes = [
            models.Index(fields=["locale", "-item_date", "-page"], name="library_entry_idx")
        ]


LibraryEntryTopic = ListingEntryTopic.for_entries(
    LibraryEntry, "library", _("topic of a library entry")
)


# The library's page types, handed to the modules that list them (which do not import models).
LIBRARY = Library(
    WorkshopSeriesPage, PublicationPage, WorkshopPage, LibraryEntry, LibraryEntryTopic
)
