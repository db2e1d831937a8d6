"""Demo content is built in steps that each app contributes from its own ``demo_content`` module.

``cms`` must not import the content apps, so instead of a central list each app registers its
steps with ``@demo_step(order)``; ``load_demo_content`` discovers them with Django's module
autodiscovery and runs them in order. Every step must be idempotent: a second run finds what the
first one made and changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules


@dataclass(order=True)
class DemoStep:
    order: int
    name: str
    run: Callable = field(compare=False)


_steps: dict[str, DemoStep] = {}


def demo_step(order: int):
    """Register a function ``run(context)`` as a demo step; lower orders run first."""

    def register(func: Callable) -> Callable:
        name = f"{func.__module__}.{func.__name__}"
        _steps[name] = DemoStep(order=order, name=name, run=func)
        return func

    return register


def discover_steps() -> list[DemoStep]:
    autodiscover_modules("demo_content")
    return sorted(_steps.values())
