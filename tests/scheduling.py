"""The order in which pytest-xdist hands the test modules to its workers (``--dist loadfile``
with ``--no-loadscope-reorder``, see the Makefile).

Two things cost wall time on two workers: a worker that waits for the other, and a long module
that starts last (the other worker has nothing left to do). So:

- Modules run longest first (``tests/durations.json``: seconds per module from an earlier run,
  written by ``python -m tests.scheduling JUNIT_XML``; a module missing there counts
  ``DEFAULT_SECONDS_PER_TEST`` per test). Stale figures only cost time, never correctness.
- The demo content (``demo_content``, ``demo_template``) is built once per run by the first
  module that asks for it, and every other module asking meanwhile waits
  (``tests.databases.shared_template``). The longest demo module therefore goes first, to one
  worker, and the other worker gets at least
  ``DEMO_BUILD_SECONDS`` of modules without the demo before the next demo module comes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DURATIONS = Path(__file__).with_name("durations.json")
DEFAULT_SECONDS_PER_TEST = 0.5
DEMO_BUILD_SECONDS = 90
DEMO_FIXTURES = ("demo_content", "demo_template")  # a module with either waits for the build


def module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def load_durations(path: Path = DURATIONS) -> dict[str, float]:
    try:
        return {str(k): float(v) for k, v in json.loads(path.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def module_order(modules: dict[str, int], demo: set[str], durations: dict[str, float]):
    """The modules (path → number of tests) in the order they should be handed out."""

    def seconds(module):
        return durations.get(module, DEFAULT_SECONDS_PER_TEST * modules[module])

    longest_first = sorted(modules, key=lambda module: -seconds(module))  # stable for ties
    first_demo = next((module for module in longest_first if module in demo), None)
    if first_demo is None:
        return longest_first
    order, rest, waited = [first_demo], [], 0.0
    for module in longest_first:
        if module == first_demo:
            continue
        if module not in demo and waited < DEMO_BUILD_SECONDS:
            order.append(module)
            waited += seconds(module)
        else:
            rest.append(module)
    return order + rest


def reorder(items: list) -> None:
    """Sort ``items`` (pytest's collected items, in place) module by module as above; the
    tests of a module keep their order."""
    by_module: dict[str, list] = {}
    for item in items:
        by_module.setdefault(module_of(item.nodeid), []).append(item)
    demo = {
        module
        for module, module_items in by_module.items()
        if any(
            name in getattr(item, "fixturenames", ())
            for item in module_items
            for name in DEMO_FIXTURES
        )
    }
    counts = {module: len(module_items) for module, module_items in by_module.items()}
    order = module_order(counts, demo, load_durations())
    items[:] = [item for module in order for item in by_module[module]]


def durations_from_junit(path: str) -> dict[str, float]:
    """Seconds per test module (setup, call and teardown) from pytest's ``--junitxml``."""
    import xml.etree.ElementTree as ElementTree

    seconds: dict[str, float] = {}
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        parts = case.get("classname", "").split(".")
        while parts and not parts[-1].startswith("test_"):
            parts.pop()  # test classes
        if parts:
            module = "/".join(parts) + ".py"
            seconds[module] = seconds.get(module, 0.0) + float(case.get("time") or 0)
    return {module: round(value, 1) for module, value in sorted(seconds.items())}


if __name__ == "__main__":
    DURATIONS.write_text(json.dumps(durations_from_junit(sys.argv[1]), indent=1) + "\n")
    print(f"wrote {DURATIONS}")
