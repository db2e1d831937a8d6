"""Restore a backup made by backup_site into an empty database and media store."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore BACKUP (a directory written by backup_site) into the configured database and "
        "media storage. Both must be empty; checksums are verified before and counts after."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="the backup directory (sozialestadt-…)")

    def handle(self, *args, backup: Path, **options):
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            manifest = restore_backup(backup, log=log)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created']} from {backup}.")
        )
