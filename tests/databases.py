"""Copies of the test database on PostgreSQL, for data a whole test module shares.

Loading the demo content takes about a minute; ``CREATE DATABASE … TEMPLATE`` copies the loaded
database in about a second. ``DemoTemplate`` holds the loaded database, ``copy()`` gives each test
module its own copy and ``connected()`` points Django's default connection at a database for the
duration of a ``with`` block. Under pytest-xdist the test processes of one run share one template:
the first that needs it builds it while holding a PostgreSQL advisory lock, the others wait for
the lock and find it built (``shared_template``). Uploaded files live in the in-memory storage of
the tests (``cms.settings.test``), so the template keeps a snapshot of them for each copy.

The empty test database itself comes from a template, too (``migrated_template``): running the
migrations of Wagtail and every other app takes about 30 s of CPU (most of it Django rendering
the models' states), and the suite's two workers and the browser tests each need a test
database. The first process migrates and keeps a copy; the others copy it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import connection

import psycopg
from psycopg import sql

_copies = itertools.count(1)


def copy_name(template: str) -> str:
    """A new name for a copy of ``template``. The workers of a run share the template, so each
    names its copies with its own id (the first copies of two workers were both
    "<template>_1": whichever came second failed to be created)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER") or "main"
    return f"{template}_{worker}_{next(_copies)}"


def server_connection() -> psycopg.Connection:
    """A connection to the maintenance database of the test database's server."""
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


def create_database(name: str, template: str) -> None:
    connection.close()  # the template may have no other session while it is copied
    with server_connection() as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        server.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )


def drop_database(name: str) -> None:
    with server_connection() as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@contextmanager
def connected(name: str):
    """Django's default connection uses database ``name`` inside the block."""
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


class DemoTemplate:
    def __init__(self, name: str):
        self.name = name
        self.files: dict[str, bytes] = {}

    def create(self, from_database: str) -> None:
        create_database(self.name, template=from_database)

    def connected(self):
        return connected(self.name)

    @contextmanager
    def copy(self):
        """A new database copied from the template, dropped when the block ends."""
        copy = DemoTemplate(copy_name(self.name))
        create_database(copy.name, template=self.name)
        try:
            yield copy
        finally:
            connection.close()
            drop_database(copy.name)

    def drop(self) -> None:
        connection.close()
        drop_database(self.name)


def stored_files(storage, directory: str = "") -> dict[str, bytes]:
    """Every file in ``storage`` below ``directory``, by name."""
    directories, files = storage.listdir(directory)
    found = {}
    for name in files:
        path = f"{directory}/{name}" if directory else name
        with storage.open(path, "rb") as handle:
            found[path] = handle.read()
    for name in directories:
        found.update(stored_files(storage, f"{directory}/{name}" if directory else name))
    return found


def restore_files(storage, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        saved = storage.save(path, ContentFile(content))
        assert saved == path, f"{path} was stored as {saved}: the storage was not empty"


# One name per test run: the process that starts the run sets its id (``run_id``) before the
# pytest-xdist workers start, and they inherit it with the environment. The test database's
# name without the worker's suffix ("_gw0") starts the name, so two runs against the same
# database server (the suite and the browser tests side by side) never share or drop each
# other's template.
SHARED_TEMPLATE_PREFIX = "_demo_"
RUN_ID_VARIABLE = "CMS_TEST_RUN_ID"


def run_id() -> str:
    return os.environ.setdefault(RUN_ID_VARIABLE, uuid.uuid4().hex[:12])


def without_worker(test_database: str) -> str:
    """The test database's name without the pytest-xdist worker's suffix ("_gw0")."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return test_database.removesuffix(f"_{worker}") if worker else test_database


def shared_template_name(test_database: str) -> str:
    return f"{without_worker(test_database)}{SHARED_TEMPLATE_PREFIX}{run_id()}"


def _files_path(name: str) -> Path:
    return Path(tempfile.gettempdir()) / f"{name}.files.pickle"


def _database_exists(server, name: str) -> bool:
    return bool(server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def shared_template(test_database: str, build) -> DemoTemplate:
    """The run's demo template, built once: ``build(template)`` loads it (connected to it) and
    fills ``template.files``; a worker that finds it built reads the files' snapshot. The
    snapshot file is written last and marks the template as complete."""
    template = DemoTemplate(shared_template_name(test_database))
    files_path = _files_path(template.name)
    with server_connection() as server:
        server.execute("SELECT pg_advisory_lock(hashtext(%s))", [template.name])
        try:
            if files_path.exists() and _database_exists(server, template.name):
                template.files = pickle.loads(files_path.read_bytes())
                return template
            template.create(from_database=test_database)
            with template.connected():
                build(template)
            files_path.write_bytes(pickle.dumps(template.files))
            return template
        finally:
            server.execute("SELECT pg_advisory_unlock(hashtext(%s))", [template.name])


def drop_shared_template(test_database: str) -> None:
    """Drop this run's demo template (called once the run has ended, by the process that
    started it)."""
    name = shared_template_name(test_database)
    drop_database(name)
    _files_path(name).unlink(missing_ok=True)


# The migrated, empty test database: one template per state of the migrations. Its name starts
# with the test database's name (without the worker's suffix), so that CI's per-run database
# gives per-run templates and the cleanup of "test_<database>%" drops them; on a developer's
# machine it is kept, and the next run with the same migrations skips migrating altogether.
MIGRATED_TEMPLATE_INFIX = "_migrated_"


def migration_files() -> list[Path]:
    """The migration files of every installed app, found on disk (importing them could query
    the database: wagtail-localize's first migration does)."""
    import importlib.util

    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    files = []
    for app in apps.get_app_configs():
        module, __ = MigrationLoader.migrations_module(app.label)
        spec = importlib.util.find_spec(module) if module else None
        for directory in (spec and spec.submodule_search_locations) or []:
            files += Path(directory).glob("*.py")
    return sorted(files)


def migrations_digest(files: list[Path] | None = None) -> str:
    """What a migrated database depends on: every migration file of every installed app, our
    settings files (migrations may read settings) and Django's version."""
    import django
    from django.conf import settings

    digest = hashlib.sha256(f"{django.__version__}|{settings.SETTINGS_MODULE}".encode())
    settings_files = sorted(Path(__file__).resolve().parent.parent.glob("cms/settings/*.py"))
    for path in [*(migration_files() if files is None else files), *settings_files]:
        digest.update(f"|{path.parent.parent.name}/{path.name}|".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def migrated_template_name(test_database: str) -> str:
    return f"{without_worker(test_database)}{MIGRATED_TEMPLATE_INFIX}{migrations_digest()}"


@contextmanager
def migrated_template(test_database: str):
    """Around the creation of the test database (``tests.conftest.django_db_setup``): yields
    whether ``test_database`` was copied from the migrated template (then Django keeps it and
    finds nothing to migrate). If not, the caller migrates it, and when the block ends it
    becomes the template. The first process holds a PostgreSQL advisory lock while it
    migrates; the others wait for it and copy."""
    name = migrated_template_name(test_database)
    with server_connection() as server:
        server.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
        try:
            if _database_exists(server, name):
                create_database(test_database, template=name)
                yield True
                return
            yield False
            create_database(name, template=test_database)
        finally:
            server.execute("SELECT pg_advisory_unlock(hashtext(%s))", [name])
