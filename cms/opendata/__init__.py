"""Open data: the network's datasets as downloads with stable URLs and a DCAT-AP.de catalogue.

``cms`` must not import the content apps, so each app declares its datasets in its own
``datasets`` module (``register(Dataset(...))``); :func:`datasets` discovers them with Django's
module autodiscovery, as the scheduler finds ``jobs`` and the demo loader ``demo_content``.
A dataset is built from its app's listing code: the same querysets (``cms.querysets.visible``)
and the same :class:`cms.listing.FilterSet` as the HTML pages, so a download holds exactly
what a visitor sees and takes the same filters as query parameters.

- :mod:`cms.opendata.formats`: the writers (CSV, JSON) every table-like dataset shares.
- :mod:`cms.opendata.views`: downloads with conditional GET, streamed, and the catalogue.
- :mod:`cms.opendata.dcat`: the DCAT-AP.de catalogue (rdflib), Turtle and JSON-LD.
"""

from .registry import Column, Dataset, Format, datasets, get_dataset, register

__all__ = ["Column", "Dataset", "Format", "datasets", "get_dataset", "register"]
