"""The query budget of issue 15: every listing and the search need at most 12 SQL queries once
the caches are warm (site shell, topic vocabulary, site root paths), on the demo content.

Each listing's own tests pin that its count does not grow with the number of items; this test
pins the whole request's budget, shared parts of the page included."""

import pytest

from tests.queries import queries_for

BUDGET = 12

LISTINGS = [
    "/de/aktuelles/",
    "/de/aktuelles/?topic=buergerbeteiligung",
    "/en/news/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/archiv/",
    "/de/veranstaltungen/?topic=buergerbeteiligung&city=Essen",
    "/de/stadtteilprofile/",
    "/de/stadtteilprofile/?region=duesseldorf&topic=buergerbeteiligung",
    "/de/wissen/",
    "/de/wissen/?kind=publikation&topic=buergerbeteiligung",
    "/de/suche/?q=Quartier",
    "/de/suche/?q=Quartier&type=profile&topic=buergerbeteiligung",
    "/en/search/?q=neighbourhood",
    "/de/themen/",
    "/de/themen/buergerbeteiligung/",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_every_listing_and_the_search_stay_within_the_budget(client, demo, url):
    path, __, query = url.partition("?")
    params = dict(pair.split("=") for pair in query.split("&")) if query else {}
    assert queries_for(client, path, **params) <= BUDGET
