"""Demo steps of the knowledge library: the workshop series of 2017–2019 with its ten workshops
in nine cities and its final documentation (a real, generated PDF), plus further publications,
each in German and English. The texts and facts are in ``knowledge/demo/library.yaml`` (read by
``knowledge.demo_data``)."""

from cms.demo.blocks import contact, download
from cms.demo.data import fill
from cms.demo.pdf import make_pdf
from cms.demo.registry import demo_step

from .demo_data import LIBRARY, PdfText, Workshop
from .models import (
    KnowledgeIndexPage,
    PublicationContributor,
    PublicationPage,
    WorkshopPage,
    WorkshopSeriesPage,
)

SERIES_TITLE, SERIES_TITLE_EN = LIBRARY.series_title
DOCUMENTING_OFFICE = LIBRARY.documented_by
WORKSHOPS = LIBRARY.workshops

# A phrase that occurs only inside the final documentation's PDF, not on any page: the search
# finds the publication by it (see tests).
PDF_ONLY_PHRASE = LIBRARY.pdf_only_phrase

# What the series' texts fill in: {series}, {office}, {pdf_only_phrase}.
SERIES = {
    "de": {
        "series": SERIES_TITLE,
        "office": DOCUMENTING_OFFICE,
        "pdf_only_phrase": PDF_ONLY_PHRASE,
    },
    "en": {"series": SERIES_TITLE_EN, "office": DOCUMENTING_OFFICE},
}


def workshop_values(number: int, workshop: Workshop, language: str = "de") -> dict:
    theme = workshop.theme[0 if language == "de" else 1]
    return {
        **SERIES[language],
        "number": number,
        "city": workshop.city,
        "theme": theme,
        "date": f"{workshop.date:%d.%m.%Y}",
    }


def render_pdf(text: PdfText, values: dict) -> bytes:
    sections = []
    for section in text.sections:
        if section is None:  # one section per workshop
            for number, workshop in enumerate(WORKSHOPS, 1):
                heading, paragraphs = text.repeated
                each = {**values, **workshop_values(number, workshop)}
                sections.append((fill(heading, each), [fill(p, each) for p in paragraphs]))
        else:
            heading, paragraphs = section
            sections.append((fill(heading, values), [fill(p, values) for p in paragraphs]))
    return make_pdf(fill(text.title, values), fill(text.author, values), sections)


def final_documentation_pdf() -> bytes:
    return render_pdf(LIBRARY.final_pdf, SERIES["de"])


def workshop_pdf(number: int, workshop: Workshop) -> bytes:
    return render_pdf(LIBRARY.workshop_pdf, workshop_values(number, workshop))


def contributors(people) -> list[PublicationContributor]:
    return [
        PublicationContributor(name=name, role=role, sort_order=number)
        for number, (name, role) in enumerate(people)
    ]


@demo_step(after=("topics", "contacts_and_footer", "site_tree"))
def knowledge_library(context):
    home = context.pages["home"]
    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731
    de, en = SERIES["de"], SERIES["en"]

    library = LIBRARY.index.ensure(context, home, KnowledgeIndexPage)

    final_pdf = context.ensure_document(
        "doc:final-documentation",
        fill(LIBRARY.final_document_title, de),
        LIBRARY.final_filename,
        final_documentation_pdf(),
    )
    documentation = LIBRARY.final_documentation.filled(de, en).ensure(
        context,
        library,
        PublicationPage,
        main_document=final_pdf,
        contributors=contributors(
            [(fill(name, de), role) for name, role in LIBRARY.final_contributors]
        ),
    )
    series = LIBRARY.series.filled(de, en).ensure(
        context,
        library,
        WorkshopSeriesPage,
        organiser=LIBRARY.organiser,
        documented_by=DOCUMENTING_OFFICE,
        final_documentation=documentation,
    )
    texts = LIBRARY.workshop
    for number, workshop in enumerate(WORKSHOPS, 1):
        values = workshop_values(number, workshop)
        values_en = workshop_values(number, workshop, "en")
        context.ensure_document(
            f"doc:workshop:{workshop.slug}",
            fill(texts["document_title"], values),
            fill(texts["filename"], values),
            workshop_pdf(number, workshop),
        )
        context.ensure_page(
            f"workshop:{workshop.slug}",
            series,
            WorkshopPage,
            date=workshop.date,
            host_city=workshop.city,
            topics=[topic(workshop.topic)],
            de={
                "title": fill(texts["title"][0], values),
                "slug": workshop.slug,
                "theme": workshop.theme[0],
                "teaser": fill(texts["teaser"][0], values),
                "summary": fill(texts["summary"][0], values),
            },
            en={
                "title": fill(texts["title"][1], values_en),
                "slug": workshop.slug,
                "theme": workshop.theme[1],
                "teaser": fill(texts["teaser"][1], values_en),
                "summary": fill(texts["summary"][1], values_en),
            },
            streams={
                "documentation": [download(f"doc:workshop:{workshop.slug}")],
                "contact": [contact(f"contact:{texts['contact']}")],
            },
        )
    if documentation.workshop_series_id != series.pk:
        documentation.workshop_series = series
        documentation.save_revision().publish()
        context.sync_translation(documentation)

    shared = LIBRARY.publication
    for item in LIBRARY.publications:
        pdf = context.ensure_document(
            f"doc:{item.key}",
            item.title[0],
            f"{item.slug[0]}.pdf",
            make_pdf(
                item.title[0], shared["pdf_author"], [(shared["pdf_section"], [item.teaser[0]])]
            ),
        )
        context.ensure_page(
            f"publication:{item.key}",
            library,
            PublicationPage,
            kind=item.kind,
            publication_date=item.date,
            publisher=shared["publisher"],
            place=shared["place"],
            isbn=item.isbn,
            pages=item.pages,
            main_document=pdf,
            cover_image=context.objects[shared["cover_image"]],
            contributors=contributors(item.contributors),
            topics=[topic(slug) for slug in item.topics],
            de={
                "title": item.title[0],
                "slug": item.slug[0],
                "teaser": item.teaser[0],
                "summary": f"<p>{item.teaser[0]}</p>",
            },
            en={
                "title": item.title[1],
                "slug": item.slug[1],
                "teaser": item.teaser[1],
                "summary": f"<p>{item.teaser[1]}</p>",
            },
        )
