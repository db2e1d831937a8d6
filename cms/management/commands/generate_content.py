"""Add synthetic pages of every type for benchmarks (see cms.demo.synthetic).

Refused under production settings unless forced (cms.management.demo_guard)."""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from cms.demo import synthetic
from cms.management.demo_guard import DemoCommandMixin


class Command(DemoCommandMixin, BaseCommand):
    creates = ("synthetische Benchmark-Seiten", "synthetic benchmark pages")

    help = (
        "Top the synthetic pages (news, events, district profiles, publications, workshops) up "
        "to --pages, in bulk, below the demo content's overview pages. For benchmark databases: "
        "the pages have no revisions."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--pages", type=int, default=10_000, help="synthetic pages wanted")
        parser.add_argument("--seed", type=int, default=2026, help="seed of the text generator")

    def handle(self, *args, pages, seed, **options):
        if pages < 0:
            raise CommandError("--pages must not be negative.")
        missing = max(0, pages - sum(synthetic.existing_counts().values()))
        with tqdm(
            total=missing,
            unit="page",
            desc="Synthetic pages",
            disable=options["verbosity"] < 1 or not missing,
            file=self.stderr,
        ) as bar:
            try:
                added = synthetic.generate(pages, seed=seed, progress=bar.update)
            except LookupError as missing_parent:
                raise CommandError(
                    f"No {missing_parent} to put synthetic pages under: "
                    "run manage.py load_demo_content first."
                ) from missing_parent
        summary = ", ".join(f"{count} × {kind}" for kind, count in added.items() if count)
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic pages added: {summary}." if summary else "Synthetic pages complete."
            )
        )
