"""Fresh planner statistics after content was loaded in bulk."""

from django.db import connection


def refresh_statistics() -> None:
    """ANALYZE the database (and VACUUM it first on PostgreSQL, outside a transaction: it drops
    the row versions that bulk updates left behind). Without statistics PostgreSQL plans new
    tables as if they were empty, until autovacuum comes by, or never where it is off: after
    the demo content was loaded, its search planned the visible pages as one row and checked
    them once per match (the ranking 8 instead of 3 ms); after ``generate_content``, seconds
    instead of milliseconds per listing."""
    with connection.cursor() as cursor:
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
