"""Dates of events as people write them: "25. November 2019", "14.–15. Mai 2026, 10:00–16:00"."""

from django import template
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _time(value) -> str:
    return formats.time_format(value, "TIME_FORMAT")


@register.filter
def event_when(event) -> str:
    """The event's dates and times in the active language (times are German local time)."""
    start, end = event.start_date, event.last_day
    if end == start:
        text = _date(start)
    elif (start.year, start.month) == (end.year, end.month):
        text = _("%(first)s–%(last)s") % {
            # The first day of a range within one month: "14." in German, "14" in English.
            "first": formats.date_format(start, pgettext("first day of a date range", "j")),
            "last": _date(end),
        }
    else:
        text = _("%(first)s – %(last)s") % {"first": _date(start), "last": _date(end)}
    if event.start_time:
        if event.end_time:
            times = _("%(start)s–%(end)s") % {
                "start": _time(event.start_time),
                "end": _time(event.end_time),
            }
        else:
            times = _("from %(start)s") % {"start": _time(event.start_time)}
        text = f"{text}, {times}"
    return text


@register.filter
def event_where(event) -> str:
    """The place in one line: venue and city, "online", or both."""
    place = ", ".join(part for part in (event.venue, event.city) if part)
    if event.attendance == "online":
        return _("online")
    if event.attendance == "mixed":
        return _("%(place)s and online") % {"place": place}
    return place
