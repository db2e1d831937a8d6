"""Measure the main public pages and the search service: latency percentiles and SQL queries.

Figures, not assertions: query counts are pinned by tests, timings are only reported here.
Run through ``make bench`` (SQLite) or ``make bench-postgres``, which first add 10,000
synthetic pages (``generate_content``). It lives in the search app because it measures the
search service as well as the pages (``cms`` imports no content app).
"""

import gc
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.utils import translation

from wagtail.models import Page

from search.service import attach_snippets, search

DEFAULT_PATHS = [
    "/de/",
    "/en/",
    "/de/ueber-uns/portrait/",
    "/en/about-us/portrait/",
    "/de/kontakt/",
    "/de/aktuelles/",
    "/de/aktuelles/?topic=buergerbeteiligung&year=2025",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/?topic=buergerbeteiligung",
    "/de/stadtteilprofile/",
    "/de/stadtteilprofile/?status=laufend&region=duesseldorf",
    "/de/wissen/",
    "/de/wissen/?kind=publikation&topic=buergerbeteiligung",
    "/de/themen/",
    "/de/themen/buergerbeteiligung/",
    "/de/suche/?q=Quartier",
    "/de/suche/?q=Netzwerk",
    "/de/suche/?q=Beteiligung&topic=buergerbeteiligung&type=news",
    "/api/v2/pages/?limit=20",
    "/api/v3/news/?topic=buergerbeteiligung",
    "/api/v3/events/",
    "/api/v3/profiles/?status=laufend",
    "/api/v3/knowledge/",
    "/api/v3/search/?q=Quartier",
]

# (language, words, filters): what the search benchmark asks, facets computed every time.
SEARCHES = [
    ("de", "Beteiligung", ""),
    ("de", "Buergerbeteiligung", ""),
    ("de", "Beteiligung", "topic=buergerbeteiligung"),
    ("de", "lokale Ökonomie", "type=news&year=2024"),
    ("de", "Werkstaetten", "type=workshop"),
    ("de", "Quartiersmanagement Essen", ""),
    ("de", "Beteilgung", ""),
    ("de", "Zwergpinscher", ""),
    ("de", "Quartier", "topic=lokale-oekonomie&region=duesseldorf"),
    ("en", "participation", ""),
]


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.95))]


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
        parser.add_argument("--runs", type=int, default=50, help="requests per URL or search")
        parser.add_argument("paths", nargs="*", help="URLs to measure (default: main pages)")

    def handle(self, *args, runs, paths, **options):
        gc.freeze()  # what is loaded stays, as in a worker (cms.wsgi)
        self.stdout.write(
            f"Database: {connection.vendor}, {Page.objects.filter(depth__gt=1).count()} pages, "
            f"{runs} runs each"
        )
        self.bench_pages(runs, paths or DEFAULT_PATHS)
        if not paths:
            self.bench_search(runs)

    def bench_search(self, runs):
        """The search service alone (ranking, facets, snippets of the first page)."""

        self.stdout.write("")
        self.stdout.write(
            f"{'search (service, with facets)':52} {'hits':>6} {'queries':>7} "
            f"{'p50 ms':>8} {'p95 ms':>8}"
        )

        for language, text, filters in SEARCHES:
            params = QueryDict(filters)

            def run(text=text, params=params, language=language):
                response = search(text, params, language, per_page=10)
                attach_snippets(response.hits, response, language)
                return response

            with translation.override(language):
                response = run()
                queries = QueryCounter()
                with connection.execute_wrapper(queries):
                    run()
                timings = []
                for __ in range(runs):
                    start = time.perf_counter()
                    run()
                    timings.append((time.perf_counter() - start) * 1000)
            p50, p95 = percentiles(timings)
            label = f"{language} {text!r} {filters}".strip()
            self.stdout.write(
                f"{label:52} {response.count:>6} {queries.count:>7} {p50:>8.1f} {p95:>8.1f}"
            )

    def bench_pages(self, runs, paths):
        client = Client(HTTP_HOST="localhost")
        self.stdout.write(f"{'URL':60} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
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
            p50, p95 = percentiles(timings)
            self.stdout.write(
                f"{path:60} {response.status_code:>6} {queries.count:>7} {p50:>8.1f} {p95:>8.1f}"
            )
