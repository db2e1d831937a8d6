"""The names of the test run's template databases (tests/databases.py)."""

import pytest

from tests import databases

POSTGRES_NAME_LIMIT = 63  # longer identifiers are cut, and two templates could share a name


def test_the_digest_names_the_state_of_the_migrations():
    files = databases.migration_files()
    names = {f"{path.parent.parent.name}/{path.name}" for path in files}
    assert {"wagtail/0001_initial.py", "profiles/0001_initial.py"} <= names
    digest = databases.migrations_digest()
    assert len(digest) == 12
    assert databases.migrations_digest(files) == digest  # the same files, the same digest
    assert databases.migrations_digest(files[:-1]) != digest  # one migration more or less


@pytest.mark.parametrize("worker", ["", "gw0", "gw1"])
def test_the_workers_and_the_browser_process_share_one_template(monkeypatch, worker):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    test_database = "test_ci_1796312054_10598" + (f"_{worker}" if worker else "")
    name = databases.migrated_template_name(test_database)
    assert name == f"test_ci_1796312054_10598_migrated_{databases.migrations_digest()}"
    assert len(name) <= POSTGRES_NAME_LIMIT


def test_two_workers_never_name_their_copies_of_the_demo_alike(monkeypatch):
    monkeypatch.setenv(databases.RUN_ID_VARIABLE, "48d10310cb0a")
    test_database = "test_ci_1796312054_10598"
    names = []
    for worker in ("gw0", "gw1", "gw0", ""):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        template = databases.shared_template_name(f"{test_database}_{worker}".rstrip("_"))
        assert template == f"{test_database}_demo_48d10310cb0a"  # one template for the run
        names.append(databases.copy_name(template))
    assert len(set(names)) == len(names), names
    assert all(len(name) <= POSTGRES_NAME_LIMIT for name in names), names
