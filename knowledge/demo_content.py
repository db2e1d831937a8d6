"""Demo steps of the knowledge library: the workshop series of 2017–2019 with its ten workshops
in nine cities and its final documentation (a real, generated PDF), plus further publications,
each in German and English."""

import datetime

from cms.demo.blocks import contact, download, paragraph
from cms.demo.pdf import make_pdf
from cms.demo.registry import demo_step

from .models import (
    KnowledgeIndexPage,
    PublicationContributor,
    PublicationPage,
    WorkshopPage,
    WorkshopSeriesPage,
)

SERIES_TITLE = (
    "Sozialraumorientierung und ressortübergreifende Handlungsansätze in der Stadtentwicklung "
    "und im Quartier"
)
SERIES_TITLE_EN = "Social-space orientation and cross-departmental approaches in urban development"
DOCUMENTING_OFFICE = "Büro STADTRAUMKONZEPT"

# (slug, date, host city, topic slug, German theme, English theme)
WORKSHOPS = [
    (
        "auftakt-essen",
        datetime.date(2017, 6, 22),
        "Essen",
        "methoden-und-instrumente",
        "Auftakt: Sozialraumorientierung als Handlungsprinzip",
        "Kick-off: social-space orientation as a principle",
    ),
    (
        "lokale-oekonomie-gelsenkirchen",
        datetime.date(2017, 9, 14),
        "Gelsenkirchen",
        "lokale-oekonomie",
        "Lokale Ökonomie im Quartier",
        "The local economy of the neighbourhood",
    ),
    (
        "bildung-dortmund",
        datetime.date(2017, 11, 23),
        "Dortmund",
        "bildung",
        "Bildung im Sozialraum",
        "Education in the social space",
    ),
    (
        "gesundheit-koeln",
        datetime.date(2018, 2, 22),
        "Köln",
        "gesundheit-und-sicherheit",
        "Gesundheit und Prävention im Quartier",
        "Health and prevention in the neighbourhood",
    ),
    (
        "beteiligung-wuppertal",
        datetime.date(2018, 4, 19),
        "Wuppertal",
        "buergerbeteiligung",
        "Beteiligung und Aktivierung neu denken",
        "Rethinking participation and activation",
    ),
    (
        "integration-bielefeld",
        datetime.date(2018, 6, 14),
        "Bielefeld",
        "integration-und-inklusion",
        "Integration und Inklusion im Stadtteil",
        "Integration and inclusion in the district",
    ),
    (
        "wohnumfeld-duesseldorf",
        datetime.date(2018, 9, 20),
        "Düsseldorf",
        "wohnumfeldverbesserung",
        "Wohnen und Wohnumfeld",
        "Housing and the residential environment",
    ),
    (
        "umweltgerechtigkeit-aachen",
        datetime.date(2018, 10, 25),
        "Aachen",
        "oekologie-und-umweltgerechtigkeit",
        "Umweltgerechtigkeit im Quartier",
        "Environmental justice in the neighbourhood",
    ),
    (
        "oeffentlichkeit-hagen",
        datetime.date(2018, 12, 6),
        "Hagen",
        "lokale-oeffentlichkeit",
        "Digitale Medien und lokale Öffentlichkeit",
        "Digital media and the local public sphere",
    ),
    (
        "abschluss-essen",
        datetime.date(2019, 2, 21),
        "Essen",
        "projektmanagement",
        "Abschlusswerkstatt: Ressortübergreifend handeln",
        "Closing workshop: acting across departments",
    ),
]

# A phrase that occurs only inside the final documentation's PDF, not on any page: the search
# finds the publication by it (see tests).
PDF_ONLY_PHRASE = "Kümmerer-Strukturen in der Verwaltung verankern"


def final_documentation_pdf() -> bytes:
    sections = [
        (
            "Einführung",
            [
                "Die Werkstattreihe des Städtenetzes Soziale Stadt NRW lief von Mitte 2017 bis "
                "Anfang 2019. In zehn Werkstätten in neun Städten ging es um die Frage, wie "
                "Sozialraumorientierung als Handlungsprinzip in Verwaltung und Quartier wirkt.",
                f"{DOCUMENTING_OFFICE} hat jede Werkstatt dokumentiert. Diese "
                "Abschlussdokumentation fasst die Ergebnisse zusammen und leitet Empfehlungen ab.",
            ],
        ),
        *[
            (
                f"Werkstatt {number}: {theme} ({city}, {day:%d.%m.%Y})",
                [
                    f"Die Werkstatt in {city} widmete sich dem Thema „{theme}“. Fachleute aus "
                    "Verwaltung, Trägern und Quartiersmanagement diskutierten Engpässe, Zwänge "
                    "und Gestaltungsspielräume vor Ort.",
                ],
            )
            for number, (_slug, day, city, _topic, theme, _theme_en) in enumerate(WORKSHOPS, 1)
        ],
        (
            "Empfehlungen",
            [
                f"Erstens: {PDF_ONLY_PHRASE}, damit Quartiersarbeit nicht von einzelnen "
                "Personen abhängt.",
                "Zweitens: Budgets sozialräumlich denken und ressortübergreifend planen.",
                "Drittens: Beteiligung früh und verbindlich anlegen.",
            ],
        ),
    ]
    return make_pdf(
        f"Abschlussdokumentation der Werkstattreihe „{SERIES_TITLE}“",
        f"Städtenetz Soziale Stadt NRW (Hrsg.), bearbeitet von {DOCUMENTING_OFFICE}",
        sections,
    )


def workshop_pdf(theme: str, city: str, day: datetime.date) -> bytes:
    return make_pdf(
        f"Dokumentation der Werkstatt „{theme}“",
        f"{city}, {day:%d.%m.%Y} – {DOCUMENTING_OFFICE}",
        [
            (
                "Ablauf und Ergebnisse",
                [
                    f"Die Werkstatt in {city} begann mit Impulsen aus der Praxis und setzte sich "
                    "in Arbeitsgruppen fort. Die Ergebnisse wurden im Plenum zusammengetragen.",
                ],
            )
        ],
    )


FURTHER_PUBLICATIONS = [
    # (key, slug de, slug en, kind, date, title de, title en, teaser de, teaser en, topics,
    #  people [(name, role)], isbn, pages)
    (
        "verfuegungsfonds",
        "arbeitshilfe-verfuegungsfonds",
        "guide-neighbourhood-funds",
        "leitfaden",
        datetime.date(2022, 5, 1),
        "Arbeitshilfe Verfügungsfonds",
        "Practical guide: neighbourhood funds",
        "Wie Kommunen Verfügungsfonds einrichten, bewerben und abrechnen – mit Checklisten aus "
        "der Praxis der Mitgliedskommunen.",
        "How municipalities set up, promote and account for neighbourhood funds – with "
        "checklists from the member municipalities.",
        ["buergerbeteiligung", "projektmanagement"],
        [("AG Soziale Stadt NRW", "editor")],
        "",
        36,
    ),
    (
        "quartiersmanagement",
        "quartiersmanagement-in-nrw",
        "neighbourhood-management-in-nrw",
        "studie",
        datetime.date(2021, 11, 1),
        "Quartiersmanagement in NRW: eine Bestandsaufnahme",
        "Neighbourhood management in NRW: a survey",
        "Aufgaben, Ausstattung und Wirkung der Quartiersmanagements in den Programmgebieten.",
        "Tasks, resources and effects of neighbourhood management in the programme areas.",
        ["projektmanagement", "einbindung-der-institutionen"],
        [("empirica ag", "author"), ("AG Soziale Stadt NRW", "editor")],
        "978-3-9817390-2-2",
        88,
    ),
    (
        "positionspapier",
        "positionspapier-sozialer-zusammenhalt",
        "position-paper-social-cohesion",
        "positionspapier",
        datetime.date(2024, 3, 1),
        "Positionspapier: Sozialer Zusammenhalt stärken",
        "Position paper: strengthening social cohesion",
        "Gemeinsame Positionen der Mitgliedskommunen zur Zukunft des Programms „Sozialer "
        "Zusammenhalt“.",
        "Shared positions of the member municipalities on the future of the “Sozialer "
        "Zusammenhalt” programme.",
        ["methoden-und-instrumente"],
        [("AG Soziale Stadt NRW", "author")],
        "",
        12,
    ),
]


def contributors(people) -> list[PublicationContributor]:
    return [
        PublicationContributor(name=name, role=role, sort_order=number)
        for number, (name, role) in enumerate(people)
    ]


@demo_step(after=("topics", "contacts_and_footer", "site_tree"))
def knowledge_library(context):
    home = context.pages["home"]
    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731

    library = context.ensure_page(
        "knowledge",
        home,
        KnowledgeIndexPage,
        show_in_menus=True,
        de={
            "title": "Wissen & Publikationen",
            "slug": "wissen",
            "teaser": "Werkstattreihen, ihre Dokumentationen und die Publikationen des Netzwerks.",
            "intro": "<p>Was das Netzwerk in Werkstätten, Arbeitsgruppen und Studien erarbeitet "
            "hat – zum Nachlesen und Herunterladen. Die Suche findet auch Text in den PDFs.</p>",
        },
        en={
            "title": "Knowledge & publications",
            "slug": "knowledge",
            "teaser": "Workshop series, their documentation and the network's publications.",
            "intro": "<p>What the network has worked out in workshops, working groups and "
            "studies – to read and download. The search also finds text inside the PDFs.</p>",
        },
    )

    final_pdf = context.ensure_document(
        "doc:final-documentation",
        f"Abschlussdokumentation Werkstattreihe {SERIES_TITLE}",
        "abschlussdokumentation-werkstattreihe.pdf",
        final_documentation_pdf(),
    )
    documentation = context.ensure_page(
        "publication:final-documentation",
        library,
        PublicationPage,
        kind="dokumentation",
        publication_date=datetime.date(2019, 9, 1),
        publisher="Städtenetz Soziale Stadt NRW",
        place="Essen",
        pages=64,
        main_document=final_pdf,
        cover_image=context.objects["netzwerk"],
        teaser_image=context.objects["netzwerk"],
        contributors=contributors(
            [(DOCUMENTING_OFFICE, "author"), ("Städtenetz Soziale Stadt NRW", "editor")]
        ),
        topics=[topic("methoden-und-instrumente"), topic("projektmanagement")],
        de={
            "title": f"Abschlussdokumentation der Werkstattreihe „{SERIES_TITLE}“",
            "slug": "abschlussdokumentation-werkstattreihe",
            "teaser": "Die Ergebnisse aller zehn Werkstätten von 2017 bis 2019 in einem Band – "
            "mit Empfehlungen für eine integrierte Stadt- und Quartiersentwicklung.",
            "summary": "<p>Von Mitte 2017 bis Anfang 2019 hat das Städtenetz Soziale Stadt NRW "
            "in neun Städten zehn Werkstätten durchgeführt. Sie nahmen einzelne Handlungsfelder "
            "in ihrer sozialräumlichen Bedeutung in den Blick – bekannte ebenso wie neue Themen "
            "und Trends.</p><p>Die Dokumentation fasst jede Werkstatt zusammen, ordnet die "
            "Ergebnisse vor dem Hintergrund langjähriger Erfahrungen mit der Sozialen Stadt ein "
            "und leitet Empfehlungen für die künftige Arbeit ab.</p>",
        },
        en={
            "title": f"Final documentation of the workshop series “{SERIES_TITLE_EN}”",
            "slug": "final-documentation-workshop-series",
            "teaser": "The results of all ten workshops from 2017 to 2019 in one volume – with "
            "recommendations for integrated urban and neighbourhood development.",
            "summary": "<p>From mid-2017 to early 2019 the Städtenetz Soziale Stadt NRW held ten "
            "workshops in nine cities. They looked at individual fields of action in their "
            "social-spatial meaning – well-known topics as well as new ones and trends.</p><p>The "
            "documentation summarises each workshop, places the results in the context of long "
            "experience with the Soziale Stadt and derives recommendations for future work.</p>",
        },
    )
    series = context.ensure_page(
        "workshop-series",
        library,
        WorkshopSeriesPage,
        period_start=datetime.date(2017, 6, 1),
        period_end=datetime.date(2019, 3, 31),
        organiser="Städtenetz Soziale Stadt NRW",
        documented_by=DOCUMENTING_OFFICE,
        final_documentation=documentation,
        teaser_image=context.objects["themen"],
        topics=[topic("methoden-und-instrumente")],
        de={
            "title": f"Werkstattreihe „{SERIES_TITLE}“",
            "slug": "werkstattreihe-sozialraumorientierung",
            "teaser": "Zehn Werkstätten in neun Städten, 2017 bis 2019: Wie wirkt "
            "Sozialraumorientierung in Verwaltung und Quartier?",
        },
        en={
            "title": f"Workshop series “{SERIES_TITLE_EN}”",
            "slug": "workshop-series-social-space",
            "teaser": "Ten workshops in nine cities, 2017 to 2019: how does social-space "
            "orientation work in administration and neighbourhood?",
        },
        streams={
            "description": [
                paragraph(
                    (
                        "<p>Ausgehend von den Erfahrungen der Sozialen Stadt richtete die Reihe "
                        "den Blick bewusst auf einzelne Handlungsfelder und ihre Bedeutung im "
                        "Sozialraum. Im Mittelpunkt stand die Zusammenarbeit über Ressortgrenzen "
                        "hinweg: Wo gibt es Engpässe und Hemmnisse, wo Spielräume?</p>",
                        "<p>Building on the experience of the Soziale Stadt, the series "
                        "deliberately looked at individual fields of action and their meaning in "
                        "the social space. At its centre was cooperation across departments: "
                        "where are bottlenecks and obstacles, where is room to act?</p>",
                    )
                )
            ]
        },
    )
    for number, (slug, day, city, topic_slug, theme_de, theme_en) in enumerate(WORKSHOPS, 1):
        context.ensure_document(
            f"doc:workshop:{slug}",
            f"Dokumentation Werkstatt {number}: {theme_de}",
            f"dokumentation-werkstatt-{number}.pdf",
            workshop_pdf(theme_de, city, day),
        )
        context.ensure_page(
            f"workshop:{slug}",
            series,
            WorkshopPage,
            date=day,
            host_city=city,
            topics=[topic(topic_slug)],
            de={
                "title": f"Werkstatt {number} in {city}",
                "slug": slug,
                "theme": theme_de,
                "teaser": f"{theme_de}: die {number}. Werkstatt der Reihe, in {city}.",
                "summary": f"<p>Die Werkstatt in {city} widmete sich dem Thema „{theme_de}“. "
                "Fachleute aus Verwaltung, Trägern und Quartiersmanagement tauschten "
                "Erfahrungen aus und arbeiteten Empfehlungen heraus.</p>",
            },
            en={
                "title": f"Workshop {number} in {city}",
                "slug": slug,
                "theme": theme_en,
                "teaser": f"{theme_en}: workshop {number} of the series, in {city}.",
                "summary": f"<p>The workshop in {city} was devoted to “{theme_en}”. "
                "Professionals from administration, local organisations and neighbourhood "
                "management shared experience and worked out recommendations.</p>",
            },
            streams={
                "documentation": [download(f"doc:workshop:{slug}")],
                "contact": [contact("contact:koordinierungsstelle")],
            },
        )
    if documentation.workshop_series_id != series.pk:
        documentation.workshop_series = series
        documentation.save_revision().publish()
        context.sync_translation(documentation)

    for (
        key,
        slug_de,
        slug_en,
        kind,
        date,
        title_de,
        title_en,
        teaser_de,
        teaser_en,
        topics,
        people,
        isbn,
        pages,
    ) in FURTHER_PUBLICATIONS:
        pdf = context.ensure_document(
            f"doc:{key}",
            title_de,
            f"{slug_de}.pdf",
            make_pdf(title_de, "AG Soziale Stadt NRW", [("Zusammenfassung", [teaser_de])]),
        )
        context.ensure_page(
            f"publication:{key}",
            library,
            PublicationPage,
            kind=kind,
            publication_date=date,
            publisher="AG Soziale Stadt NRW",
            place="Essen",
            isbn=isbn,
            pages=pages,
            main_document=pdf,
            cover_image=context.objects["quartier"],
            contributors=contributors(people),
            topics=[topic(slug) for slug in topics],
            de={
                "title": title_de,
                "slug": slug_de,
                "teaser": teaser_de,
                "summary": f"<p>{teaser_de}</p>",
            },
            en={
                "title": title_en,
                "slug": slug_en,
                "teaser": teaser_en,
                "summary": f"<p>{teaser_en}</p>",
            },
        )
