"""The one normalisation of URL query parameters, for every view: HTML pages, feeds, API v2
and v3 (ours and Wagtail's).

Two layers, so that no view has to expect hostile input and none parses it twice:

1. :func:`request_problems` judges the request as a whole, before any view runs
   (``cms.middleware.QueryGuardMiddleware`` answers 400 when it finds something). What it
   refuses is never meaningful input anywhere: a query string that is not UTF-8, NUL bytes and
   other control characters (PostgreSQL cannot even compare text containing NUL), values longer
   than :data:`MAX_VALUE_LENGTH`, a paging parameter beyond :data:`MAX_OFFSET` (the database's
   ``OFFSET`` is a 64-bit integer), a search of more than :data:`MAX_SEARCH_WORDS` words (search
   parsers build one nested node per word and run out of stack), and any value that reads as
   an ISO date or date-time (as Django's model fields read it, e.g. in Wagtail's field filters
   ``?type=events.EventPage&starts_at=…``, in any ISO form Python reads, ``20240101T0000``
   and week dates too) outside the years :data:`FIRST_YEAR`–:data:`LAST_YEAR` or with a
   time-zone offset beyond ±14:00 (converting such a value to UTC leaves Python's calendar,
   and PostgreSQL refuses offsets beyond ±15:59), and a ``site`` (Wagtail's APIs) whose port
   is not a number.
2. Bounded parsers for the values views interpret: dates (:func:`parse_date`, years
   :data:`FIRST_YEAR`–:data:`LAST_YEAR`, so that "the day after" always exists) and the same
   rule as an annotated type for django-ninja parameters (:data:`BoundedDate`), so the API
   declares what the HTML filters parse.

``cms.api.openapi`` declares these limits in the OpenAPI document (the ``*_PATTERN``s below,
maximums and lengths), so that what the document allows is what the guard lets through.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import unquote_to_bytes

from django.utils import dateparse
from django.utils.translation import gettext_lazy as _

from pydantic import AfterValidator

MAX_VALUE_LENGTH = 1000  # characters of one parameter name or value
MAX_OFFSET = 2**31 - 1  # largest offset/limit; far beyond any list, far below 64-bit overflow
PAGING_PARAMS = ("offset", "limit")
SEARCH_PARAMS = ("search", "q")  # Wagtail's APIs and ours
MAX_SEARCH_WORDS = 32
FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates any filter accepts
MAX_UTC_OFFSET = datetime.timedelta(hours=14)  # the largest offset in use anywhere (UTC+14)

# C0 control characters and DEL; tab, line feed and carriage return are ordinary white space.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The same rules as regular expressions for the OpenAPI document (ECMA 262 and Python alike):
# text without control characters; dates and date-times of the years FIRST_YEAR-LAST_YEAR with
# an offset of at most 14 hours (tests/cms/test_params.py checks them against the code).
PRINTABLE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
SITE_PATTERN = r"^[^:\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*(:[0-9]+)?$"  # host, optionally :port
YEAR_PATTERN = r"(19[0-9]{2}|2[01][0-9]{2}|2200)"
DATE_PATTERN = rf"^{YEAR_PATTERN}-[0-9]{{2}}-[0-9]{{2}}$"
DATETIME_PATTERN = (
    rf"^{YEAR_PATTERN}-[0-9]{{2}}-[0-9]{{2}}([Tt ][0-9:.,]*)?"
    r"([Zz]|[+-](0[0-9]|1[0-3])(:?[0-5][0-9])?|[+-]14(:?00)?)?$"
)
INTEGER = re.compile(r"\s*[+-]?\d+\s*")
# What Python's ISO parser (and so Django's) may read as a date: 2024-01-01, a week date
# (2024-W01, 2024W011) and the basic form 20240101 when a time follows (20240101T000000+2359);
# eight digits alone are left alone, they are far more often a number than a date.
DATE_LIKE = re.compile(r"\s*[+-]?(\d{4,}-\d{1,2}-\d{1,2}|\d{4}-?W\d|\d{8}\D)")
SITE_PARAMS = ("site",)  # Wagtail's APIs: a host name, optionally with ":port"

DATE_RANGE_MESSAGE = _("expected a date between %(first)s and %(last)s")
OFFSET_MESSAGE = _("the time-zone offset must lie between -14:00 and +14:00")


@dataclass(frozen=True)
class ParamProblem:
    """Why a query parameter cannot be used (``parameter`` is empty for the query as a whole).

    ``reason`` is translated when it is shown, so the API can answer in English and the
    website in German from the same problem."""

    parameter: str
    message: str  # a lazily translated message with %(name)s placeholders
    values: dict = field(default_factory=dict)
    location: str = "query"  # or "path"

    @property
    def reason(self) -> str:
        return str(self.message) % self.values if self.values else str(self.message)

    def __str__(self) -> str:
        return f"{self.parameter}: {self.reason}" if self.parameter else self.reason


def _shown(name: str) -> str:
    """A parameter name as it may be echoed in a message: printable and short."""
    return CONTROL_CHARACTERS.sub("\N{REPLACEMENT CHARACTER}", name)[:40]


def _is_utf8(raw: str) -> bool:
    try:
        unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _value_problem(name: str, value: str) -> tuple[str, dict] | None:
    """(message, its values) when ``value`` cannot be used as parameter ``name``."""
    if CONTROL_CHARACTERS.search(value):
        return _("contains a NUL byte or another control character"), {}
    if name in SEARCH_PARAMS and len(value.split()) > MAX_SEARCH_WORDS:
        return _("a search of at most %(max)s words"), {"max": MAX_SEARCH_WORDS}
    if len(value) > MAX_VALUE_LENGTH:
        return _("longer than %(max)s characters"), {"max": MAX_VALUE_LENGTH}
    if name in PAGING_PARAMS and INTEGER.fullmatch(value) and int(value) > MAX_OFFSET:
        return _("at most %(max)s"), {"max": MAX_OFFSET}
    if name in SITE_PARAMS and (problem := _site_problem(value)):
        return problem
    if DATE_LIKE.match(value):
        return _temporal_problem(value.strip())
    return None


def _site_problem(value: str) -> tuple[str, dict] | None:
    """Wagtail splits a site at the first ":" and compares the rest with the numeric port
    (``?site=example.org:abc`` failed with a server error in ``pages/find/``)."""
    __, colon, port = value.partition(":")
    if colon and not (port.isascii() and port.isdigit()):
        return _("expected a host name, optionally with a port number (example.org:8000)"), {}
    return None


def _temporal_problem(value: str) -> tuple[str, dict] | None:
    """Out-of-range years and offsets of a value Django would read as a date or date-time."""
    try:
        moment = dateparse.parse_datetime(value)
        day = None if moment else dateparse.parse_date(value)
    except ValueError:  # well formed, but no such day or offset: the view answers that
        return None
    if moment is not None:
        offset = moment.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            return OFFSET_MESSAGE, {}
    day = moment.date() if moment is not None else day
    if day is not None and not year_in_range(day.year):
        return DATE_RANGE_MESSAGE, {"first": FIRST_YEAR, "last": LAST_YEAR}
    return None


def query_problems(raw_query: str, query: Mapping) -> list[ParamProblem]:
    """What makes a query string unusable for every view; empty when it is fine.

    ``raw_query`` is the query string as sent (percent-encoded), ``query`` Django's decoded
    ``QueryDict`` of it (which replaces bytes that are not UTF-8 instead of refusing them).
    """
    if not _is_utf8(raw_query):
        return [ParamProblem("", _("The query string is not valid UTF-8."))]
    problems = []
    for name in query:
        shown = _shown(name)
        if CONTROL_CHARACTERS.search(name) or len(name) > MAX_VALUE_LENGTH:
            problems.append(ParamProblem(shown, _("not a usable parameter name")))
            continue
        for value in query.getlist(name):
            if found := _value_problem(name, value):
                problems.append(ParamProblem(shown, *found))
                break
    return problems


def path_problems(path: str) -> list[ParamProblem]:
    """A path with control characters names nothing; refused like such a query."""
    if CONTROL_CHARACTERS.search(path):
        message = _("The address contains a NUL byte or a control character.")
        return [ParamProblem("", message, location="path")]
    return []


def request_problems(request) -> list[ParamProblem]:
    return path_problems(request.path_info) or query_problems(
        request.META.get("QUERY_STRING", ""), request.GET
    )


# ------------------------------------------------------------------------ bounded values


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def date_problem(value: datetime.date) -> str | None:
    """Why a date cannot be used (in the active language), or None."""
    if not year_in_range(value.year):
        return str(DATE_RANGE_MESSAGE) % {"first": FIRST_YEAR, "last": LAST_YEAR}
    return None


def parse_date(text: str) -> tuple[datetime.date | None, str | None]:
    """``YYYY-MM-DD`` within the accepted years: (the date, None) or (None, why not)."""
    try:
        value = datetime.date.fromisoformat(text)
    except ValueError:
        return None, str(_("expected a date as YYYY-MM-DD"))
    if reason := date_problem(value):
        return None, reason
    return value, None


def _bounded_date(value: datetime.date) -> datetime.date:
    if reason := date_problem(value):
        raise ValueError(str(reason))
    return value


# A date parameter of the API: the same bounds as the HTML filters, refused with 422 by ninja.
BoundedDate = Annotated[datetime.date, AfterValidator(_bounded_date)]
DATE_RANGE_HELP = f"years {FIRST_YEAR}–{LAST_YEAR}"
