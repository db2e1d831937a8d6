"""Facets as the listings and the search show them: options with counts that toggle a filter."""

from dataclasses import dataclass
from typing import Any


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    query_string: str = ""  # the URL query that toggles this option
    item: Any = None  # what the value stands for (a Topic, a year), for templates


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    remove_query_string: str = ""  # the URL query without this facet's selection

    @property
    def active(self) -> bool:
        return any(option.selected for option in self.options)
