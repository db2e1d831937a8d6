"""District profiles (Stadtteilprofile): the index with map and facets, one page per member
municipality, and under it one profile per programme area."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import RICH_TEXT_FEATURES, MilestoneStreamBlock
from cms.fields import StreamField
from cms.geo import clean_area_geojson
from cms.models import BasePage, ListingEntry, ListingEntryTopic, LocationMixin, OverviewPage
from cms.parents import ParentPageKey
from cms.serializers import ImageField
from cms.sortkeys import SortKeyField

from . import views
from .blocks import ContactsStreamBlock, DownloadsStreamBlock, ProfileSectionBlock
from .enums import Programme, Regierungsbezirk, Status
from .queries import Profiles

FIRST_FUNDING_YEAR = 1990  # the earliest programme areas of the network date from the 1990s
PLANNING_HORIZON = 15  # funding may be planned this many years ahead


AGS_REGION_DIGIT = {
    "1": Regierungsbezirk.DUESSELDORF,
    "3": Regierungsbezirk.KOELN,
    "5": Regierungsbezirk.MUENSTER,
    "7": Regierungsbezirk.DETMOLD,
    "9": Regierungsbezirk.ARNSBERG,
}
AGS_PATTERN = re.compile(r"^05[13579]\d{5}$")


def current_year() -> int:
    return datetime.date.today().year


def validate_year(value: int) -> None:
    if not FIRST_FUNDING_YEAR <= value <= current_year() + PLANNING_HORIZON:
        raise ValidationError(
            _("Please enter a year between %(first)d and %(last)d."),
            code="implausible_year",
            params={"first": FIRST_FUNDING_YEAR, "last": current_year() + PLANNING_HORIZON},
        )


def validate_ags(value: str) -> None:
    if not AGS_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "The official municipality key (AGS) has 8 digits and starts with 05 for North "
                "Rhine-Westphalia, followed by the district digit 1, 3, 5, 7 or 9 "
                "(e.g. 05113000 for Essen)."
            ),
            code="invalid_ags",
        )


class DistrictProfileIndexPage(RoutablePageMixin, OverviewPage):
    """The district profiles: a map and a filterable list of all programme areas.

    Edited by the coordination office (introduction only); the list and the map come from the
    published profiles below it. Serves the map data at ``karte.geojson``.
    """

    subpage_types = ["profiles.MunicipalityPage"]
    template = "profiles/district_profile_index_page.html"

    class Meta:
        verbose_name = _("district profiles overview")
        verbose_name_plural = _("district profiles overviews")

    @path("")
    def index_view(self, request):
        return views.profile_index(self, request, PROFILES)

    @path("karte.geojson/", name="geojson")
    @path("map.geojson/", name="geojson-en")
    def geojson_view(self, request):
        """The profiles matching the URL's facets as GeoJSON (served without the trailing
        slash, see cms.views.serve_page_file)."""
        return views.profile_map(self, request, PROFILES)

    def geojson_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("geojson").rstrip("/")


class MunicipalityPage(LocationMixin, BasePage):
    """A member municipality with its programme areas (its own subtree, so its staff can later
    be given rights on exactly these pages). Edited by the coordination office and the
    municipality's staff; appears on the map and in the facets of the overview."""

    ags = models.CharField(
        _("official municipality key (AGS)"),
        max_length=8,
        validators=[validate_ags],
        help_text=_("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 05113000 for Essen."),
    )
    # The title's German sort key: the profiles overview sorts by municipality (``cms.sortkeys``).
    sort_title = SortKeyField(source="title")
    regierungsbezirk = models.CharField(
        _("administrative district"),
        max_length=20,
        choices=Regierungsbezirk.choices,
        help_text=_("Must match the AGS (its third digit)."),
    )
    website = models.URLField(_("website"), blank=True)
    portrait = RichTextField(
        _("short portrait"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A few sentences on the municipality and its work in the programme."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1994), MaxValueValidator(2100)],
        help_text=_("Year the municipality joined the network (founded in 1994)."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Name of the municipality")),
        FieldRowPanel([FieldPanel("ags"), FieldPanel("regierungsbezirk")]),
        FieldRowPanel([FieldPanel("website"), FieldPanel("member_since")]),
        FieldPanel("portrait"),
        *BasePage.teaser_panels,
    ]
    extra_tabs = [(_("Map"), LocationMixin.location_panels)]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("portrait"),
        index.FilterField("regierungsbezirk"),
        index.FilterField("ags"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("ags"),
        APIField("regierungsbezirk"),
        APIField("website"),
        APIField("portrait"),
        APIField("member_since"),
        *LocationMixin.location_api_fields,
    ]
    listing_fields = (*BasePage.listing_fields, "regierungsbezirk", "location")
    override_translatable_fields = [SynchronizedField("ags"), SynchronizedField("location")]
    search_result_type = "municipality"

    parent_page_types = ["profiles.DistrictProfileIndexPage"]
    subpage_types = ["profiles.DistrictProfilePage"]
    template = "profiles/municipality_page.html"

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def clean(self):
        super().clean()
        errors = self.location_errors()
        if self.ags and AGS_PATTERN.match(self.ags) and self.regierungsbezirk:
            expected = AGS_REGION_DIGIT[self.ags[2]]
            if expected != self.regierungsbezirk:
                errors["regierungsbezirk"] = ValidationError(
                    _(
                        "The AGS %(ags)s belongs to the administrative district %(expected)s, "
                        "not %(chosen)s."
                    ),
                    code="ags_region_mismatch",
                    params={
                        "ags": self.ags,
                        "expected": expected.label,
                        "chosen": Regierungsbezirk(self.regierungsbezirk).label,
                    },
                )
        if self.ags and self._ags_taken():
            errors["ags"] = ValidationError(
                _("Another municipality page already has the AGS %(ags)s."),
                code="duplicate_ags",
                params={"ags": self.ags},
            )
        if errors:
            raise ValidationError(errors)

    def _ags_taken(self) -> bool:
        others = MunicipalityPage.objects.filter(ags=self.ags, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = PROFILES.of_municipality(self)
        return context


class DistrictProfilePage(LocationMixin, BasePage):
    """One programme area (Programmgebiet) of a member municipality, with the seven sections of
    a district profile. Edited by the municipality's staff and the coordination office; shown
    on the map and in the list of the district profiles overview."""

    programme = models.CharField(
        _("funding programme"),
        max_length=30,
        choices=Programme.choices,
        default=Programme.SOZIALER_ZUSAMMENHALT,
        help_text=_("The urban development funding programme the area was admitted to."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.RUNNING,
        help_text=_("“Completed” once the funding has ended (then the end year is required)."),
    )
    funding_start = models.PositiveSmallIntegerField(
        _("funding since (year)"), validators=[validate_year]
    )
    funding_end = models.PositiveSmallIntegerField(
        _("funding until (year)"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("Required for completed areas; for running areas the planned end, if known."),
    )
    # The municipality the area belongs to (its parent page), kept from the tree for the lists
    # (``cms.parents``).
    parent_municipality = ParentPageKey(
        "profiles.MunicipalityPage", verbose_name=_("municipality")
    )
    # The title's German sort key, for the lists (``cms.sortkeys``).
    sort_title = SortKeyField(source="title")
    area_ha = models.DecimalField(
        _("area (ha)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    figures_year = models.PositiveSmallIntegerField(
        _("key figures as of (year)"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("The year the area and inhabitant figures refer to."),
    )
    location = models.CharField(
        _("location"),
        max_length=250,
        help_text=_(
            "Centre of the programme area: click on the map or enter latitude, longitude."
        ),
    )
    boundary = models.TextField(
        _("boundary (GeoJSON)"),
        blank=True,
        help_text=_(
            "Optional: the area's outline as a GeoJSON Polygon or MultiPolygon (longitude, "
            "latitude), e.g. drawn with a GIS and exported as GeoJSON."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo of the area shown at the top of the profile."),
    )
    character = StreamField(
        ProfileSectionBlock(),
        verbose_name=_("character and initial situation"),
        blank=True,
        help_text=_(
            "Location, history and building structure of the area, and the problems that led "
            "to its admission to the programme."
        ),
    )
    potentials = StreamField(
        ProfileSectionBlock(),
        verbose_name=_("potentials and approaches"),
        blank=True,
        help_text=_("The area's strengths and the approaches of the integrated action plan."),
    )
    organisation = StreamField(
        ProfileSectionBlock(),
        verbose_name=_("organisation and local partners"),
        blank=True,
        help_text=_("Who steers the programme locally (e.g. neighbourhood office) and with whom."),
    )
    milestones = StreamField(
        MilestoneStreamBlock(),
        verbose_name=_("milestones"),
        blank=True,
        help_text=_("Important dates of the programme; the page shows them in date order."),
    )
    perspectives = StreamField(
        ProfileSectionBlock(),
        verbose_name=_("perspectives"),
        blank=True,
        help_text=_("What comes next: planned projects and how results will be continued."),
    )
    contacts = StreamField(ContactsStreamBlock(), verbose_name=_("contact persons"), blank=True)
    downloads = StreamField(
        DownloadsStreamBlock(),
        verbose_name=_("materials for download"),
        blank=True,
        help_text=_("E.g. the integrated action plan, reports or flyers."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "When the municipality last checked that this profile is up to date. Profiles not "
            "reviewed for 12 months appear on the editors' dashboard."
        ),
    )

    # (field name, heading, anchor): the sections of a profile, in page order.
    SECTIONS = [
        ("character", _("Character and initial situation"), "gebietscharakter"),
        ("potentials", _("Potentials and approaches"), "potenziale"),
        ("organisation", _("Organisation and local partners"), "organisation"),
        ("milestones", _("Milestones"), "meilensteine"),
        ("perspectives", _("Perspectives"), "perspektiven"),
        ("contacts", _("Contact person"), "ansprechperson"),
        ("downloads", _("Materials for download"), "materialien"),
    ]

    content_panels = [
        FieldPanel("title", heading=_("Name of the programme area")),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("funding_start"), FieldPanel("funding_end")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("area_ha"),
                        FieldPanel("inhabitants"),
                        FieldPanel("figures_year"),
                    ]
                )
            ],
            heading=_("Key figures"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("character"),
        FieldPanel("potentials"),
        FieldPanel("organisation"),
        FieldPanel("milestones"),
        FieldPanel("perspectives"),
        FieldPanel("contacts"),
        FieldPanel("downloads"),
        *BasePage.teaser_panels,
    ]
    extra_tabs = [(_("Map"), [*LocationMixin.location_panels, FieldPanel("boundary")])]
    settings_panels = [FieldPanel("last_reviewed"), *BasePage.settings_panels]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("character"),
        index.SearchField("potentials"),
        index.SearchField("organisation"),
        index.SearchField("milestones"),
        index.SearchField("perspectives"),
        index.SearchField("municipality_name"),
        index.FilterField("status"),
        index.FilterField("programme"),
        index.FilterField("funding_start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("programme"),
        APIField("status", writable=True),
        APIField("funding_start"),
        APIField("funding_end", writable=True),
        APIField("area_ha", writable=True),
        APIField("inhabitants", writable=True),
        APIField("figures_year", writable=True),
        *LocationMixin.location_api_fields,
        APIField("boundary_geometry"),
        APIField("hero_image", serializer=ImageField()),
        APIField("character"),
        APIField("potentials"),
        APIField("organisation"),
        APIField("milestones"),
        APIField("perspectives"),
        APIField("contacts"),
        APIField("downloads"),
    ]
    listing_fields = (
        *BasePage.listing_fields,
        "live",
        "teaser",
        "status",
        "programme",
        "funding_start",
        "funding_end",
        "location",
        "boundary",
    )
    search_result_type = "profile"
    override_translatable_fields = [
        SynchronizedField("location"),
        SynchronizedField("boundary"),
    ]

    parent_page_types = ["profiles.MunicipalityPage"]
    subpage_types = []
    template = "profiles/district_profile_page.html"

    class Meta:
        verbose_name = _("district profile")
        verbose_name_plural = _("district profiles")
        indexes = [
            # What the lists count and filter by, without the profile's long texts: the
            # facets, the map and the start page's counts read 20,000 profiles (100,000
            # pages) from this index instead of their 66 MB table (start page 81 -> 63 ms,
            # filtered overview 115 -> 105). The included columns need PostgreSQL; elsewhere
            # it is an index on the municipality.
            models.Index(
                fields=["parent_municipality"],
                include=["status", "programme", "page_ptr"],
                name="profiles_listing_idx",
            )
        ]

    @property
    def boundary_geometry(self) -> dict | None:
        import json

        return json.loads(self.boundary) if self.boundary else None

    @cached_property
    def municipality(self) -> "MunicipalityPage | None":
        parent = self.get_parent()
        return parent.specific if parent else None

    def municipality_name(self) -> str:
        """Indexed, so "Katernberg Essen" finds the profile."""
        return self.municipality.title if self.municipality else ""

    def sections(self) -> list[dict]:
        """The non-empty sections with their headings and anchors, for the table of contents."""
        return [
            {"field": name, "heading": heading, "anchor": anchor, "value": getattr(self, name)}
            for name, heading, anchor in self.SECTIONS
            if getattr(self, name)
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.funding_start and self.funding_end and self.funding_end < self.funding_start:
            errors["funding_end"] = ValidationError(
                _("The end year (%(end)d) cannot be before the start year (%(start)d)."),
                code="end_before_start",
                params={"end": self.funding_end, "start": self.funding_start},
            )
        elif self.status == Status.COMPLETED and not self.funding_end:
            errors["funding_end"] = ValidationError(
                _("A completed programme area needs the year its funding ended."),
                code="end_required",
            )
        elif (
            self.status == Status.COMPLETED
            and self.funding_end
            and self.funding_end > current_year()
        ):
            errors["status"] = ValidationError(
                _("Funding until %(end)d has not ended yet: choose “running”."),
                code="completed_in_future",
                params={"end": self.funding_end},
            )
        elif (
            self.status == Status.RUNNING
            and self.funding_end
            and self.funding_end < current_year()
        ):
            errors["status"] = ValidationError(
                _("Funding ended in %(end)d: choose “completed” or correct the end year."),
                code="running_in_past",
                params={"end": self.funding_end},
            )
        errors.update(self.location_errors())
        if self.boundary and self.boundary.strip():
            try:
                self.boundary = clean_area_geojson(self.boundary)
            except ValidationError as error:
                errors["boundary"] = error
        if errors:
            raise ValidationError(errors)


class ReviewReminder(models.Model):
    """A reminder e-mail sent to a municipality's editors because a profile is due for review.

    One per profile and review period: ``reviewed_on`` is the profile's ``last_reviewed`` when the
    reminder went out (``NEVER_REVIEWED`` if it had none), so a profile is reminded again only
    after it has been reviewed and is due once more."""

    NEVER_REVIEWED = datetime.date(1900, 1, 1)

    page = models.ForeignKey(
        DistrictProfilePage, on_delete=models.CASCADE, related_name="review_reminders"
    )
    reviewed_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "reviewed_on"], name="one_reminder_per_period")
        ]

    def __str__(self):
        return f"{self.page_id} ({self.reviewed_on:%Y-%m-%d})"


class ReviewSummary(models.Model):
    """The coordination office's monthly summary of profiles due for review (one per month)."""

    month = models.DateField(unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    profiles = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.month:%Y-%m}"


class ProfileEntry(ListingEntry):
    """A visible district profile as a stored row (``cms.listing.stored``): the columns of
    ``Profiles.items`` that the profiles' filters and their order read."""

    status = models.CharField(max_length=20)
    programme = models.CharField(max_length=30)
    region = models.CharField(max_length=30)
    municipality_slug = models.CharField(max_length=255)
    municipality_title = models.CharField(max_length=255)
    municipality_sort = models.CharField(max_length=255)
    sort_title = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("district profile entry")


ProfileEntryTopic = ListingEntryTopic.for_entries(
    ProfileEntry, "profile", _("topic of a district profile entry")
)


# The page types of the profiles, handed to the modules that list them (which do not import
# models).
PROFILES = Profiles(DistrictProfilePage, MunicipalityPage, ProfileEntry, ProfileEntryTopic)
