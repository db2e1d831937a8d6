"""The design's dependency rule: ``cms`` is the shared library of the site and imports none of
the content apps, except in the two wiring modules that compose the site (the URL
configuration and the list of API routers). Every ``import`` counts, also inside functions."""

import ast
from pathlib import Path

CMS = Path(__file__).resolve().parents[2] / "cms"
CONTENT_APPS = {"home", "profiles", "events", "knowledge", "search"}
WIRING = {"urls.py", "api/routers.py"}


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_cms_imports_no_content_app_outside_the_wiring():
    offenders = {}
    for path in sorted(CMS.rglob("*.py")):
        relative = path.relative_to(CMS).as_posix()
        if relative in WIRING:
            continue
        bad = sorted(m for m in imported_modules(path) if m.split(".")[0] in CONTENT_APPS)
        if bad:
            offenders[relative] = bad
    assert offenders == {}


def test_the_wiring_modules_exist_and_do_import_the_apps():
    # the exception list must not outlive the files it excuses
    for relative in WIRING:
        assert {m.split(".")[0] for m in imported_modules(CMS / relative)} & CONTENT_APPS
