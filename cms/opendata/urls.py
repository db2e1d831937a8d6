"""Stable, language-independent addresses of the open data (wired in ``cms.urls``)::

/daten/katalog.ttl, /daten/katalog.jsonld           the DCAT-AP.de catalogue
/daten/<language>/<dataset>.<format>                 one dataset (/daten/de/kommunen.csv)
"""

from django.urls import path

from . import views
from .registry import catalogue_path, download_path

__all__ = ["catalogue_path", "download_path", "urlpatterns"]

urlpatterns = [
    path("daten/katalog.ttl", views.catalogue, {"extension": "ttl"}, name="opendata_turtle"),
    path("daten/katalog.jsonld", views.catalogue, {"extension": "jsonld"}, name="opendata_jsonld"),
    path(
        "daten/<slug:language>/<slug:slug>.<slug:extension>",
        views.download,
        name="opendata_download",
    ),
]
