"""Stable, language-independent addresses of the open data (wired in ``cms.urls``)::

/daten/katalog.ttl, /daten/katalog.jsonld           the DCAT-AP.de catalogue
/daten/<language>/<dataset>.<format>                 one dataset (/daten/de/kommunen.csv)
"""

from django.urls import path, reverse

from . import views

urlpatterns = [
    path("daten/katalog.ttl", views.catalogue, {"extension": "ttl"}, name="opendata_turtle"),
    path("daten/katalog.jsonld", views.catalogue, {"extension": "jsonld"}, name="opendata_jsonld"),
    path(
        "daten/<slug:language>/<slug:slug>.<slug:extension>",
        views.download,
        name="opendata_download",
    ),
]


def download_path(slug: str, extension: str, language: str) -> str:
    return reverse(
        "opendata_download",
        kwargs={"language": language, "slug": slug, "extension": extension},
    )


def catalogue_path(extension: str = "ttl") -> str:
    return reverse({"ttl": "opendata_turtle", "jsonld": "opendata_jsonld"}[extension])
