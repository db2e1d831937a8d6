"""Stable, language-independent addresses of the open data (wired in ``cms.urls``)::

/daten/katalog.ttl, /daten/katalog.jsonld           the DCAT-AP.de catalogue
/daten/<language>/<dataset>.<format>                 one dataset (/daten/de/kommunen.csv)
"""

from django.urls import path, re_path, reverse

from . import views

urlpatterns = [
    re_path(
        r"^daten/katalog\.(?P<extension>ttl|jsonld)$", views.catalogue, name="opendata_catalogue"
    ),
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
    return reverse("opendata_catalogue", kwargs={"extension": extension})
