"""The rebuild of stored rows (``cms.listing.stored``) on the path of a real request: no test
transaction around it, so the rows are emptied with TRUNCATE on PostgreSQL (DELETE on SQLite).

Not a browser test: it commits, and tests that commit run here, in the browser tests' own
session and database (``make test`` runs it beside the suite), where every test commits and the
database is restored after each (``serialized_rollback``). In the suite a commit would empty the
data that whole modules and the session share (``tests.worlds``, the demo content)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from knowledge.filters import library_listing
from knowledge.models import LIBRARY, LibraryEntry
from tests.conftest import make_home
from tests.knowledge.factories import KnowledgeIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def listed(library) -> list[str]:
    _listing, entries = library_listing(LIBRARY, {}, library.locale_id, library, per_page=100)
    return sorted(entry.page.title for entry in entries)


def test_a_rebuild_outside_any_transaction_empties_and_refills():
    library = KnowledgeIndexPageFactory(parent=make_home())
    PublicationPageFactory(parent=library, title="Erste Studie")
    assert listed(library) == ["Erste Studie"]
    PublicationPageFactory(parent=library, title="Zweite Studie")
    with CaptureQueriesContext(connection) as queries:
        assert listed(library) == ["Erste Studie", "Zweite Studie"]
    emptied = "TRUNCATE" if connection.vendor == "postgresql" else "DELETE FROM"
    assert any(query["sql"].startswith(emptied) for query in queries.captured_queries)
    assert LibraryEntry.objects.count() == 2
