"""Measure the main public pages: response time percentiles and SQL queries per request.

Figures, not assertions: query counts are pinned by tests, timings are only reported here.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

DEFAULT_PATHS = [
    "/de/",
    "/en/",
    "/de/ueber-uns/portrait/",
    "/en/about-us/portrait/",
    "/de/kontakt/",
    "/de/suche/?q=Netzwerk",
    "/api/v2/pages/?limit=20",
]


class QueryCounter:
    """A database execute wrapper that counts the queries it sees."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Print p50/p95 response times and query counts of the main pages (demo content)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=50, help="requests per URL")
        parser.add_argument("paths", nargs="*", help="URLs to measure (default: main pages)")

    def handle(self, *args, runs, paths, **options):
        client = Client(HTTP_HOST="localhost")
        paths = paths or DEFAULT_PATHS
        self.stdout.write(f"{'URL':40} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for path in paths:
            response = client.get(path)  # warm caches
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                client.get(path)
            timings = []
            for _ in range(runs):
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            p50 = statistics.median(timings)
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            self.stdout.write(
                f"{path:40} {response.status_code:>6} {queries.count:>7} {p50:>8.1f} {p95:>8.1f}"
            )
