"""The dataset registry: what a dataset is and where the apps declare theirs."""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

# The EU vocabularies DCAT-AP.de refers to.
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@dataclass(frozen=True)
class Column:
    """One column of a table-like dataset (CSV header, JSON key) and what it holds."""

    name: str
    description: Any  # a lazy translation: the "Offene Daten" page shows it in both languages


@dataclass(frozen=True)
class Format:
    """One way to download a dataset.

    ``write(dataset, items, request)`` yields the file in pieces (str), so a large dataset is
    streamed; ``file_type`` is the code of the EU file-type vocabulary (``CSV``, ``JSON`` …).
    """

    extension: str
    label: str
    media_type: str
    file_type: str
    write: Callable[["Dataset", Iterable, Any], Iterable[str]]
    inline: bool = False  # shown in the browser (JSON) rather than saved (CSV, calendars)


@dataclass
class Dataset:
    """One dataset of the network, declared by the app that owns its pages.

    - ``items(locale, selection)`` yields the visible items the filters chose (the app's
      listing code), in the listing's order; ``row(item, request)`` gives one item as a
      mapping of ``columns`` for CSV and JSON.
    - ``base(locale)`` is the visible queryset the dataset starts from; the ETag, the
      modification date and the catalogue's keywords are computed from it in one query each.
    - ``parse(query)`` reads the filters (the app's FilterSet); ``filter_params`` names them.
    - ``temporal(locale)`` gives the first and last day the data covers (one query).
    """

    slug: str
    title: Any
    description: Any
    columns: list[Column]
    formats: list[Format]
    items: Callable[[Any, Any], Iterable]
    base: Callable[[Any], QuerySet]
    parse: Callable[[Mapping], Any]
    filter_params: list[str] = field(default_factory=list)
    row: Callable[[Any, Any], dict] | None = None
    temporal: Callable[[Any], tuple[datetime.date | None, datetime.date | None]] | None = None
    themes: tuple[str, ...] = ("SOCI",)
    frequency: str = "IRREG"
    order: int = 100

    def format(self, extension: str) -> Format | None:
        return next((fmt for fmt in self.formats if fmt.extension == extension), None)

    @property
    def theme_uris(self) -> list[str]:
        return [DATA_THEME + theme for theme in self.themes]

    @property
    def frequency_uri(self) -> str:
        return FREQUENCY + self.frequency


_datasets: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    """Declare a dataset (from an app's ``datasets`` module)."""
    _datasets[dataset.slug] = dataset
    return dataset


def datasets() -> list[Dataset]:
    """All datasets, in the order the "Offene Daten" page and the catalogue list them."""
    autodiscover_modules("datasets")
    return sorted(_datasets.values(), key=lambda dataset: (dataset.order, dataset.slug))


def get_dataset(slug: str) -> Dataset | None:
    autodiscover_modules("datasets")
    return _datasets.get(slug)


def download_path(slug: str, extension: str, language: str) -> str:
    return reverse(
        "opendata_download",
        kwargs={"language": language, "slug": slug, "extension": extension},
    )


def catalogue_path(extension: str = "ttl") -> str:
    return reverse({"ttl": "opendata_turtle", "jsonld": "opendata_jsonld"}[extension])
