"""The project's import graph runs one way: no module of the project packages imports, directly
or through others, a module that imports it back. Every ``import`` and ``from … import`` counts,
also inside functions and methods; relative imports count under the module they name."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "home", "profiles", "events", "knowledge", "search")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            modules[module_name(path)] = path
    return modules


def resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The project module that importing ``name`` loads: the name itself, or the package or
    module that defines it."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imported_modules(source: str, package: str, modules: dict[str, Path]) -> set[str]:
    """The project modules that ``source``, a module of ``package``, imports."""
    targets = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets.update(resolve(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module
            for alias in node.names:
                # ``from package import submodule`` imports the submodule
                targets.add(resolve(f"{origin}.{alias.name}", modules))
    targets.discard(None)
    return targets


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        graph[module] = imported_modules(path.read_text(encoding="utf-8"), package, modules)
    return graph


def test_imports_inside_functions_and_relative_imports_count():
    source = (
        "import cms.params\n"
        "from cms.models import pages\n"
        "def route(request):\n"
        "    from . import views\n"
        "    from .queries import event_list\n"
        "    from django.http import Http404\n"
    )
    assert imported_modules(source, "events", project_modules()) == {
        "cms.params",
        "cms.models.pages",
        "events.views",
        "events.queries",
    }


def test_no_module_imports_itself_around_a_circle():
    try:
        TopologicalSorter(import_graph()).prepare()
    except CycleError as error:
        # graphlib names the circle along "is imported by"; read it along "imports"
        cycle = error.args[1][::-1]
        raise AssertionError(f"import circle: {' -> '.join(cycle)}") from None
