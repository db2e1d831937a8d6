"""The deployment recipe (deploy/) fits the code: every setting is documented, every command the
units run exists, the gunicorn configuration loads, its application freezes what it loaded, the
Caddyfile is valid."""

import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands
from django.db import connections

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENV_READ = re.compile(r'env_(?:str|int|bool|list)\(\s*"([A-Z0-9_]+)"')


def settings_variables() -> set[str]:
    names = set()
    for module in (ROOT / "cms" / "settings").glob("*.py"):
        names |= set(ENV_READ.findall(module.read_text()))
    return names


def test_env_example_lists_every_setting_the_code_reads():
    example = (DEPLOY / "env.example").read_text()
    listed = set(re.findall(r"^(?:# )?([A-Z0-9_]+)=", example, flags=re.M))  # "# X=": optional
    # development-only switches are not part of a production environment
    missing = (
        settings_variables() - listed - {"DEBUG", "TWO_FACTOR_ENFORCED", "WAGTAILADMIN_BASE_URL"}
    )
    assert not missing, f"deploy/env.example lacks {sorted(missing)}"


def test_units_run_existing_commands_with_the_recipe_paths():
    commands = get_commands()
    for unit in (DEPLOY / "systemd").glob("*.service"):
        text = unit.read_text()
        assert "EnvironmentFile=/etc/sozialestadt/env" in text, unit.name
        for command in re.findall(r"manage\.py (\w+)", text):
            assert command in commands, f"{unit.name}: unknown command {command}"
        assert "deploy/gunicorn.conf.py" in text or "gunicorn" not in text


def test_gunicorn_configuration_loads(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["wsgi_app"] == "cms.wsgi:application"
    assert config["workers"] == 3
    assert config["bind"] == "127.0.0.1:8000"


def test_gunicorn_forks_warm_workers_from_a_master_without_connections(monkeypatch):
    """The application is loaded in the master (preload_app) and each forked worker closes any
    connection it inherited; GUNICORN_PRELOAD_APP=0 loads it in every worker instead."""
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    config["post_fork"](server=None, worker=None)
    assert closed == [True]
    monkeypatch.setenv("GUNICORN_PRELOAD_APP", "0")
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["preload_app"] is False


def load_application(script: str) -> list[str]:
    """What ``script`` prints after loading the application in a fresh interpreter, as
    gunicorn's master does (preload_app)."""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.split()


def test_the_application_loads_warm_and_without_a_connection():
    """Loading cms.wsgi (in gunicorn's master) compiles every public template and reads the
    catalogs, and opens no database connection that forked workers would share."""
    script = (
        "import cms.wsgi\n"
        "from django.db import connection\n"
        "from django.template import engines\n"
        "from cms.warmup import public_template_names\n"
        "cached = engines['django'].engine.template_loaders[0].get_template_cache\n"
        "names = public_template_names()\n"
        "print(len(names), sum(name in cached for name in names), connection.connection is None)"
    )
    public, compiled, unconnected = load_application(script)
    assert int(public) > 50  # base.html, the page types, includes, blocks, errors
    assert compiled == public
    assert unconnected == "True"


def test_a_worker_keeps_what_it_loaded_out_of_the_garbage_collector():
    """cms.wsgi freezes the objects loaded with the application (a full collection then scans
    only what requests leave behind); a fresh interpreter, as a gunicorn worker imports it."""
    script = (
        "import gc, cms.wsgi; "
        "print(gc.get_freeze_count(), len(gc.get_objects()), cms.wsgi.application is not None)"
    )
    frozen, tracked, loaded = load_application(script)
    assert loaded == "True"
    assert int(frozen) > 100_000
    assert int(tracked) < int(frozen) // 10  # next to nothing left for the collector to scan


@pytest.mark.skipif(
    shutil.which("caddy") is None, reason="caddy is not installed (apt install caddy)"
)
def test_caddyfile_is_valid(tmp_path):
    result = subprocess.run(
        [
            "caddy",
            "validate",
            "--adapter",
            "caddyfile",
            "--config",
            str(DEPLOY / "caddy" / "Caddyfile"),
        ],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "SITE_ADDRESS": "http://127.0.0.1:8088",
        },
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_caddy_never_serves_media_from_disk():
    caddyfile = (DEPLOY / "caddy" / "Caddyfile").read_text()
    assert not re.search(r"handle(_path)?\s+/media", caddyfile)
