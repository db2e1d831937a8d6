"""Build the demo site (German with English translations) from the content in the repository.

Refused under production settings unless forced (cms.management.demo_guard)."""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from cms.demo.context import DemoContext
from cms.demo.registry import discover_steps
from cms.demo.statistics import refresh_statistics
from cms.management.demo_guard import DemoCommandMixin
from cms.search_index import deferred_search_index


class Command(DemoCommandMixin, BaseCommand):
    help = (
        "Create the demo content in German and English. Idempotent: a second run finds what the "
        "first made and changes nothing."
    )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs every page action at INFO; hundreds of lines would bury the summary.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        context = DemoContext(write=self.stdout.write)
        # New translations start as copies under the German slug; publishing them under their
        # English slug would leave a redirect from an address that never existed.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), deferred_search_index():
            for step in discover_steps():
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {step.name}")
                with transaction.atomic():
                    step.run(context)
        if context.created:
            refresh_statistics()
            summary = ", ".join(
                f"{count} × {kind}" for kind, count in sorted(context.created.items())
            )
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content is complete; nothing to do."))
