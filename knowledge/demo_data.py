"""Texts and facts of the demo knowledge library, read from ``knowledge/demo/library.yaml``
(German and English side by side per item): the workshop series of 2017–2019 with its ten
workshops, its final documentation and further publications. Texts may hold placeholders
(``{series}``, ``{city}`` …) that ``knowledge.demo_content`` fills in."""

import datetime
from pathlib import Path
from typing import NamedTuple

from cms.demo.data import (
    DemoDataError,
    PageData,
    Pair,
    date,
    keys,
    page,
    pair,
    read_mapping,
    text,
    texts,
)

DATA = Path(__file__).resolve().parent / "demo" / "library.yaml"
ROLES = ("author", "editor")
KINDS = ("dokumentation", "leitfaden", "studie", "positionspapier")


class Workshop(NamedTuple):
    slug: str
    date: datetime.date
    city: str
    topic: str
    theme: Pair


class Publication(NamedTuple):
    key: str
    kind: str
    date: datetime.date
    slug: Pair
    title: Pair
    teaser: Pair
    topics: list[str]
    contributors: list[tuple[str, str]]  # name, role
    isbn: str
    pages: int


class PdfText(NamedTuple):
    """The text of a generated PDF: title, author and sections of (heading, paragraphs); a
    section ``None`` stands for the repeated section (one per workshop)."""

    title: str
    author: str
    sections: list[tuple[str, list[str]] | None]
    repeated: tuple[str, list[str]] | None


class Library(NamedTuple):
    index: PageData
    series_title: Pair
    documented_by: str
    organiser: str
    series: PageData
    pdf_only_phrase: str
    final_document_title: str
    final_filename: str
    final_contributors: list[tuple[str, str]]
    final_documentation: PageData
    final_pdf: PdfText
    workshop: dict  # title, teaser, summary (pairs), contact, document_title, filename
    workshop_pdf: PdfText
    publication: dict  # publisher, place, cover_image, pdf_author, pdf_section
    workshops: list[Workshop]
    publications: list[Publication]


def _contributors(item: dict, where: str) -> list[tuple[str, str]]:
    people = []
    for number, entry in enumerate(item.get("contributors") or [], start=1):
        at = f"{where} contributor {number}"
        if not isinstance(entry, dict) or entry.get("role") not in ROLES:
            raise DemoDataError(f"{at}: needs a 'name' and a 'role' of {ROLES}")
        people.append((text(entry, "name", at), entry["role"]))
    if not people:
        raise DemoDataError(f"{where}: 'contributors' must list at least one person")
    return people


def _pdf(item, where: str) -> PdfText:
    if not isinstance(item, dict):
        raise DemoDataError(f"{where}: a PDF's title, author and sections expected")
    sections, repeated = [], None
    for number, section in enumerate(item.get("sections") or [], start=1):
        at = f"{where} section {number}"
        if isinstance(section, dict) and "workshop" in section:
            repeated = (
                text(section["workshop"], "heading", at),
                texts(section["workshop"], "paragraphs", at),
            )
            sections.append(None)
        elif isinstance(section, dict):
            sections.append((text(section, "heading", at), texts(section, "paragraphs", at)))
        else:
            raise DemoDataError(f"{at}: a section needs a 'heading' and 'paragraphs'")
    return PdfText(text(item, "title", where), text(item, "author", where), sections, repeated)


def _workshop(item: dict, where: str) -> Workshop:
    return Workshop(
        slug=text(item, "slug", where),
        date=date(item, "date", where),
        city=text(item, "city", where),
        topic=text(item, "topic", where),
        theme=pair(item, "theme", where),
    )


def _publication(item: dict, where: str) -> Publication:
    if item.get("kind") not in KINDS:
        raise DemoDataError(f"{where}: 'kind' must be one of {KINDS}")
    if not isinstance(item.get("pages"), int):
        raise DemoDataError(f"{where}: 'pages' must be a number")
    return Publication(
        key=text(item, "key", where),
        kind=item["kind"],
        date=date(item, "date", where),
        slug=pair(item, "slug", where),
        title=pair(item, "title", where),
        teaser=pair(item, "teaser", where),
        topics=keys(item, "topics", where),
        contributors=_contributors(item, where),
        isbn=text(item, "isbn", where, default=""),
        pages=item["pages"],
    )


def load_library(path: Path = DATA) -> Library:
    data = read_mapping(path)
    name = path.name
    series = data.get("series") or {}
    final = data.get("final_documentation") or {}
    workshop = dict(data.get("workshop") or {})
    workshop_pdf = _pdf(workshop.pop("pdf", None), f"{name} workshop pdf")
    where = f"{name} workshop"
    for key in ("title", "teaser", "summary"):
        workshop[key] = pair(workshop, key, where)
    for key in ("contact", "document_title", "filename"):
        text(workshop, key, where)
    publication = data.get("publication") or {}
    for key in ("publisher", "place", "cover_image", "pdf_author", "pdf_section"):
        text(publication, key, f"{name} publication")
    return Library(
        index=page(data.get("index"), f"{name} index"),
        series_title=pair(series, "title", f"{name} series"),
        documented_by=text(series, "documented_by", f"{name} series"),
        organiser=text(series, "organiser", f"{name} series"),
        series=page(series.get("page"), f"{name} series page"),
        pdf_only_phrase=text(final, "pdf_only_phrase", f"{name} final_documentation"),
        final_document_title=text(final, "document_title", f"{name} final_documentation"),
        final_filename=text(final, "filename", f"{name} final_documentation"),
        final_contributors=_contributors(final, f"{name} final_documentation"),
        final_documentation=page(final.get("page"), f"{name} final_documentation page"),
        final_pdf=_pdf(final.get("pdf"), f"{name} final_documentation pdf"),
        workshop=workshop,
        workshop_pdf=workshop_pdf,
        publication=publication,
        workshops=[
            _workshop(item, f"{name} workshop {number}")
            for number, item in enumerate(data.get("workshops") or [], start=1)
        ],
        publications=[
            _publication(item, f"{name} publication {number}")
            for number, item in enumerate(data.get("publications") or [], start=1)
        ],
    )


LIBRARY = load_library()
