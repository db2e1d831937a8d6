"""Copies of the test database on PostgreSQL, for data a whole test module shares.

Loading the demo content takes about a minute; ``CREATE DATABASE … TEMPLATE`` copies the loaded
database in about a second. ``DemoTemplate`` holds the loaded database, ``copy()`` gives each test
module its own copy and ``connected()`` points Django's default connection at a database for the
duration of a ``with`` block. Uploaded files live in the in-memory storage of the tests
(``cms.settings.test``), so the template keeps a snapshot of them for each copy.
"""

from __future__ import annotations

import itertools
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import connection

import psycopg
from psycopg import sql

_copies = itertools.count(1)


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
        copy = DemoTemplate(f"{self.name}_{next(_copies)}")
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
