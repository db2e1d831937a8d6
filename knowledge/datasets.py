"""Open data of the library: the visible publications as CSV, BibTeX and RIS, from
``knowledge.queries`` and filtered by ``knowledge.filters.LibraryFilters`` like the library
and its API. Registered with :mod:`cms.opendata`."""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from cms.localization import absolute_url
from cms.models import TaggedPage
from cms.opendata import Column, Dataset, Format, register
from cms.opendata.formats import CSV

from .citations import bibtex, citation_key, ris
from .enums import ContributorRole, PublicationKind
from .filters import LibraryFilters
from .models import LIBRARY, PublicationPage

COLUMNS = [
    Column("id", _("Number of the publication (stable, also in the API)")),
    Column("title", _("Title")),
    Column("kind", _("Kind, as a code (e.g. dokumentation, studie, leitfaden)")),
    Column("kind_label", _("Kind, as a word")),
    Column("publication_date", _("Date of publication (YYYY-MM-DD)")),
    Column("authors", _("Authors (separated by commas in CSV)")),
    Column("editors", _("Editors (separated by commas in CSV)")),
    Column("publisher", _("Publisher")),
    Column("place", _("Place of publication")),
    Column("publication_series", _("Publication series")),
    Column("isbn", _("ISBN")),
    Column("doi", _("DOI")),
    Column("pages", _("Number of pages")),
    Column("language", _("Language of the publication (de, en or multi)")),
    Column("abstract", _("Short description")),
    Column("topics", _("Topics (slugs, separated by commas in CSV)")),
    Column("url", _("Address of the publication on this website")),
]


def base(locale):
    return LIBRARY.items(locale).filter(kind="publikation")


def publication_list(locale, selection):
    """The chosen publications, newest first, with contributors and topics (four queries)."""
    chosen = list(selection.filterset.apply(base(locale), selection).values_list("pk", flat=True))
    publications = PublicationPage.objects.filter(pk__in=chosen or [0]).defer_streamfields()
    by_pk = {page.pk: page for page in publications.prefetch_related("contributors")}
    topics: dict[int, list[str]] = {pk: [] for pk in by_pk}
    rows = TaggedPage.objects.filter(content_object_id__in=list(by_pk) or [0])
    for page_id, slug in rows.order_by("tag__name").values_list("content_object_id", "tag__slug"):
        topics[page_id].append(slug)
    result = []
    for pk in chosen:
        if pk in by_pk:
            page = by_pk[pk]
            page.topic_slugs = topics[pk]
            result.append(page)
    return result


def _names(publication, role) -> list[str]:
    return [c.name for c in publication.contributors.all() if c.role == role]


def row(publication, request) -> dict:
    try:
        kind_label = str(PublicationKind(publication.kind).label)
    except ValueError:
        kind_label = publication.kind
    return {
        "id": publication.pk,
        "title": publication.title,
        "kind": publication.kind,
        "kind_label": kind_label,
        "publication_date": publication.publication_date.isoformat(),
        "authors": _names(publication, ContributorRole.AUTHOR),
        "editors": _names(publication, ContributorRole.EDITOR),
        "publisher": publication.publisher,
        "place": publication.place,
        "publication_series": publication.publication_series,
        "isbn": publication.isbn,
        "doi": publication.doi,
        "pages": publication.pages,
        "language": publication.language,
        "abstract": publication.teaser,
        "topics": publication.topic_slugs,
        "url": absolute_url(publication, request),
    }


def write_bibtex(dataset, items, request):
    """One entry per publication; equal citation keys get a letter (mueller2024a, …b)."""
    items = list(items)
    keys = [citation_key(publication) for publication in items]
    seen: dict[str, int] = {}
    for publication, key in zip(items, keys, strict=True):
        if keys.count(key) > 1:
            seen[key] = seen.get(key, 0) + 1
            key = (
                f"{key}{chr(ord('a') + seen[key] - 1)}"
                if seen[key] <= 26
                else f"{key}-{publication.pk}"
            )
        yield bibtex(publication, request, key=key) + "\n"


def write_ris(dataset, items, request):
    for publication in items:
        yield ris(publication, request) + "\n"


BIBTEX = Format("bib", "BibTeX", "application/x-bibtex", "BIB", write_bibtex)
RIS = Format("ris", "RIS", "application/x-research-info-systems", "RIS", write_ris)


def period(locale):
    row = PublicationPage.objects.filter(pk__in=base(locale).values("pk")).aggregate(
        start=Min("publication_date"), end=Max("publication_date")
    )
    return row["start"], row["end"]


register(
    Dataset(
        slug="publikationen",
        title=_("Publications"),
        description=_(
            "The publications of the network's library – documentations, studies, guidelines "
            "and reports on integrated neighbourhood development – with their bibliographic "
            "data, for spreadsheets and reference managers."
        ),
        columns=COLUMNS,
        formats=[CSV, BIBTEX, RIS],
        items=publication_list,
        row=row,
        base=base,
        parse=lambda query: LibraryFilters().parse(query),
        filter_params=LibraryFilters.params(),
        temporal=period,
        themes=("EDUC", "SOCI"),
        frequency="IRREG",
        order=40,
    )
)
