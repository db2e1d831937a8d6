"""News (Aktuelles) and event notices (Veranstaltungshinweise), with their indexes and feeds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import ContentStreamBlock, PageTeaserBlock
from cms.fields import StreamField
from cms.listing.stored import StoredListing
from cms.models import BasePage, ListingEntry, ListingEntryTopic, OverviewPage

from . import feeds, structured_data, views
from .enums import AttendanceMode, local_zone
from .queries import EventManager, NewsManager


class NewsIndexPage(RoutablePageMixin, OverviewPage):
    """Aktuelles: all news, newest first, filterable by topic and year. Edited by the
    coordination office (introduction only); serves the RSS and Atom feeds."""

    subpage_types = ["events.NewsPage"]
    template = "events/news_index_page.html"

    class Meta:
        verbose_name = _("news overview")
        verbose_name_plural = _("news overviews")

    def news(self):
        """Its visible news, newest first, lean enough for lists and feeds."""
        return NewsPage.objects.published(self.locale, self).listed()

    @path("")
    def index_view(self, request):
        return views.news_index(self, request, self.news(), NEWS_LISTING)

    @path("feed.rss/", name="rss")
    def rss_view(self, request):
        return feeds.news_feed(self, request, self.news(), feed_type="rss")

    @path("feed.atom/", name="atom")
    def atom_view(self, request):
        return feeds.news_feed(self, request, self.news(), feed_type="atom")


class NewsPage(BasePage):
    """A news item (Meldung). Edited by the editorial team; listed in Aktuelles, on the start
    page and in the news feeds."""

    date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_("Shown with the item and used to sort the news."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("text"), blank=True)
    source_url = models.URLField(
        _("source"),
        blank=True,
        help_text=_("Optional: the original announcement, linked as “read more”."),
    )
    source_name = models.CharField(
        _("name of the source"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW”."),
    )
    related = StreamField(
        [("page", PageTeaserBlock())],
        verbose_name=_("related pages"),
        blank=True,
        max_num=6,
        help_text=_("Up to six pages shown as teasers below the text."),
    )

    content_panels = [
        *BasePage.title_panels,
        FieldPanel("date"),
        *BasePage.teaser_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("source_url"), FieldPanel("source_name")], heading=_("Source")
        ),
        FieldPanel("related"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date", writable=True),
        APIField("body", writable=True),
        APIField("source_url", writable=True),
        APIField("source_name", writable=True),
        APIField("related"),
    ]
    listing_fields = (
        *BasePage.listing_fields,
        "teaser",
        "date",
        "first_published_at",
        "last_published_at",
        "latest_revision_created_at",
        "source_url",
        "source_name",
        "translation_key",
    )
    override_translatable_fields = [SynchronizedField("source_url")]
    search_result_type = "news"
    search_date_field = "date"

    objects = NewsManager()

    parent_page_types = ["events.NewsIndexPage"]
    subpage_types = []
    template = "events/news_page.html"
    og_type = "article"  # link previews (cms.seo)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # The news list, its feeds and the API read the newest first: with the index the page
        # query stops after the first items (0.2 ms instead of 27 ms at 30,000 news). With the
        # key included, the year facet and the counts read the index instead of the 50 MB
        # table (100,000 pages: news by topic and year 57 -> 46 ms, by year 79 -> 69).
        indexes = [
            models.Index(fields=["date"], include=["page_ptr"], name="events_news_date_idx")
        ]

    def json_ld(self, request) -> dict:
        return structured_data.news_article(self, request)


class EventIndexPage(RoutablePageMixin, OverviewPage):
    """Veranstaltungshinweise: upcoming events by start date, and an archive of past ones.
    Edited by the coordination office (introduction only); serves the calendar feed."""

    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("events overview")
        verbose_name_plural = _("events overviews")

    def events(self):
        """Its visible events; the listings and the calendar narrow them."""
        return EventPage.objects.published(self.locale, self)

    @path("")
    def upcoming_view(self, request):
        return views.event_index(self, request, self.events(), EVENTS_LISTING, archive=False)

    # The archive's address in each language (both work in both).
    ARCHIVE_ROUTES = {"de": "archive", "en": "archive-en"}

    @path("archiv/", name="archive")
    @path("archive/", name="archive-en")
    def archive_view(self, request):
        return views.event_index(self, request, self.events(), EVENTS_LISTING, archive=True)

    @path("feed.ics/", name="ical")
    def ical_view(self, request):
        return feeds.calendar_feed(self, request, self.events())


class EventPage(RoutablePageMixin, BasePage):
    """An event notice. Edited by the editorial team; listed in Veranstaltungshinweise (upcoming
    or archive), on the start page and in the calendar feeds; downloadable as .ics."""

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for all-day events.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for one-day events.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    attendance = models.CharField(
        _("format"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        help_text=_("Online and hybrid events need the online link."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(
        _("city"),
        max_length=100,
        blank=True,
        help_text=_("Used by the city filter; e.g. “Essen” or “verschiedene Städte in NRW”."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Link to the video conference or stream, for online and hybrid events."),
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    fee = models.CharField(
        _("fee"), max_length=100, blank=True, help_text=_("E.g. “kostenfrei” or “30 €”.")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)

    # Derived on save, so that listings can filter and sort in the database.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    content_panels = [
        *BasePage.title_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("Date and time (German time)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postal_code")]),
                FieldPanel("city"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldRowPanel(
                    [FieldPanel("registration_url"), FieldPanel("registration_deadline")]
                ),
                FieldPanel("fee"),
            ],
            heading=_("Organisation and registration"),
        ),
        *BasePage.teaser_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.SearchField("organiser"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("city"),
    ]
    # The event's dates and its particulars (place, organiser, registration), in the editor's
    # order: the API writes them, and every listing of events loads them.
    schedule_fields = ("start_date", "start_time", "end_date", "end_time")
    detail_fields = (
        "attendance",
        "venue",
        "address",
        "postal_code",
        "city",
        "online_url",
        "organiser",
        "registration_url",
        "registration_deadline",
        "fee",
    )
    api_fields = [
        *BasePage.api_fields,
        *(APIField(name, writable=True) for name in schedule_fields),
        APIField("all_day", writable=True),
        APIField("starts_at"),
        APIField("ends_at"),
        *(APIField(name, writable=True) for name in detail_fields),
        APIField("body", writable=True),
    ]
    listing_fields = (
        *BasePage.listing_fields,
        "teaser",
        *schedule_fields,
        "starts_at",
        "ends_at",
        *detail_fields,
        "first_published_at",
        "last_published_at",
        "translation_key",
    )
    override_translatable_fields = [
        SynchronizedField("city"),
        SynchronizedField("address"),
        SynchronizedField("postal_code"),
        SynchronizedField("venue"),
    ]
    search_result_type = "event"
    search_date_field = "start_date"

    objects = EventManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @path("event.ics/", name="ical")
    def ical_view(self, request):
        return feeds.event_ics(self, request)

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def is_multi_day(self) -> bool:
        return self.last_day != self.start_date

    def local_start(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.start_date, self.start_time or datetime.time.min, tzinfo=local_zone()
        )

    def local_end(self) -> datetime.datetime:
        """When the event is over: its end time, or else the end of its last day."""
        if self.end_time is not None:
            return datetime.datetime.combine(self.last_day, self.end_time, tzinfo=local_zone())
        day_after = self.last_day + datetime.timedelta(days=1)
        return datetime.datetime.combine(day_after, datetime.time.min, tzinfo=local_zone())

    def is_past(self, now: datetime.datetime | None = None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def full_clean(self, *args, **kwargs):
        self._set_instants()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._set_instants()
        return super().save(*args, **kwargs)

    def _set_instants(self) -> None:
        if self.start_date:
            self.starts_at = self.local_start()
            self.ends_at = self.local_end()

    def clean(self):
        super().clean()
        errors = {}
        if self.end_time and not self.start_time:
            errors["start_time"] = ValidationError(
                _("An event with an end time needs a start time."), code="end_time_without_start"
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = ValidationError(
                _("The event cannot end before it starts."), code="end_before_start"
            )
        elif (
            self.start_date
            and self.start_time
            and self.end_time
            and self.last_day == self.start_date
        ) and self.end_time <= self.start_time:
            errors["end_time"] = ValidationError(
                _("The end time must be after the start time."), code="end_before_start"
            )
        for field in ("start_time", "end_time"):
            day = self.start_date if field == "start_time" else self.last_day
            value = getattr(self, field)
            if day and value and not _exists_locally(day, value):
                errors[field] = ValidationError(
                    _(
                        "%(time)s does not exist on %(date)s: the clocks go forward that night. "
                        "Please choose another time."
                    ),
                    code="nonexistent_time",
                    params={"time": value.strftime("%H:%M"), "date": day.strftime("%d.%m.%Y")},
                )
        if (
            self.registration_deadline
            and self.start_date
            and self.registration_deadline > self.start_date
        ):
            errors["registration_deadline"] = ValidationError(
                _("The registration deadline must not be after the event starts."),
                code="deadline_after_start",
            )
        if (
            self.attendance in (AttendanceMode.ONLINE, AttendanceMode.MIXED)
            and not self.online_url
        ):
            errors["online_url"] = ValidationError(
                _("An online event needs the link to join it."), code="online_url_required"
            )
        if self.attendance in (AttendanceMode.OFFLINE, AttendanceMode.MIXED) and not self.city:
            errors["city"] = ValidationError(
                _("Please name the city where the event takes place."), code="city_required"
            )
        if errors:
            raise ValidationError(errors)

    def json_ld(self, request) -> dict:
        return structured_data.event(self, request)


def _exists_locally(day: datetime.date, time: datetime.time) -> bool:
    """False for wall-clock times skipped when summer time starts (e.g. 02:30 on 29 March)."""
    local = datetime.datetime.combine(day, time, tzinfo=local_zone())
    round_trip = local.astimezone(datetime.UTC).astimezone(local_zone())
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


class NewsEntry(ListingEntry):
    """A visible news item as a stored row (``cms.listing.stored``): what the news' filters
    and their order read."""

    date = models.DateField()
    first_published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("news entry")
        indexes = [
            models.Index(
                fields=["locale", "-date", "-first_published_at", "-page"], name="news_entry_idx"
            )
        ]


NewsEntryTopic = ListingEntryTopic.for_entries(NewsEntry, "news", _("topic of a news entry"))


# The news as stored rows, for the news overview and the API (``cms.listing.stored``).
NEWS_LISTING = StoredListing(
    "news", NewsEntry, NewsEntryTopic, lambda locale: NewsPage.objects.published(locale)
)


class EventEntry(ListingEntry):
    """A visible event as a stored row (``cms.listing.stored``): what the events' filters and
    their order read (upcoming or past is asked at the time of the request)."""

    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    city = models.CharField(max_length=255)
    attendance = models.CharField(max_length=20)

    class Meta:
        verbose_name = _("event entry")
        indexes = [models.Index(fields=["locale", "ends_at"], name="event_entry_idx")]


EventEntryTopic = ListingEntryTopic.for_entries(EventEntry, "event", _("topic of an event entry"))


# The events as stored rows, for the events overview and the API (``cms.listing.stored``).
EVENTS_LISTING = StoredListing(
    "events", EventEntry, EventEntryTopic, lambda locale: EventPage.objects.published(locale)
)
