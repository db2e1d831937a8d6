"""Downloads of the datasets and the DCAT-AP.de catalogue.

Every answer carries an ETag and a Last-Modified date computed in one query (the newest
publication, log entry and the number of visible items), so a harvester's conditional request
is answered with 304 before anything is built; the files themselves are streamed. The page
cache never stores a streamed answer, so nothing stale is replayed after publishing.
"""

import hashlib

from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _

from wagtail.models import Page

from cms.filters import Problem
from cms.localization import locale_ids

from .changes import fingerprint
from .dcat import build_catalogue
from .registry import get_dataset

CACHE_SECONDS = 15 * 60
# Raise when the files change shape (columns, formats), so clients fetch them again.
FORMAT_VERSION = "1"


def conditional(request, *parts):
    """(ETag, Last-Modified timestamp, 304 answer or None) for the fingerprint ``parts``."""
    digest = hashlib.sha256("|".join(map(str, (FORMAT_VERSION, *parts))).encode()).hexdigest()
    etag = f'"{digest[:32]}"'
    dates = [part for part in parts if hasattr(part, "timestamp")]
    last_modified = int(max(dates).timestamp()) if dates else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    return etag, last_modified, not_modified


def _headers(response, etag, last_modified):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def bad_request(problems) -> HttpResponseBadRequest:
    lines = [_("The dataset cannot be filtered like this:")] + [f"- {p}" for p in problems]
    return HttpResponseBadRequest(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


def _encoded(pieces, language):
    with translation.override(language):
        for piece in pieces:
            yield piece.encode("utf-8")


def download(request, language: str, slug: str, extension: str):
    """One dataset in one language and format, filtered like its HTML listing."""
    dataset = get_dataset(slug)
    fmt = dataset.format(extension) if dataset else None
    locale_id = locale_ids().get(language)
    if fmt is None or locale_id is None:
        raise Http404(_("There is no such dataset."))
    known = set(dataset.filter_params)
    problems = [
        Problem(name, request.GET.get(name, "")[:40], _("unknown parameter"))
        for name in sorted(set(request.GET) - known)
    ]
    with translation.override(language):
        selection = dataset.parse(request.GET)
        problems += list(selection.problems) if selection is not None else []
    if problems:
        return bad_request(problems)

    parts = fingerprint(dataset.base(locale_id))
    etag, last_modified, not_modified = conditional(
        request, slug, extension, language, request.GET.urlencode(), *parts
    )
    if not_modified is not None:
        return _headers(not_modified, etag, last_modified)

    content_type = f"{fmt.media_type}; charset=utf-8"
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
    else:

        def pieces():
            items = dataset.items(locale_id, selection)
            yield from fmt.write(dataset, items, request)

        response = StreamingHttpResponse(_encoded(pieces(), language), content_type=content_type)
    disposition = "inline" if fmt.inline else "attachment"
    filename = f"{slug}-{language}.{extension}"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Language"] = language
    response["X-Content-Type-Options"] = "nosniff"
    return _headers(response, etag, last_modified)


CATALOGUE_FORMATS = {
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
}


def catalogue(request, extension: str):
    """The DCAT-AP.de catalogue of all datasets (Turtle or JSON-LD), for harvesters."""
    media_type, rdf_format = CATALOGUE_FORMATS[extension]
    if request.GET:
        return bad_request(
            [
                Problem(name, request.GET.get(name, "")[:40], _("unknown parameter"))
                for name in sorted(request.GET)
            ]
        )
    parts = fingerprint(Page.objects.filter(live=True))
    etag, last_modified, not_modified = conditional(request, "catalogue", extension, *parts)
    if not_modified is not None:
        return _headers(not_modified, etag, last_modified)
    graph = build_catalogue(request)
    body = (
        graph.serialize(format=rdf_format, auto_compact=True)
        if rdf_format == "json-ld"
        else (graph.serialize(format=rdf_format))
    )
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="katalog.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return _headers(response, etag, last_modified)
