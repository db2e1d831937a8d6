"""The one way the tests count SQL queries of a request (for "no N+1" and query budgets)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str, *, status: int = 200, warm: bool = True, **params) -> int:
    """How many SQL queries a GET of ``url`` makes. With ``warm`` (the default) one request
    goes first, so the count is that of a visitor's second request: the per-process caches
    (site root paths, settings, topic labels) are filled, as in production."""
    if warm:
        client.get(url, params or None)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or None)
    assert response.status_code == status, (url, response.status_code)
    return len(queries)


def counts_per_url(urls, count=queries_for) -> dict:
    """``count(client, url)`` for each of ``urls``, each measured as a test starts: an anonymous
    client, empty caches (``tests.conftest._empty_cache``). For query-count tests that measure
    the smaller data set once in a module-scoped fixture (``tests.conftest.rolled_back``) and
    compare every URL's count with the larger set in the tests."""
    from django.test import Client

    from tests.conftest import clear_caches

    client, counts = Client(), {}
    for url in urls:
        clear_caches()
        counts[url] = count(client, url)
    clear_caches()
    return counts


def download_queries(client, url: str) -> int:
    """How many SQL queries a visitor's second download of ``url`` makes, its body read to the
    end inside the count (a streamed download queries while it is sent); the first download
    fills the per-process caches, as in ``queries_for``."""

    def read(response):
        return b"".join(response.streaming_content) if response.streaming else response.content

    read(client.get(url))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        read(response)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)
