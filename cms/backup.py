"""Backup and restore of the whole site: the PostgreSQL database and the media files.

A backup is one directory, named after its time (UTC)::

    sozialestadt-20250301T020000Z/
        manifest.json    when, from which code and database; the site's counts; size and
                         sha256 of every other file
        database.dump    pg_dump, custom format
        media/...        every file of the default storage, under its storage name

A directory (not an archive) lets rsync, restic or borg copy only what changed: the media files
of two backups are mostly the same bytes. The counts in the manifest are read in the snapshot
that pg_dump dumps (``pg_export_snapshot()`` + ``pg_dump --snapshot``), so a restore can check
that it got exactly what was backed up even while editors kept working during the backup.

Media files are read and written through Django's storage API, so a backup taken from a
file-system storage restores into an object store and back. Files are listed after the
database snapshot: an upload during the backup may be in the backup without its database row,
never the other way round for files that existed before.

Restoring goes into an empty database and an empty media store only. Merging a backup into a
live site would leave a mixture of old and new rows that no one can check; to replace a site,
create a new database (and media location), restore there and switch over.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.postgresql.client import DatabaseClient

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.listing.stored import new_database_identity

MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
MEDIA_DIR = "media"
FORMAT_VERSION = 1
NAME_PREFIX = "sozialestadt-"
NAME_PATTERN = re.compile(rf"^{NAME_PREFIX}\d{{8}}T\d{{6}}Z$")
CHUNK_SIZE = 1024 * 1024

Log = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the backup directory, with "/"
    size: int
    sha256: str


# Counting ------------------------------------------------------------------------------------


def site_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """What a restore must give back exactly: pages, revisions, documents, images, users."""
    return {
        "pages": Page.objects.using(using).count(),
        "revisions": Revision.objects.using(using).count(),
        "documents": get_document_model().objects.using(using).count(),
        "images": get_image_model().objects.using(using).count(),
        "users": get_user_model().objects.using(using).count(),
    }


# The database --------------------------------------------------------------------------------


def require_postgresql(using: str = DEFAULT_DB_ALIAS):
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise BackupError(
            f"Backup and restore need PostgreSQL (pg_dump/pg_restore); the database {using!r} "
            f"is {connection.vendor}. Copy an SQLite file with the site stopped instead."
        )
    return connection


def libpq_environment(settings_dict: dict) -> dict[str, str]:
    """The environment that points pg_dump/pg_restore at the database of ``settings_dict``.

    Connection details go into libpq's PG* variables, not onto the command line, so the
    password never shows in the process list. Django's psql client supplies the TLS options.
    """
    _, client_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = dict(os.environ)
    env.update(client_env or {})
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def run_client(arguments: list[str], settings_dict: dict) -> str:
    program = arguments[0]
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} was not found. Install the PostgreSQL client programs "
            "(Debian: postgresql-client) in the version of the server or newer."
        )
    result = subprocess.run(
        arguments,
        env=libpq_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed (exit {result.returncode}):\n{result.stderr.strip()}")
    return result.stdout


def database_relations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Tables, views and sequences outside PostgreSQL's own schemas: what makes a database used."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            """
            SELECT n.nspname || '.' || c.relname
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE %s
              AND n.nspname NOT LIKE %s
            ORDER BY 1
            """,
            [r"pg\_toast%", r"pg\_temp\_%"],
        )
        return [row[0] for row in cursor.fetchall()]


# Media ---------------------------------------------------------------------------------------


def default_storage() -> Storage:
    return storages["default"]


def storage_files(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in ``storage``, depth first, sorted (a missing root counts as empty)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(directory, name) if directory else name
    for name in sorted(directories):
        yield from storage_files(storage, posixpath.join(directory, name) if directory else name)


def safe_relative_path(name: str) -> PurePosixPath:
    """``name`` as a relative path that cannot leave the directory it is joined to."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or any(part in ("", ".", "..") for part in path.parts):
        raise BackupError(f"Unsafe file name in the backup or the media store: {name!r}")
    return path


def copy_with_digest(source, destination) -> tuple[int, str]:
    """Copy between two open binary files in chunks; the size and sha256 of what was copied."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK_SIZE):
        digest.update(chunk)
        size += len(chunk)
        destination.write(chunk)
    return size, digest.hexdigest()


def file_entry(root: Path, relative: str) -> FileEntry:
    digest = hashlib.sha256()
    size = 0
    with open(root / relative, "rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
    return FileEntry(relative, size, digest.hexdigest())


# Backup --------------------------------------------------------------------------------------


def code_version() -> dict[str, str | None]:
    try:
        version = metadata.version("soziale-stadt-cms")
    except metadata.PackageNotFoundError:
        version = None
    revision = None
    if shutil.which("git") and (settings.BASE_DIR / ".git").exists():
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            revision = result.stdout.strip()
    return {"version": version, "git_revision": revision}


def dump_database(using: str, destination: Path) -> tuple[str, dict[str, int]]:
    """Dump the database and count the site in one snapshot; the snapshot id and the counts.

    A read-only REPEATABLE READ transaction exports its snapshot; pg_dump dumps exactly that
    snapshot while the transaction stays open, and the counts are read inside it.
    """
    connection = require_postgresql(using)
    if connection.in_atomic_block:
        raise BackupError("The backup must not run inside a database transaction.")
    # Connecting first does Django's health check now, not as the transaction's first query.
    connection.ensure_connection()
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = site_counts(using)
        run_client(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={destination}",
            ],
            connection.settings_dict,
        )
    return snapshot, counts


def backup_media(storage: Storage, destination: Path, log: Log) -> list[FileEntry]:
    entries = []
    for name in storage_files(storage):
        relative = safe_relative_path(name)
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(target, "wb") as handle:
            size, sha256 = copy_with_digest(source, handle)
        entries.append(FileEntry(f"{MEDIA_DIR}/{relative}", size, sha256))
    log(f"Media: {len(entries)} files, {sum(entry.size for entry in entries)} bytes.")
    return entries


def create_backup(
    directory: Path,
    *,
    using: str = DEFAULT_DB_ALIAS,
    storage: Storage | None = None,
    log: Log = lambda message: None,
) -> Path:
    """Write a complete backup into a new subdirectory of ``directory``; its path.

    The backup is written under a temporary name and renamed when complete, so a directory
    named ``sozialestadt-…`` is always a whole backup.
    """
    connection = require_postgresql(using)
    storage = storage or default_storage()
    created = datetime.now(UTC).replace(microsecond=0)
    name = f"{NAME_PREFIX}{created:%Y%m%dT%H%M%SZ}"
    directory = Path(directory)
    final = directory / name
    partial = directory / f".{name}.partial"
    if final.exists() or partial.exists():
        raise BackupError(f"{final} exists already; wait a second and try again.")
    partial.mkdir(parents=True)
    try:
        snapshot, counts = dump_database(using, partial / DATABASE_DUMP)
        log(f"Database {connection.settings_dict['NAME']}: dumped ({counts}).")
        entries = [file_entry(partial, DATABASE_DUMP)]
        entries += backup_media(storage, partial / MEDIA_DIR, log)
        manifest = {
            "format": FORMAT_VERSION,
            "created": created.isoformat(),
            "app": code_version(),
            "database": {
                "name": connection.settings_dict["NAME"],
                "server_version": connection.pg_version,
                "snapshot": snapshot,
                "dump": DATABASE_DUMP,
            },
            "counts": counts,
            "files": [asdict(entry) for entry in entries],
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest complete backups in ``directory``; what was deleted.

    Only directories this module made (``sozialestadt-<UTC time>`` with a manifest) count;
    anything else in the directory is left alone.
    """
    if keep < 1:
        raise BackupError("--keep must be at least 1.")
    backups = sorted(
        path
        for path in Path(directory).iterdir()
        if path.is_dir() and NAME_PATTERN.match(path.name) and (path / MANIFEST).is_file()
    )
    removed = backups[:-keep]
    for path in removed:
        shutil.rmtree(path)
    return removed


# Restore -------------------------------------------------------------------------------------


def read_manifest(backup: Path) -> dict:
    path = Path(backup) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(f"{backup} is not a backup: it has no {MANIFEST}.") from exc
    except ValueError as exc:
        raise BackupError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} is not a backup manifest of format {FORMAT_VERSION}.")
    return manifest


def manifest_entries(manifest: dict) -> list[FileEntry]:
    try:
        entries = [
            FileEntry(item["path"], item["size"], item["sha256"]) for item in manifest["files"]
        ]
    except (KeyError, TypeError) as exc:
        raise BackupError("The manifest's file list is malformed.") from exc
    for entry in entries:
        safe_relative_path(entry.path)
    if DATABASE_DUMP not in {entry.path for entry in entries}:
        raise BackupError(f"The manifest lists no {DATABASE_DUMP}.")
    return entries


def verify_files(backup: Path, entries: list[FileEntry]) -> None:
    """Every file the manifest lists is there with its size and sha256; else nothing is changed."""
    problems = []
    for entry in entries:
        path = backup / entry.path
        if not path.is_file():
            problems.append(f"missing: {entry.path}")
            continue
        actual = file_entry(backup, entry.path)
        if actual.size != entry.size or actual.sha256 != entry.sha256:
            problems.append(f"checksum mismatch: {entry.path}")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(
            f"The backup is damaged; nothing was restored.\n  {shown}{more}",
        )


def require_empty_target(using: str, storage: Storage) -> None:
    relations = database_relations(using)
    name = connections[using].settings_dict["NAME"]
    if relations:
        raise BackupError(
            f"The database {name!r} is not empty ({len(relations)} tables, views or sequences, "
            f"e.g. {relations[0]}). Restore into a new, empty database."
        )
    first_file = next(storage_files(storage), None)
    if first_file is not None:
        raise BackupError(
            f"The media store is not empty (e.g. {first_file!r}). "
            "Restore into an empty media location."
        )


def restore_backup(
    backup: Path,
    *,
    using: str = DEFAULT_DB_ALIAS,
    storage: Storage | None = None,
    log: Log = lambda message: None,
) -> dict:
    """Restore ``backup`` into the empty database ``using`` and the empty ``storage``.

    Checks everything that can be checked before changing anything (manifest, checksums, empty
    target); pg_restore runs in one transaction; the counts are compared at the end. Returns
    the manifest.
    """
    backup = Path(backup)
    connection = require_postgresql(using)
    storage = storage or default_storage()
    manifest = read_manifest(backup)
    entries = manifest_entries(manifest)
    verify_files(backup, entries)
    log(f"Checksums of {len(entries)} files verified.")
    require_empty_target(using, storage)

    run_client(
        [
            "pg_restore",
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME'] or 'postgres'}",
            str(backup / DATABASE_DUMP),
        ],
        connection.settings_dict,
    )
    log(f"Database {connection.settings_dict['NAME']}: restored.")

    media = [entry for entry in entries if entry.path.startswith(f"{MEDIA_DIR}/")]
    for entry in media:
        name = entry.path.removeprefix(f"{MEDIA_DIR}/")
        with open(backup / entry.path, "rb") as handle:
            saved = storage.save(name, File(handle, name=posixpath.basename(name)))
        if saved != name:
            raise BackupError(f"The media store saved {name!r} as {saved!r}; restore stopped.")
    log(f"Media: {len(media)} files restored.")

    expected = manifest.get("counts", {})
    actual = site_counts(using)
    if actual != expected:
        raise BackupError(
            f"The restored site's counts differ from the backup's: {actual} != {expected}."
        )
    log(f"Counts verified: {actual}.")
    # Its own content identity: what caches hold for the database the backup came from is not
    # this database's content (``cms.pagecache``).
    new_database_identity(using)
    return manifest
