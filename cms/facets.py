"""Facets as the listings and the search show them: options with counts that toggle a filter."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    item: Any = None  # what the value stands for (a Topic, a year), for templates
    # Builds ``query_string`` when a template first asks: most show a facet's options as a
    # form's choices and never ask (the news index: 25 query strings built for nothing).
    toggle: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def query_string(self) -> str:
        """The URL query that toggles this option."""
        return self.toggle() if self.toggle is not None else ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    remove: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def remove_query_string(self) -> str:
        """The URL query without this facet's selection."""
        return self.remove() if self.remove is not None else ""

    @property
    def active(self) -> bool:
        return any(option.selected for option in self.options)
