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
