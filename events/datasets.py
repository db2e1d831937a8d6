"""Open data of the events: every visible event (upcoming and past) as iCalendar and CSV,
from ``events.queries`` and filtered by ``events.filters.EventFilters`` like the calendar and
the event listings. Registered with :mod:`cms.opendata`."""

from django.db.models import Max, Min
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.localization import absolute_url
from cms.models import TaggedPage
from cms.opendata import Column, Dataset, Format, register
from cms.opendata.formats import CSV

from .enums import AttendanceMode
from .feeds import build_calendar
from .filters import EventFilters
from .models import EventPage

COLUMNS = [
    Column("id", _("Number of the event (stable, also in the API)")),
    Column("title", _("Title of the event")),
    Column("teaser", _("Short description")),
    Column("start_date", _("First day (YYYY-MM-DD)")),
    Column("start_time", _("Start time (HH:MM, local time; empty for all-day events)")),
    Column("end_date", _("Last day (empty for a one-day event)")),
    Column("end_time", _("End time (HH:MM, local time)")),
    Column("attendance", _("Format, as a code: offline (on site), online or mixed")),
    Column("attendance_label", _("Format, as a word")),
    Column("venue", _("Venue")),
    Column("address", _("Street address")),
    Column("postal_code", _("Postal code")),
    Column("city", _("City")),
    Column("online_url", _("Address of the online event")),
    Column("organiser", _("Organiser")),
    Column("registration_url", _("Address for registration")),
    Column("registration_deadline", _("Registration deadline (YYYY-MM-DD)")),
    Column("fee", _("Fee")),
    Column("topics", _("Topics of the event (slugs, separated by commas in CSV)")),
    Column("url", _("Address of the event on this website")),
]


def base(locale):
    return EventPage.objects.published(locale)


def event_list(locale, selection):
    """The chosen events by start, with their topics (two queries)."""
    queryset = (
        EventPage.objects.published(locale)
        .only(*EventPage.listing_fields)
        .order_by("starts_at", "pk")
    )
    events = list(selection.filterset.apply(queryset, selection))
    topics: dict[int, list[str]] = {event.pk: [] for event in events}
    rows = TaggedPage.objects.filter(content_object_id__in=list(topics) or [0])
    for page_id, slug in rows.order_by("tag__name").values_list("content_object_id", "tag__slug"):
        topics[page_id].append(slug)
    for event in events:
        event.topic_slugs = topics[event.pk]
    return events


def _time(value) -> str:
    return value.strftime("%H:%M") if value else ""


def row(event, request) -> dict:
    try:
        attendance_label = str(AttendanceMode(event.attendance).label)
    except ValueError:
        attendance_label = event.attendance
    return {
        "id": event.pk,
        "title": event.title,
        "teaser": event.teaser,
        "start_date": event.start_date.isoformat(),
        "start_time": _time(event.start_time),
        "end_date": event.end_date.isoformat() if event.end_date else "",
        "end_time": _time(event.end_time),
        "attendance": event.attendance,
        "attendance_label": attendance_label,
        "venue": event.venue,
        "address": event.address,
        "postal_code": event.postal_code,
        "city": event.city,
        "online_url": event.online_url,
        "organiser": event.organiser,
        "registration_url": event.registration_url,
        "registration_deadline": (
            event.registration_deadline.isoformat() if event.registration_deadline else ""
        ),
        "fee": event.fee,
        "topics": event.topic_slugs,
        "url": absolute_url(event, request),
    }


def write_ics(dataset, items, request):
    """The events as one calendar (RFC 5545), as the subscription feed writes them."""
    events = list(items)
    yield build_calendar(events, request, f"{dataset.title} – AG Soziale Stadt NRW").decode()


ICALENDAR = Format("ics", "iCalendar", "text/calendar", "ICS", write_ics)


def period(locale):
    row = (
        EventPage.objects.published(locale)
        .order_by()
        .aggregate(start=Min("start_date"), end=Max(Coalesce("end_date", "start_date")))
    )
    return row["start"], row["end"]


register(
    Dataset(
        slug="veranstaltungen",
        title=_("Events"),
        description=_(
            "Events of the network and its partners on integrated neighbourhood development: "
            "dates, format, venue, organiser, registration and topics, past and upcoming."
        ),
        columns=COLUMNS,
        formats=[ICALENDAR, CSV],
        items=event_list,
        row=row,
        base=base,
        parse=lambda query: EventFilters().parse(query),
        filter_params=EventFilters.params(),
        temporal=period,
        themes=("SOCI", "EDUC"),
        frequency="WEEKLY",
        order=30,
    )
)
