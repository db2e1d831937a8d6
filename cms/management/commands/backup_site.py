"""Back up the database and the media files into a new directory (see cms.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Write a backup (pg_dump of the database, every media file, a manifest with counts and "
        "checksums) into a new directory sozialestadt-<UTC time> under DIRECTORY. PostgreSQL only."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="where the backup directory is created")
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="after a successful backup, delete all but the KEEP newest backups in DIRECTORY",
        )

    def handle(self, *args, directory: Path, keep: int | None, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1.")
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            backup = create_backup(directory, log=log)
            removed = prune_backups(directory, keep) if keep else []
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for path in removed:
            log(f"Removed old backup {path}.")
        self.stdout.write(self.style.SUCCESS(f"Backup written: {backup}"))
