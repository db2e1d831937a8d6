"""The filters of the news and event listings, declared once: the HTML indexes, the feeds and
the API (parameters, validation and OpenAPI document) all read them from here."""

from django.utils.translation import gettext_lazy as _

from cms.listing import (
    ChoiceFilter,
    DateRangeFilter,
    FilterSet,
    MonthFilter,
    TopicFilter,
    YearFilter,
)

from .enums import AttendanceMode, local_zone

EVENT_SPAN = ("starts_at", "ends_at")


class NewsFilters(FilterSet):
    """Aktuelles: by topic and by the year of the news date."""

    topic = TopicFilter(_("Topic"))
    year = YearFilter(_("Year"), field="date", help_text="year of the news date")
    # Every news item has a date (required): the year facet's counts give the total, so the
    # facet statement needs no part that counts the items once more (55 ms at 30,000 news).
    partition = "year"


class EventFilters(FilterSet):
    """Veranstaltungshinweise (upcoming and archive alike): by topic, city, format, month and
    a range of days; month and range select the events on at least one of their days."""

    topic = TopicFilter(_("Topic"))
    city = ChoiceFilter(
        _("City"),
        field="city",
        unknown=_("no events in this city"),
        help_text="city as written on the events, e.g. `Essen`",
    )
    attendance = ChoiceFilter(
        _("format"),
        field="attendance",
        choices=AttendanceMode,
        # The API documented `hybrid` for what is stored as `mixed`; clients may still send it.
        aliases={"hybrid": AttendanceMode.MIXED},
        help_text="`offline` (on site), `online` or `mixed` (both; `hybrid` is accepted too)",
    )
    month = MonthFilter(
        _("Month"),
        span=EVENT_SPAN,
        timezone=local_zone,
        help_text="`YYYY-MM`: events on a day of that month",
    )
    dates = DateRangeFilter(
        _("Period"),
        span=EVENT_SPAN,
        timezone=local_zone,
        help_texts={
            "from": "events on or after this day (`YYYY-MM-DD`)",
            "to": "events on or before this day (`YYYY-MM-DD`)",
        },
    )
    # Every event has one format (required, one of AttendanceMode): the format facet's counts
    # give the total.
    partition = "attendance"
