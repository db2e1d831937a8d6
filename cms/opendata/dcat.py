"""The DCAT-AP.de catalogue of the datasets (rdflib), for GovData and the NRW portal.

One catalogue with one dataset per registered :class:`~cms.opendata.Dataset` and one
distribution per format and language. Titles and descriptions come in German and English
(the msgids are English, the German comes from the catalogue of translations); publisher,
licence and contact point come from the site settings; the spatial coverage is the state of
North Rhine-Westphalia; themes, formats and frequencies use the EU vocabularies.
Specification: https://www.dcat-ap.de/def/dcatde/2.0/spec/
"""

import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cms.localization import locale_ids
from cms.models import SiteSettings, TaggedPage, Topic

from .changes import latest_log
from .registry import FILE_TYPE, catalogue_path, datasets, download_path

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"de": "DEU", "en": "ENG"}
# North Rhine-Westphalia in the vocabularies of DCAT-AP.de (state key 05).
NRW = URIRef("http://dcat-ap.de/def/politicalGeocoding/stateKey/05")
STATE_LEVEL = URIRef("http://dcat-ap.de/def/politicalGeocodingLevel/state")
THEME_TAXONOMY = URIRef("http://publications.europa.eu/resource/authority/data-theme")
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

CATALOGUE_TITLE = _("Open data of the AG Soziale Stadt NRW")
CATALOGUE_DESCRIPTION = _(
    "The programme areas of the “Sozialer Zusammenhalt” urban development programme in the "
    "network's member municipalities, the network's events and its publications, as datasets "
    "with a free licence."
)
FORMAT_NAMES = {"de": _("German"), "en": _("English")}


def languages() -> list[str]:
    return [code for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES]


def in_languages(text) -> list[Literal]:
    """A lazily translated text as one literal per content language."""
    literals = []
    for language in languages():
        with translation.override(language):
            literals.append(Literal(str(text), lang=language))
    return literals


def date_time(value) -> Literal:
    return Literal(
        value.astimezone(datetime.UTC).isoformat(timespec="seconds"), datatype=XSD.dateTime
    )


def modified(queryset) -> datetime.datetime | None:
    """The newest publication or log entry that may change a dataset (one query)."""
    row = queryset.order_by().aggregate(
        published=Max("last_published_at"),
        page_log=latest_log(PageLogEntry),
        model_log=latest_log(ModelLogEntry),
    )
    dates = [value for value in row.values() if value is not None]
    return max(dates) if dates else None


def keywords(queryset) -> list[Topic]:
    """The topics of a dataset's visible items (one query; labels are cached)."""
    tagged = TaggedPage.objects.filter(content_object__in=queryset.order_by().values("pk"))
    return list(Topic.objects.filter(pk__in=tagged.values("tag_id")).order_by("name"))


def build_catalogue(request) -> Graph:
    site_settings = SiteSettings.for_request(request)
    base = request.build_absolute_uri("/").rstrip("/")
    document = base + catalogue_path("ttl")
    german = locale_ids().get(settings.LANGUAGE_CODE) or Locale.get_default().pk

    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("dcatde", DCATDE),
        ("foaf", FOAF),
        ("vcard", VCARD),
    ):
        graph.bind(prefix, namespace)

    catalogue = URIRef(document + "#katalog")
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    for literal in in_languages(CATALOGUE_TITLE):
        graph.add((catalogue, DCTERMS.title, literal))
    for literal in in_languages(CATALOGUE_DESCRIPTION):
        graph.add((catalogue, DCTERMS.description, literal))
    homepage = URIRef(site_settings.data_publisher_url or base + "/")
    graph.add((catalogue, FOAF.homepage, URIRef(base + "/")))
    graph.add((catalogue, DCAT.themeTaxonomy, THEME_TAXONOMY))
    for language in languages():
        graph.add(
            (catalogue, DCTERMS.language, URIRef(LANGUAGE + LANGUAGE_CODES.get(language, "MUL")))
        )
    licence = URIRef(site_settings.open_data_licence)
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, DCTERMS.spatial, NRW))

    publisher = URIRef(document + "#herausgeber")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(site_settings.open_data_publisher)))
    graph.add((publisher, FOAF.homepage, homepage))
    graph.add((catalogue, DCTERMS.publisher, publisher))

    contact = URIRef(document + "#kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(site_settings.office_name)))
    if site_settings.email:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{site_settings.email}")))
    if site_settings.phone:
        phone = "".join(c for c in site_settings.phone if c.isdigit() or c == "+")
        graph.add((contact, VCARD.hasTelephone, URIRef(f"tel:{phone}")))
    if site_settings.office_address:
        graph.add((contact, VCARD["street-address"], Literal(site_settings.office_address)))

    newest = None
    for dataset in datasets():
        base_queryset = dataset.base(german)
        node = URIRef(f"{document}#{dataset.slug}")
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(str(node))))
        for literal in in_languages(dataset.title):
            graph.add((node, DCTERMS.title, literal))
        for literal in in_languages(dataset.description):
            graph.add((node, DCTERMS.description, literal))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCATDE.maintainer, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        if site_settings.data_contributor_id:
            graph.add((node, DCATDE.contributorID, URIRef(site_settings.data_contributor_id)))
        for theme in dataset.theme_uris:
            graph.add((node, DCAT.theme, URIRef(theme)))
        for topic in keywords(base_queryset):
            for language in languages():
                graph.add((node, DCAT.keyword, Literal(topic.label_for(language), lang=language)))
        graph.add((node, DCTERMS.spatial, NRW))
        graph.add((node, DCATDE.politicalGeocodingLevelURI, STATE_LEVEL))
        graph.add((node, DCATDE.politicalGeocodingURI, NRW))
        graph.add((node, DCTERMS.accrualPeriodicity, URIRef(dataset.frequency_uri)))
        for language in languages():
            graph.add(
                (node, DCTERMS.language, URIRef(LANGUAGE + LANGUAGE_CODES.get(language, "MUL")))
            )
        if dataset.temporal is not None:
            start, end = dataset.temporal(german)
            if start or end:
                period = BNode()
                graph.add((node, DCTERMS.temporal, period))
                graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
                if start:
                    graph.add((period, DCAT.startDate, Literal(start, datatype=XSD.date)))
                if end:
                    graph.add((period, DCAT.endDate, Literal(end, datatype=XSD.date)))
        changed = modified(base_queryset)
        if changed:
            graph.add((node, DCTERMS.modified, date_time(changed)))
            newest = max(newest, changed) if newest else changed

        for fmt in dataset.formats:
            for language in languages():
                url = URIRef(base + download_path(dataset.slug, fmt.extension, language))
                graph.add((node, DCAT.distribution, url))
                graph.add((url, RDF.type, DCAT.Distribution))
                content_language = FORMAT_NAMES.get(language, language)
                language_names = {}
                for title_language in languages():
                    with translation.override(title_language):
                        language_names[title_language] = (
                            f"{dataset.title} ({fmt.label}, {content_language})"
                        )
                for title_language, title in language_names.items():
                    graph.add((url, DCTERMS.title, Literal(title, lang=title_language)))
                graph.add((url, DCAT.accessURL, url))
                graph.add((url, DCAT.downloadURL, url))
                graph.add((url, DCTERMS.format, URIRef(FILE_TYPE + fmt.file_type)))
                graph.add((url, DCAT.mediaType, URIRef(MEDIA_TYPES + fmt.media_type)))
                graph.add((url, DCTERMS.license, licence))
                graph.add(
                    (
                        url,
                        DCATDE.licenseAttributionByText,
                        Literal(site_settings.open_data_attribution),
                    )
                )
                graph.add(
                    (url, DCTERMS.language, URIRef(LANGUAGE + LANGUAGE_CODES.get(language, "MUL")))
                )
                if changed:
                    graph.add((url, DCTERMS.modified, date_time(changed)))
    if newest:
        graph.add((catalogue, DCTERMS.modified, date_time(newest)))
    return graph
