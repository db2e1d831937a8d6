"""Synthetic publications and workshops for the benchmarks (``generate_content``,
cms.demo.synthetic). The workshops hang under one synthetic workshop series."""

import datetime

from cms.demo.synthetic import (
    AUTHORS,
    CITIES,
    SLUG_PREFIX,
    THEMES,
    Kind,
    first_page,
    register_kind,
)

from .models import (
    KnowledgeIndexPage,
    PublicationContributor,
    PublicationPage,
    WorkshopPage,
    WorkshopSeriesPage,
)

SERIES_SLUG = f"{SLUG_PREFIX}werkstattreihe"


def synthetic_series(locale) -> list:
    library = first_page(KnowledgeIndexPage, locale)
    series = WorkshopSeriesPage.objects.child_of(library).filter(slug=SERIES_SLUG).first()
    if series is None:
        series = WorkshopSeriesPage(
            title="Synthetische Werkstattreihe",
            slug=SERIES_SLUG,
            period_start=datetime.date(2005, 1, 1),
            organiser="AG Soziale Stadt NRW",
        )
        library.add_child(instance=series)
    return [series]


def add_contributors(pages, text) -> None:
    PublicationContributor.objects.bulk_create(
        PublicationContributor(publication_id=page.pk, name=text.pick(AUTHORS), sort_order=0)
        for page in pages
    )


register_kind(
    Kind(
        name="publication",
        model=PublicationPage,
        share=0.15,
        parents=lambda locale: [first_page(KnowledgeIndexPage, locale)],
        values=lambda text, n: {
            "kind": "dokumentation",
            "publication_date": text.day(2000, 2026),
            "publisher": "AG Soziale Stadt NRW",
            "place": text.pick(CITIES),
            "teaser": text.sentence(),
            "summary": text.paragraph(4),
        },
        after_create=add_contributors,
    )
)

register_kind(
    Kind(
        name="workshop",
        model=WorkshopPage,
        share=0.10,
        parents=synthetic_series,
        values=lambda text, n: {
            "date": text.day(2005, 2026),
            "host_city": text.pick(CITIES),
            "theme": text.pick(THEMES),
            "teaser": text.sentence(),
            "summary": text.paragraph(5),
        },
    )
)
