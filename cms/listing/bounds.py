"""The bounds of every listing filter, in one place.

What the request guard (``cms.params``) refuses never reaches a listing; these are the
tighter limits of what a filter reads. Dates use ``cms.params.parse_date`` (years
``cms.params.FIRST_YEAR``–``LAST_YEAR``)."""

from cms import params

MAX_VALUE_LENGTH = 100  # characters of one value; longer ones are refused
MAX_VALUES = 20  # values of one repeatable parameter (``?topic=a&topic=b…``)
MAX_WORDS = params.MAX_SEARCH_WORDS  # words of a free-text filter
FIRST_YEAR, LAST_YEAR = 1990, 2100  # a year filter's range
MAX_PER_PAGE = 100  # items per page of any listing (HTML and API)
