"""Demo content is built in steps that each app contributes from its own ``demo_content`` module.

``cms`` must not import the content apps, so instead of a central list each app registers its
steps with ``@demo_step(after=(...))``; ``load_demo_content`` discovers them with Django's
module autodiscovery and runs them so that every step comes after the steps it names in
``after`` (a topological order; steps that could run in either order run by name). A step names
what it needs by step name (a step is named after its function:
``after=("topics", "site_tree")``) rather than a position, so a new step slots in
by saying what it reads from the context. Every step must be idempotent: a second run finds what
the first one made and changes nothing.
"""

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class DemoStep:
    name: str
    run: Callable
    after: tuple[str, ...] = ()
    module: str = ""


class DemoStepError(ValueError):
    """A step names a dependency that is not registered, or the dependencies form a cycle."""


_steps: dict[str, DemoStep] = {}


def demo_step(name: str | None = None, *, after: Iterable[str] = ()):
    """Register a function ``run(context)`` as a demo step, to run after the steps named in
    ``after``. A step's name is its function's name unless given; names are unique across
    apps."""
    if isinstance(after, str):
        after = (after,)

    def register(func: Callable) -> Callable:
        step = DemoStep(
            name=name or func.__name__, run=func, after=tuple(after), module=func.__module__
        )
        known = _steps.get(step.name)
        if known is not None and (known.module, known.run.__name__) != (
            step.module,
            func.__name__,
        ):
            raise DemoStepError(
                f"Demo step {step.name!r} is registered twice: in {known.module} and {step.module}"
            )
        _steps[step.name] = step
        return func

    return register


def ordered(steps: Iterable[DemoStep]) -> list[DemoStep]:
    """The steps in an order in which every step comes after the steps it names in ``after``;
    among steps that are ready at the same time the one with the smaller name comes first, so the
    order is the same on every run."""
    by_name = {step.name: step for step in steps}
    for step in by_name.values():
        unknown = [name for name in step.after if name not in by_name]
        if unknown:
            raise DemoStepError(
                f"Demo step {step.name!r} ({step.module}) runs after unknown step(s) "
                f"{', '.join(map(repr, unknown))}; known steps: {', '.join(sorted(by_name))}"
            )
    waiting = {name: set(step.after) for name, step in by_name.items()}
    followers: dict[str, list[str]] = {name: [] for name in by_name}
    for name, needs in waiting.items():
        for need in needs:
            followers[need].append(name)
    ready = [name for name, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    result = []
    while ready:
        name = heapq.heappop(ready)
        result.append(by_name[name])
        for follower in followers[name]:
            waiting[follower].discard(name)
            if not waiting[follower]:
                heapq.heappush(ready, follower)
    if len(result) < len(by_name):
        stuck = sorted(name for name, needs in waiting.items() if needs)
        raise DemoStepError(
            f"Demo steps depend on each other in a cycle: {_cycle(by_name, stuck)} "
            f"(steps that cannot run: {', '.join(stuck)})"
        )
    return result


def _cycle(by_name: dict[str, DemoStep], stuck: list[str]) -> str:
    """One cycle among the stuck steps, as "a → b → a"."""
    stuck_set = set(stuck)
    path, seen = [stuck[0]], {stuck[0]: 0}
    while True:
        following = sorted(n for n in by_name[path[-1]].after if n in stuck_set)
        name = following[0]
        if name in seen:
            return " → ".join([*path[seen[name] :], name])
        seen[name] = len(path)
        path.append(name)


def discover_steps() -> list[DemoStep]:
    autodiscover_modules("demo_content")
    return ordered(_steps.values())
