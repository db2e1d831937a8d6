"""Rebuild the stored listings (``cms.listing.stored``) now.

They rebuild themselves on the first request after public content changed; run this after
writing pages around the ORM's signals (raw SQL, a data migration), or to warm them after a
deployment.
"""

import time

from django.core.management.base import BaseCommand

from cms.listing.stored import REGISTRY, content_changed


class Command(BaseCommand):
    help = "Rebuild the stored listings (the library's entries, ...) from the page tree."

    def handle(self, *args, **options):
        content_changed()  # whatever was built before is stale now
        for name, stored in sorted(REGISTRY.items()):
            started = time.perf_counter()
            stored.rebuild()
            count = stored.count()
            seconds = time.perf_counter() - started
            self.stdout.write(f"{name}: {count} entries in {seconds:.2f} s")
