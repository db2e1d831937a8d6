"""Backup and restore of the demo site, end to end on PostgreSQL.

The source site is a throw-away copy of the demo database the tests share (``demo_template``
in tests/conftest.py: migrated, ``load_demo_content``, committed) with its files in a media
folder, so pg_dump sees committed data, exactly as in production; the test's own database and
its transactions are not involved. The restored site lives in a second
throw-away database and media folder; both sites are read by the same probe script in a
subprocess: counts, rendered pages and a document download. Every database made here is
dropped at the end.

Last, the restored site is served the way the deployment recipe does (``deploy/``): the smoke
test of the production stack.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings

import pytest

from cms.backup import MANIFEST, prune_backups

ROOT = Path(__file__).resolve().parents[2]

# The demo template is copied from the test database, which pytest-django creates only for a
# session that holds database tests.
pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.postgres(
    reason="backups are pg_dump/pg_restore of a PostgreSQL database",
)

# Reads a site the way a visitor and the restore's own check do: counts, a few rendered pages,
# and a document download compared with the stored file.
PROBE = """
import hashlib, json
import django
django.setup()
from django.test import Client
from wagtail.documents import get_document_model
from cms.backup import site_counts

def digest(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [response.status_code, hashlib.sha256(body).hexdigest()]

client = Client()
pages = {path: digest(client.get(path)) for path in ("/de/", "/en/", "/de/aktuelles/")}
document = get_document_model().objects.order_by("pk").first()
with document.file.open("rb") as handle:
    stored = hashlib.sha256(handle.read()).hexdigest()
print(json.dumps({
    "counts": site_counts(),
    "pages": pages,
    "document": {"url": document.url, "download": digest(client.get(document.url)),
                 "stored": stored},
}))
"""


@dataclass
class Site:
    database: str
    media: Path
    observed: dict | None = None  # what the probe saw

    def env(self) -> dict[str, str]:
        environment = dict(os.environ)
        environment.update(
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DEBUG="0",
            DATABASE_URL=database_url(self.database),
            MEDIA_ROOT=str(self.media),
            ALLOWED_HOSTS="testserver,localhost",
        )
        return environment

    def manage(self, *arguments: str, timeout: int = 900) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def probe(self) -> dict:
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])


def database_url(name: str) -> str:
    """The test server's address (from the test settings) with another database name."""
    server = settings.DATABASES["default"]
    credentials = quote(server["USER"] or "", safe="")
    if server["PASSWORD"]:
        credentials += ":" + quote(server["PASSWORD"], safe="")
    host = server["HOST"] or "localhost"
    return f"postgres://{credentials}@{host}:{server['PORT'] or 5432}/{name}"


def server_connection():
    import psycopg

    server = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        host=server["HOST"] or "localhost",
        port=server["PORT"] or 5432,
        user=server["USER"] or None,
        password=server["PASSWORD"] or None,
        autocommit=True,
    )


class ThrowAwayDatabases:
    def __init__(self):
        self.names: list[str] = []
        self.prefix = f"backup_test_{secrets.token_hex(4)}"

    def create(self, label: str, template: str = "") -> str:
        """An empty database, or a copy of ``template``."""
        from psycopg import sql

        name = f"{self.prefix}_{label}"
        statement = (
            "CREATE DATABASE {} TEMPLATE {}"
            if template
            else ("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'")
        )
        with server_connection() as server:
            server.execute(
                sql.SQL(statement).format(
                    sql.Identifier(name), *([sql.Identifier(template)] if template else [])
                )
            )
        self.names.append(name)
        return name

    @staticmethod
    def connect(name: str):
        import psycopg

        server = settings.DATABASES["default"]
        return psycopg.connect(
            dbname=name,
            host=server["HOST"] or "localhost",
            port=server["PORT"] or 5432,
            user=server["USER"] or None,
            password=server["PASSWORD"] or None,
        )

    def tables(self, name: str) -> int:
        with self.connect(name) as database:
            return database.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]

    def content_identities(self, name: str) -> list:
        """``ContentVersion.database`` of the database ``name`` (one row)."""
        with self.connect(name) as database:
            return [row[0] for row in database.execute("SELECT database FROM cms_contentversion")]

    def drop_all(self):
        from psycopg import sql

        with server_connection() as server:
            for name in self.names:
                server.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def succeeded(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{result.args}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def databases():
    throw_away = ThrowAwayDatabases()
    yield throw_away
    throw_away.drop_all()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("backup")


@pytest.fixture(scope="module")
def source(databases, workdir, demo_template) -> Site:
    """The demo site in a committed database, read once by the probe before it is backed up."""
    site = Site(databases.create("source", template=demo_template.name), workdir / "source-media")
    for name, content in demo_template.files.items():
        (site.media / name).parent.mkdir(parents=True, exist_ok=True)
        (site.media / name).write_bytes(content)
    # No migrate: the template is a copy of the migrated test database (a Django start saved).
    # Render first: renditions made while rendering then belong to the backup as well.
    site.observed = site.probe()
    return site


@pytest.fixture(scope="module")
def backup(source, workdir) -> Path:
    result = succeeded(source.manage("backup_site", str(workdir / "backups")))
    (path,) = (workdir / "backups").glob("sozialestadt-*")
    assert str(path) in result.stdout
    return path


@pytest.fixture(scope="module")
def restored(databases, workdir, backup) -> Site:
    site = Site(databases.create("restored"), workdir / "restored-media")
    succeeded(site.manage("restore_site", str(backup)))
    return site


@postgres_only
def test_backup_manifest_describes_the_dump_and_every_media_file(source, backup):
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["counts"] == source.observed["counts"]
    assert manifest["database"]["name"] == source.database
    assert manifest["app"]["version"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {
        path.relative_to(backup).as_posix()
        for path in backup.rglob("*")
        if path.is_file() and path.name != MANIFEST
    }
    assert set(listed) == on_disk
    media = {path.relative_to(source.media).as_posix() for path in source.media.rglob("*")}
    assert {f"media/{name}" for name in media if (source.media / name).is_file()} == (
        on_disk - {"database.dump"}
    )
    assert all(len(entry["sha256"]) == 64 and entry["size"] > 0 for entry in listed.values())


@postgres_only
def test_restored_site_has_the_same_content_pages_and_downloads(source, restored):
    before, after = source.observed, restored.probe()
    assert before["counts"]["pages"] > 100
    assert before["counts"]["documents"] > 0
    assert before["counts"]["images"] > 0
    assert after["counts"] == before["counts"]
    for path, (status, _) in before["pages"].items():
        assert status == 200, path
    assert after["pages"] == before["pages"]
    assert before["document"]["download"][0] == 200
    assert before["document"]["download"][1] == before["document"]["stored"]
    assert after["document"] == before["document"]


@postgres_only
def test_the_restored_database_has_a_content_identity_of_its_own(databases, source, restored):
    # The page cache keys its responses by it (``cms.pagecache``): those cached for the site
    # the backup came from are never served from the restored one.
    (original,) = databases.content_identities(source.database)
    (copy,) = databases.content_identities(restored.database)
    assert copy != original


@postgres_only
def test_restore_refuses_a_database_that_is_not_empty(restored, backup):
    result = restored.manage("restore_site", str(backup))
    assert result.returncode != 0
    assert "is not empty" in result.stderr
    assert "Restore into a new, empty database" in result.stderr


@postgres_only
def test_restore_refuses_a_media_store_that_is_not_empty(databases, workdir, backup):
    site = Site(databases.create("media_in_the_way"), workdir / "used-media")
    (site.media / "documents").mkdir(parents=True)
    (site.media / "documents" / "old.pdf").write_bytes(b"%PDF-1.4 old")
    result = site.manage("restore_site", str(backup))
    assert result.returncode != 0
    assert "media store is not empty" in result.stderr
    assert databases.tables(site.database) == 0


@postgres_only
def test_restore_refuses_a_damaged_backup_and_changes_nothing(databases, workdir, backup):
    damaged = workdir / "damaged" / backup.name
    shutil.copytree(backup, damaged)
    victim = next(path for path in sorted((damaged / "media").rglob("*.pdf")))
    content = bytearray(victim.read_bytes())
    content[len(content) // 2] ^= 0xFF
    victim.write_bytes(bytes(content))

    site = Site(databases.create("from_damaged"), workdir / "damaged-media")
    result = site.manage("restore_site", str(damaged))
    assert result.returncode != 0
    assert f"checksum mismatch: {victim.relative_to(damaged).as_posix()}" in result.stderr
    assert databases.tables(site.database) == 0
    assert not site.media.exists() or not any(site.media.rglob("*"))


def test_backup_refuses_sqlite_with_a_clear_error(tmp_path):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "backup_site", str(tmp_path / "backups")],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "Backup and restore need PostgreSQL" in result.stderr
    assert not (tmp_path / "backups").exists()


def test_prune_keeps_the_newest_complete_backups_and_nothing_else(tmp_path):
    names = [f"sozialestadt-2025010{day}T020000Z" for day in range(1, 6)]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / MANIFEST).write_text("{}")
    (tmp_path / "sozialestadt-20240101T020000Z").mkdir()  # no manifest: not ours to judge
    (tmp_path / "notes").mkdir()
    (tmp_path / ".sozialestadt-20250106T020000Z.partial").mkdir()

    removed = prune_backups(tmp_path, keep=2)

    assert [path.name for path in removed] == names[:3]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [
            *names[3:],
            "sozialestadt-20240101T020000Z",
            "notes",
            ".sozialestadt-20250106T020000Z.partial",
        ]
    )


# --- The restored site under the recipe's production server -----------------------------------
# deploy/serve-production.sh (production settings, gunicorn, whitenoise, the page cache in a
# directory) serves the restored database and media folder on a loopback port: what an operator
# gets after following the README's production section and restoring a backup.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    port: int

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            # Caddy in front sets X-Forwarded-Proto: the request counts as HTTPS (HSTS).
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **headers})
            response = connection.getresponse()
            return (
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
        finally:
            connection.close()


@pytest.fixture(scope="module")
def production(restored, workdir) -> Served:
    port = free_port()
    environment = restored.env()
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.update(
        PORT=str(port),
        VENV_BIN=str(Path(sys.executable).parent),
        ALLOWED_HOSTS="127.0.0.1",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_HSTS_SECONDS="31536000",
        EMAIL_HOST="localhost",
        STATIC_ROOT=str(workdir / "static"),
        CACHE_DIR=str(workdir / "page-cache"),
        GUNICORN_WORKERS="2",
        LOG_LEVEL="WARNING",
    )
    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(ROOT / "deploy" / "serve-production.sh")],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    served = Served(port)
    try:
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, (workdir / "gunicorn.log").read_text()
            assert time.monotonic() < deadline, "no answer on /healthz within 300 s"
            try:
                if served.get("/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        yield served
    finally:
        os.killpg(server.pid, signal.SIGINT)  # gunicorn: quick shutdown
        server.wait(timeout=60)
        log.close()


SECURITY_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
}


@postgres_only
def test_production_start_page_has_security_headers_and_comes_from_the_cache(production):
    status, headers, first = production.get("/de/")
    assert status == 200
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, (name, headers.get(name))
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "permissions-policy" in headers
    assert "set-cookie" not in headers
    assert headers["x-cache"] == "MISS"

    status, headers, second = production.get("/de/")
    assert (status, headers["x-cache"], second) == (200, "HIT", first)
    assert "set-cookie" not in headers
    assert headers.get("x-frame-options") == "DENY"


@postgres_only
def test_production_serves_renditions_static_files_and_a_download(production):
    _, _, html = production.get("/de/")
    renditions = re.findall(rb'src="(/media/images/[^"]+)"', html)
    assert renditions, "the start page shows no image"
    status, headers, body = production.get(renditions[0].decode())
    assert status == 200
    assert body
    assert headers["content-type"].startswith("image/")
    assert "immutable" in headers["cache-control"]

    (stylesheet,) = re.findall(rb'href="(/static/[^"]+\.css)"', html)[:1]
    status, headers, _ = production.get(stylesheet.decode())
    assert status == 200
    assert "max-age" in headers["cache-control"]

    status, _, listing = production.get("/api/v2/documents/")
    assert status == 200
    url = json.loads(listing)["items"][0]["meta"]["download_url"]
    status, headers, body = production.get(urlsplit(url).path)
    assert status == 200
    assert body
    assert "attachment" in headers.get("content-disposition", "") or body.startswith(b"%PDF")


@postgres_only
def test_production_api_schema_sitemap_and_errors(production):
    status, _, body = production.get("/api/v3/openapi.json")
    assert status == 200
    assert json.loads(body)["openapi"].startswith("3.")

    status, _, sitemap = production.get("/sitemap.xml")
    assert status == 200
    assert b"<urlset" in sitemap
    assert production.get("/sitemap.xml")[1]["x-cache"] == "HIT"

    status, _, body = production.get("/de/gibt-es-nicht/")
    assert status == 404
    assert b"<html" in body.lower()
    assert production.get("/de/suche/?q=%00")[0] == 400
