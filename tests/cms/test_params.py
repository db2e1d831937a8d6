"""The one normalisation of query parameters (``cms.params``): what the request guard refuses,
and that the patterns the OpenAPI document declares say the same as the code."""

import datetime
import re
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import translation

import pytest

from cms import params


def problems(**query) -> list[str]:
    raw = urlencode(query)
    with translation.override("en"):
        return [str(problem) for problem in params.query_problems(raw, QueryDict(raw))]


class TestRequestGuard:
    @pytest.mark.parametrize(
        "query",
        [
            {"q": "Quartier im Revier"},
            {"q": "Tab\tund\nZeilen\rumbruch"},
            {"q": "🏘️ Straße Ærø"},
            {"search": " ".join(["wort"] * 32)},
            {"offset": "2147483647", "limit": "20"},
            {"offset": "-1", "limit": "abc"},  # left to the endpoint: its own 400/422
            {"to": "2200-12-31", "from": "1900-01-01"},
            {"created_at_from": "2024-01-01T00:00:00+14:00"},
            {"from": "2024-02-30"},  # no such day: the filter reports it
            {"q": "x" * params.MAX_VALUE_LENGTH},
        ],
    )
    def test_ordinary_and_merely_wrong_values_pass(self, query):
        assert problems(**query) == []

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"q": "a\x00b"}, "q: contains a NUL byte or another control character"),
            ({"city": "\x1b[2J"}, "city: contains a NUL byte or another control character"),
            ({"a\x00": "b"}, "a\N{REPLACEMENT CHARACTER}: not a usable parameter name"),
            ({"q": "x" * 1001}, "q: longer than 1000 characters"),
            ({"offset": "9223372036854775808"}, "offset: at most 2147483647"),
            ({"limit": "2147483648"}, "limit: at most 2147483647"),
            ({"search": " ".join(["wort"] * 33)}, "search: a search of at most 32 words"),
            ({"to": "9999-12-31"}, "to: expected a date between 1900 and 2200"),
            ({"start_date": "0001-01-01"}, "start_date: expected a date between 1900 and 2200"),
            (
                {"created_at_to": "9999-12-31T23:59:59-23:59"},
                "created_at_to: the time-zone offset must lie between -14:00 and +14:00",
            ),
            (
                {"starts_at": "2300-01-01T00:00:00Z"},
                "starts_at: expected a date between 1900 and 2200",
            ),
        ],
    )
    def test_unusable_values_are_named(self, query, expected):
        assert problems(**query) == [expected]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # ISO's basic and week forms, which Python's (and Django's) parser reads too
            ({"starts_at": "99991231T235959-2359"}, "starts_at: the time-zone offset"),
            ({"start_date": "20240101T000000+2359"}, "start_date: the time-zone offset"),
            ({"starts_at": "99991231T000000"}, "starts_at: expected a date between"),
            ({"starts_at": "0001-W01-1T00:00+00:01"}, "starts_at: expected a date between"),
            ({"date": "2300W011"}, "date: expected a date between"),
            # Wagtail compares the part after the first colon with the numeric port
            ({"site": "localhost:abc"}, "site: expected a host name"),
            ({"site": "localhost:"}, "site: expected a host name"),
            ({"site": "[::1]:8000"}, "site: expected a host name"),
            ({"site": "localhost:80:90"}, "site: expected a host name"),
        ],
    )
    def test_other_forms_of_unusable_values_are_named(self, query, expected):
        (found,) = problems(**query)
        assert found.startswith(expected)

    @pytest.mark.parametrize(
        "query",
        [
            {"starts_at": "20240101T100000+0100"},
            {"site": "localhost"},
            {"site": "soziale-stadt.nrw:8000"},
            {"q": "99991231"},  # eight digits alone are a number more often than a date
            {"id": "30000101"},
            {"q": "20240101 Quartier"},
            {"city": "localhost:abc"},  # a colon means a port in ``site`` only
        ],
    )
    def test_numbers_and_sites_in_range_pass(self, query):
        assert problems(**query) == []

    @pytest.mark.parametrize("raw", ["q=%FF", "q=caf%E9", "%C3=x", "q=%ED%A0%80"])
    def test_a_query_that_is_not_utf8_is_refused_as_a_whole(self, raw):
        with translation.override("en"):
            found = [str(p) for p in params.query_problems(raw, QueryDict(raw))]
        assert found == ["The query string is not valid UTF-8."]

    def test_a_path_with_control_characters_is_refused(self):
        assert params.path_problems("/de/a\x00b/")
        assert params.path_problems("/de/aktuelles/") == []

    def test_messages_follow_the_language_they_are_shown_in(self):
        (problem,) = params.query_problems("q=a%00", QueryDict("q=a%00"))
        with translation.override("de"):
            assert problem.reason == "enthält ein NUL-Byte oder ein anderes Steuerzeichen"
        with translation.override("en"):
            assert problem.reason == "contains a NUL byte or another control character"


class TestBoundedDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2026-05-14", datetime.date(2026, 5, 14)),
            ("1900-01-01", datetime.date(1900, 1, 1)),
            ("2200-12-31", datetime.date(2200, 12, 31)),
            ("9999-12-31", None),
            ("1899-12-31", None),
            ("2026-02-30", None),
            ("gestern", None),
        ],
    )
    def test_parse_date(self, text, expected):
        value, reason = params.parse_date(text)
        assert value == expected
        assert (reason is None) == (expected is not None)

    def test_the_day_after_the_last_day_exists(self):
        value, __ = params.parse_date(f"{params.LAST_YEAR}-12-31")
        assert value + datetime.timedelta(days=1)


class TestDeclaredPatterns:
    """The OpenAPI document's patterns (cms.api.openapi) against the code that enforces them."""

    @pytest.mark.parametrize("year", [1899, 1900, 1999, 2026, 2199, 2200, 2201, 9999])
    def test_the_date_pattern_accepts_exactly_the_accepted_years(self, year):
        text = f"{year:04d}-06-01"
        assert bool(re.match(params.DATE_PATTERN, text)) == (params.parse_date(text)[1] is None)

    @pytest.mark.parametrize(
        "text",
        [
            "2024-01-01T10:00:00",
            "2024-01-01T10:00:00Z",
            "2024-01-01T10:00:00.123+01:00",
            "2024-01-01T10:00:00-14:00",
            "2024-01-01 10:00+0530",
            "2024-01-01T10:00:00+14:30",
            "2024-01-01T10:00:00-23:59",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00+01:00",
        ],
    )
    def test_the_date_time_pattern_says_what_the_guard_does(self, text):
        raw = urlencode({"created_at_from": text})
        accepted = not params.query_problems(raw, QueryDict(raw))
        assert bool(re.match(params.DATETIME_PATTERN, text)) == accepted

    @pytest.mark.parametrize(
        "text",
        ["localhost", "localhost:8000", "", "localhost:", "localhost:abc", "[::1]:80", "a:1:2"],
    )
    def test_the_site_pattern_says_what_the_guard_does(self, text):
        raw = urlencode({"site": text})
        accepted = not params.query_problems(raw, QueryDict(raw))
        assert bool(re.match(params.SITE_PATTERN, text)) == accepted

    @pytest.mark.parametrize("text", ["Quartier", "Tab\there", "\x00", "a\x1fb", "\x7f", ""])
    def test_the_printable_pattern_says_what_the_guard_does(self, text):
        raw = urlencode({"city": text})
        accepted = not params.query_problems(raw, QueryDict(raw))
        assert bool(re.match(params.PRINTABLE_PATTERN, text)) == accepted
