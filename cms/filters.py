"""What every listing reports about URL values it could not use (``cms.listing``)."""

from dataclasses import dataclass


@dataclass
class Problem:
    """A filter value that could not be used: shown as a note on HTML pages, a 400 in feeds,
    a 422 in the API."""

    parameter: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.parameter}={self.value}: {self.reason}"
