"""Citation export of publications as BibTeX and RIS (bibtexparser and rispy write them)."""

from django.http import HttpResponse

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from rispy.writer import RisWriter

from cms.localization import absolute_url
from cms.models import german_slugify

from .enums import ContributorRole, PublicationKind

BIBTEX_TYPES = {PublicationKind.REPORT: "techreport", PublicationKind.STUDY: "techreport"}
RIS_TYPES = {PublicationKind.REPORT: "RPRT", PublicationKind.STUDY: "RPRT"}


class SingleRisWriter(RisWriter):
    """RIS without the "1." counter line rispy writes before each reference."""

    def set_header(self, count):
        return None


def _people(publication, role) -> list[str]:
    return [c.name for c in publication.contributors.all() if c.role == role]


def _bibtex_names(names: list[str]) -> str:
    """Persons as "Last, First"; organisations (no comma) braced so BibTeX keeps them whole."""
    return " and ".join(name if "," in name else f"{{{name}}}" for name in names)


def citation_key(publication) -> str:
    people = _people(publication, ContributorRole.AUTHOR) or _people(
        publication, ContributorRole.EDITOR
    )
    lead = people[0].split(",")[0] if people else (publication.publisher or publication.title)
    word = german_slugify(lead).split("-")[0] or "publikation"
    return f"{word}{publication.publication_date.year}"


def bibtex(publication, request=None, key: str | None = None) -> str:
    """One BibTeX entry; ``key`` replaces the citation key (unique keys in a whole list)."""
    fields = {
        "title": publication.title,
        "author": _bibtex_names(_people(publication, ContributorRole.AUTHOR)),
        "editor": _bibtex_names(_people(publication, ContributorRole.EDITOR)),
        "year": str(publication.publication_date.year),
        "month": str(publication.publication_date.month),
        "publisher": publication.publisher,
        "institution": publication.publisher if publication.kind in BIBTEX_TYPES else "",
        "address": publication.place,
        "series": publication.publication_series,
        "isbn": publication.isbn,
        "doi": publication.doi,
        "pagetotal": str(publication.pages or ""),
        "language": {"de": "german", "en": "english"}.get(publication.language, ""),
        "url": absolute_url(publication, request),
    }
    entry = Entry(
        BIBTEX_TYPES.get(publication.kind, "book"),
        key or citation_key(publication),
        [Field(key, value) for key, value in fields.items() if value],
    )
    library = bibtexparser.Library()
    library.add(entry)
    return bibtexparser.write_string(library)


def ris(publication, request=None) -> str:
    reference = {
        "type_of_reference": RIS_TYPES.get(publication.kind, "BOOK"),
        "title": publication.title,
        "authors": _people(publication, ContributorRole.AUTHOR),
        "secondary_authors": _people(publication, ContributorRole.EDITOR),
        "year": str(publication.publication_date.year),
        "date": publication.publication_date.strftime("%Y/%m/%d"),
        "publisher": publication.publisher,
        "place_published": publication.place,
        "secondary_title": publication.publication_series,
        "issn": publication.isbn,
        "doi": publication.doi,
        "start_page": str(publication.pages or ""),
        "language": publication.language,
        "abstract": publication.teaser,
        "urls": [absolute_url(publication, request)],
    }
    return rispy.dumps(
        [{key: value for key, value in reference.items() if value}], implementation=SingleRisWriter
    )


def citation_response(publication, request, kind: str) -> HttpResponse:
    if kind == "bibtex":
        content, content_type, extension = (
            bibtex(publication, request),
            "application/x-bibtex",
            "bib",
        )
    else:
        content, content_type, extension = (
            ris(publication, request),
            "application/x-research-info-systems",
            "ris",
        )
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{extension}"'
    return response
