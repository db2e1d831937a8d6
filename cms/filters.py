"""Shared pieces for reading filters from URLs: what every listing does the same way."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cms import params

MAX_PARAM_LENGTH = 100
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass
class Problem:
    """A filter value that could not be used: shown as a note on HTML pages, a 400 in feeds."""

    parameter: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.parameter}={self.value}: {self.reason}"


def param(query: Mapping, name: str) -> str:
    """One URL parameter, without NUL bytes and surrounding space, cut to a sane length."""
    value = query.get(name, "") or ""
    return str(value).replace("\x00", "").strip()[:MAX_PARAM_LENGTH]


def parse_year(query: Mapping, name: str, problems: list[Problem]) -> int | None:
    text = param(query, name)
    if not text:
        return None
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    problems.append(Problem(name, text, _("not a year")))
    return None


def parse_date(query: Mapping, name: str, problems: list[Problem]) -> datetime.date | None:
    """A day (``YYYY-MM-DD``) within the years every filter accepts (``cms.params``)."""
    text = param(query, name)
    if not text:
        return None
    value, reason = params.parse_date(text)
    if reason:
        problems.append(Problem(name, text, str(reason)))
    return value


def parse_choice(query: Mapping, name: str, known, problems: list[Problem], reason: str) -> str:
    """A value that must be one of ``known`` (e.g. a topic slug); else reported and dropped."""
    text = param(query, name)
    if text and text not in known:
        problems.append(Problem(name, text, reason))
        return ""
    return text
