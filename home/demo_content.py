"""Demo steps of the start page and the general content pages (facts from the network's pages,
texts in our own words), plus the site settings that point at them."""

from datetime import date

from wagtail.models import Page, Site

from cms.demo.blocks import (
    accordion,
    block_id,
    bullet_list,
    call_to_action,
    contact,
    figure,
    heading,
    list_items,
    milestones,
    page_links,
    paragraph,
    quote,
)
from cms.demo.registry import demo_step
from cms.demo.topics import TOPICS
from cms.models import FooterLink, SiteSettings
from home import demo_easy_language as easy
from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    EasyLanguagePage,
    HomePage,
    OpenDataPage,
    SignLanguagePage,
)

IMAGES = [
    # key, title, alt text / description, seed
    (
        "quartier",
        "Illustration: Quartier mit Wohnhäusern und Bäumen",
        "Gezeichnete Häuserzeile mit Bäumen und einem Weg",
        1,
    ),
    (
        "netzwerk",
        "Illustration: Stadtteil im Abendlicht",
        "Gezeichneter Stadtteil mit bunten Häusern",
        2,
    ),
    ("themen", "Illustration: Grüner Stadtteil", "Gezeichnete Häuser mit Grünflächen", 3),
    ("kontakt", "Illustration: Häuser am Platz", "Gezeichnete Häuser an einem Platz", 4),
    (
        "zusammenhalt",
        "Illustration: Nachbarschaft",
        "Gezeichnete Nachbarschaft mit Wohnhäusern",
        5,
    ),
    # key, title, alt text / description, seed, kind of scene (cms.demo.images.SCENES)
    (
        "park",
        "Illustration: Stadtteilpark",
        "Gezeichneter Park mit Teich, Weg, Bäumen und Bänken",
        6,
        "park",
    ),
    (
        "markt",
        "Illustration: Wochenmarkt",
        "Gezeichneter Wochenmarkt mit Marktständen und Menschen",
        7,
        "market",
    ),
    (
        "werkstatt",
        "Illustration: Werkstattgespräch",
        "Gezeichnete Runde von Menschen an einem Tisch vor einer Pinnwand mit Karten",
        8,
        "workshop",
    ),
    (
        "spielplatz",
        "Illustration: Spielplatz",
        "Gezeichneter Spielplatz mit Rutsche, Schaukel und Sandkasten",
        9,
        "playground",
    ),
]

TOPIC_ITEMS = [(name, label_en) for __, name, label_en, *__rest in TOPICS]


ENGLISH_HOME = {
    "title": "AG Soziale Stadt NRW",
    # Root-level slugs never appear in URLs (/en/ is the English start page) but must differ.
    "slug": "start-en",
    "intro": (
        "<p>The AG Soziale Stadt NRW brings together 63 municipalities in North "
        "Rhine-Westphalia that take part in the urban development funding programme "
        "“Sozialer Zusammenhalt” (social cohesion), have done so, or are preparing a funding "
        "area. We share knowledge and experience so that disadvantaged neighbourhoods become "
        "better places to live – locally and across the state.</p>"
    ),
    "teaser": "A working group of 63 municipalities in North Rhine-Westphalia for integrated "
    "neighbourhood development in the “Sozialer Zusammenhalt” programme.",
    "seo_title": "AG Soziale Stadt NRW – developing neighbourhoods together",
}


def ensure_home(context) -> HomePage:
    """The German start page as the site's root, replacing Wagtail's placeholder page."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=context.german).first()
    if home is None:
        home = HomePage(
            title="AG Soziale Stadt NRW",
            slug="start",
            intro=(
                "<p>In der AG Soziale Stadt NRW arbeiten 63 Kommunen aus Nordrhein-Westfalen "
                "zusammen, die im Städtebauförderprogramm „Sozialer Zusammenhalt“ aktiv sind, "
                "es waren oder ein Fördergebiet vorbereiten. Wir teilen Wissen und Erfahrungen, "
                "damit benachteiligte Quartiere lebenswerter werden – vor Ort und landesweit.</p>"
            ),
            teaser="Arbeitsgemeinschaft von 63 Kommunen in NRW für integrierte "
            "Stadtteilentwicklung im Programm „Sozialer Zusammenhalt“.",
            teaser_image=context.objects["quartier"],
            seo_title="AG Soziale Stadt NRW – gemeinsam Stadtteile entwickeln",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        context.created["HomePage"] += 1
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "AG Soziale Stadt NRW"
        site.save()
        # Wagtail's "Welcome" page from its initial migration: a bare Page with no children.
        if type(placeholder.specific) is Page and not placeholder.get_children().exists():
            placeholder.delete()
    context.pages["home"] = home
    context.ensure_translation(home, ENGLISH_HOME)
    return home


@demo_step(after=("topics", "contacts_and_footer"))
def site_tree(context):
    for key, title, description, seed, *kind in IMAGES:
        context.ensure_image(key, title, description, seed, *kind)
    home = ensure_home(context)
    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731

    about = context.ensure_page(
        "about",
        home,
        ContentPage,
        show_in_menus=True,
        teaser_image=context.objects["netzwerk"],
        de={
            "title": "Über uns",
            "slug": "ueber-uns",
            "teaser": "Wer wir sind, was wir wollen und wie wir arbeiten.",
        },
        en={
            "title": "About us",
            "slug": "about-us",
            "teaser": "Who we are, what we aim for and how we work.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Die AG Soziale Stadt NRW verbindet die Fachleute der integrierten "
                        "Stadtteilentwicklung in Nordrhein-Westfalen. Hier finden Sie, woher das "
                        "Netzwerk kommt, welche Ziele es verfolgt und wie die Zusammenarbeit "
                        "funktioniert.</p>",
                        "<p>The AG Soziale Stadt NRW connects the people who work on integrated "
                        "neighbourhood development in North Rhine-Westphalia. Here you can read "
                        "where the network comes from, what it aims for and how it works.</p>",
                    )
                ),
            ]
        },
    )

    context.ensure_page(
        "portrait",
        about,
        ContentPage,
        teaser_image=context.objects["netzwerk"],
        topics=[topic("projektmanagement")],
        de={
            "title": "Die AG Soziale Stadt im Portrait",
            "slug": "portrait",
            "teaser": "63 Kommunen, ein Förderprogramm und drei Jahrzehnte gemeinsamer "
            "Erfahrung in der Stadtteilentwicklung.",
        },
        en={
            "title": "The AG Soziale Stadt at a glance",
            "slug": "portrait",
            "teaser": "63 municipalities, one funding programme and three decades of shared "
            "experience in neighbourhood development.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Die AG Soziale Stadt NRW befasst sich mit der integrierten "
                        "Entwicklung benachteiligter Quartiere im Rahmen des "
                        "Städtebauförderprogramms „Sozialer Zusammenhalt“. Ihr wichtigstes "
                        "Anliegen: die beteiligten Kommunen bei der Umsetzung ihrer Projekte zu "
                        "unterstützen – durch Wissenstransfer über Fach- und Ressortgrenzen "
                        "hinweg und durch den kollegialen Austausch.</p>",
                        "<p>The AG Soziale Stadt NRW deals with the integrated development of "
                        "disadvantaged neighbourhoods within the urban development funding "
                        "programme “Sozialer Zusammenhalt” (social cohesion). Its main concern: "
                        "helping the member municipalities carry out their projects – by "
                        "passing on knowledge across disciplines and departments, and through "
                        "exchange between colleagues.</p>",
                    )
                ),
                heading(("Angebote und Arbeitsweise", "What we offer and how we work")),
                bullet_list(
                    [
                        (
                            "monatliche Netzwerktreffen zu aktuellen Themen",
                            "monthly network meetings on current issues",
                        ),
                        ("Fortbildungs- und Seminarreihen", "training courses and seminar series"),
                        ("Exkursionen und Werkstätten", "study trips and workshops"),
                        ("Arbeitsgruppen zu Schwerpunktthemen", "working groups on key topics"),
                    ],
                    intro=(
                        "Die AG ist an das Netzwerk Stadtentwicklung NRW angebunden und "
                        "umfasst derzeit 63 Kommunen. Ihre Angebote finden digital und vor Ort "
                        "statt:",
                        "The working group belongs to the Netzwerk Stadtentwicklung NRW and "
                        "currently has 63 member municipalities. Its formats take place online "
                        "and on site:",
                    ),
                ),
                paragraph(
                    (
                        "<p>Außerdem ist die AG Anlauf- und Bündelungsstelle für Fragen rund um "
                        "das Programm: Gemeinsame Anliegen werden gesammelt und an die "
                        "zuständigen Stellen weitergegeben.</p>",
                        "<p>The group is also the first point of contact for questions about "
                        "the programme: shared concerns are collected and passed on to the "
                        "responsible bodies.</p>",
                    )
                ),
                heading(("Geschichte", "History")),
                milestones(
                    [
                        (
                            date(1994, 1, 1),
                            "year",
                            (
                                "Gründung des Städtenetzes Soziale Stadt NRW",
                                "The Städtenetz Soziale Stadt NRW is founded",
                            ),
                            (
                                "Aus praktischen Fragen zu integrierten Handlungsprogrammen "
                                "entsteht eine Kooperationsvereinbarung der Kommunen.",
                                "Practical questions about integrated action programmes lead to "
                                "a cooperation agreement between municipalities.",
                            ),
                        ),
                        (
                            date(1999, 1, 1),
                            "year",
                            (
                                "Margarete Meyer übernimmt die Geschäftsstelle",
                                "Margarete Meyer takes over the office",
                            ),
                            (
                                "Sie leitet die Geschäftsstelle des Netzwerks seit 1999.",
                                "She has headed the network's office since 1999.",
                            ),
                        ),
                        (
                            date(2013, 1, 24),
                            "day",
                            (
                                "Anerkennung im „Preis Soziale Stadt 2012“",
                                "Recognition in the “Preis Soziale Stadt 2012”",
                            ),
                            (
                                "Eine von zehn Anerkennungen unter 171 Beiträgen bundesweit.",
                                "One of ten recognitions among 171 entries nationwide.",
                            ),
                        ),
                        (
                            date(2024, 1, 1),
                            "day",
                            (
                                "Übergang in die AG Soziale Stadt NRW",
                                "Becomes the AG Soziale Stadt NRW",
                            ),
                            (
                                "Mit der Gründung des Netzwerks Stadtentwicklung NRW wird das "
                                "Städtenetz zu dessen Arbeitsgemeinschaft Soziale Stadt.",
                                "With the founding of the Netzwerk Stadtentwicklung NRW, the "
                                "Städtenetz becomes its working group on the Soziale Stadt.",
                            ),
                        ),
                    ]
                ),
            ]
        },
    )

    context.ensure_page(
        "objectives",
        about,
        ContentPage,
        teaser_image=context.objects["quartier"],
        de={
            "title": "Zielsetzung",
            "slug": "zielsetzung",
            "teaser": "Stadtteilentwicklung dort voranbringen, wo sie besonders gebraucht wird.",
        },
        en={
            "title": "Objectives",
            "slug": "objectives",
            "teaser": "Moving neighbourhood development forward where it is needed most.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Das Netzwerk will die Entwicklung von Stadtteilen dort stärken, wo "
                        "sie besonders wichtig ist – mit dem Blick auf das einzelne Quartier und "
                        "zugleich auf das ganze Land. Im Mittelpunkt stehen Projekte, die das "
                        "Lebensumfeld der Menschen dauerhaft verbessern.</p>",
                        "<p>The network wants to strengthen the development of neighbourhoods "
                        "where it matters most – looking at the individual neighbourhood and at "
                        "the whole state at the same time. At its centre are projects that "
                        "improve people's living environment for good.</p>",
                    )
                ),
                paragraph(
                    (
                        "<p>Weil es für diese Aufgaben selten nur einen richtigen Weg gibt, "
                        "arbeitet das Netzwerk über Fachgrenzen und Verwaltungsebenen hinweg: "
                        "mit Kommunen und Land, mit Partnern aus der Wissenschaft – und vor "
                        "allem im Austausch der Fachleute, die vor ähnlichen Fragen stehen.</p>",
                        "<p>As there is rarely just one right way to tackle these tasks, the "
                        "network works across disciplines and levels of government: with "
                        "municipalities and the state, with partners from research – and above "
                        "all through exchange between professionals facing similar questions.</p>",
                    )
                ),
            ]
        },
    )

    context.ensure_page(
        "transfer",
        about,
        ContentPage,
        topics=[topic("methoden-und-instrumente")],
        de={
            "title": "Kompetenz- und Informationstransfer",
            "slug": "informationstransfer",
            "teaser": "Der kurze Draht zwischen allen, die an ähnlichen Fragen arbeiten.",
        },
        en={
            "title": "Sharing knowledge and information",
            "slug": "knowledge-transfer",
            "teaser": "A direct line between everyone working on similar questions.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Das Netzwerk gibt Wissen und Informationen über Disziplinen hinweg "
                        "weiter und setzt Impulse für Projekte und ihre Förderung vor Ort.</p>",
                        "<p>The network passes on knowledge and information across disciplines "
                        "and gives fresh impetus to local projects and their funding.</p>",
                    )
                ),
                bullet_list(
                    [
                        (
                            "den Koordinatorinnen und Koordinatoren in den Stadtteilen",
                            "neighbourhood coordinators",
                        ),
                        (
                            "den kommunalen Verwaltungen und ihren Partnern im Stadtteil",
                            "municipal administrations and their partners in the neighbourhoods",
                        ),
                        (
                            "Institutionen aus Wissenschaft und Beratung",
                            "institutions from research and consulting",
                        ),
                        (
                            "Dienststellen des Landes und der Bezirksregierungen",
                            "state authorities and the district governments",
                        ),
                    ],
                    intro=("So verbindet es unter anderem:", "It connects, among others:"),
                ),
            ]
        },
    )

    context.ensure_page(
        "cooperation",
        about,
        ContentPage,
        topics=[topic("einbindung-der-institutionen")],
        de={
            "title": "Zusammenarbeit und Austausch",
            "slug": "zusammenarbeit",
            "teaser": "Treffen, gemeinsame Veranstaltungen und eigene Publikationen.",
        },
        en={
            "title": "Cooperation and exchange",
            "slug": "cooperation",
            "teaser": "Meetings, joint events and our own publications.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Zusammenarbeit und Austausch haben viele Formen – und eine offene "
                        "Gesprächsatmosphäre, in der viel Wissen zusammenkommt.</p>",
                        "<p>Cooperation and exchange take many forms – with an open atmosphere "
                        "in which a great deal of knowledge comes together.</p>",
                    )
                ),
                accordion(
                    ("Formate der Zusammenarbeit", "Ways of working together"),
                    [
                        (
                            ("Regelmäßige Treffen und Sitzungen", "Regular meetings"),
                            (
                                "Die Mitgliedskommunen treffen sich regelmäßig, um aktuelle "
                                "Fragen zu besprechen.",
                                "The member municipalities meet regularly to discuss current "
                                "questions.",
                            ),
                        ),
                        (
                            ("Gemeinsame Veranstaltungen", "Joint events"),
                            (
                                "Fortbildungen, Workshops, Exkursionen, Tagungen und Messen.",
                                "Training courses, workshops, study trips, conferences and fairs.",
                            ),
                        ),
                        (
                            ("Eigene Publikationen", "Own publications"),
                            (
                                "Dokumentationen und Arbeitshilfen machen Ergebnisse für alle "
                                "nutzbar.",
                                "Documentation and practical guides make results available to "
                                "everyone.",
                            ),
                        ),
                    ],
                ),
            ]
        },
    )

    context.ensure_page(
        "approach",
        about,
        ContentPage,
        teaser_image=context.objects["themen"],
        topics=[topic("methoden-und-instrumente"), topic("buergerbeteiligung")],
        de={
            "title": "Integrierter Ansatz und Themen",
            "slug": "themen",
            "teaser": "Raumorientiert, integriert und über alle Ebenen: die Themen des Netzwerks.",
        },
        en={
            "title": "Integrated approach and topics",
            "slug": "topics",
            "teaser": "Area-based, integrated and across all levels: the network's topics.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Das Netzwerk soll den kommunalen Mitarbeiterinnen und Mitarbeitern "
                        "die Suche nach guten Lösungen für die Aufgaben der Sozialen Stadt "
                        "erleichtern: Sie können sich auf die Erfahrungen der anderen "
                        "stützen.</p>",
                        "<p>The network is meant to make it easier for municipal staff to find "
                        "good solutions for the tasks of the Soziale Stadt: they can draw on "
                        "the experience of others.</p>",
                    )
                ),
                bullet_list(
                    TOPIC_ITEMS,
                    intro=(
                        "Diese Themen kehren immer wieder:",
                        "These topics come up again and again:",
                    ),
                ),
            ]
        },
    )

    context.ensure_page(
        "tasks",
        about,
        ContentPage,
        topics=[topic("methoden-und-instrumente")],
        de={
            "title": "Weitere Aufgaben",
            "slug": "weitere-aufgaben",
            "teaser": "Analysen, Zielfindung und Evaluation für eine professionelle "
            "Stadtteilarbeit.",
        },
        en={
            "title": "Further tasks",
            "slug": "further-tasks",
            "teaser": "Analysis, goal setting and evaluation for professional neighbourhood work.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Systematische Analysen, gemeinsame Zielfindung und Evaluation helfen, "
                        "die Arbeit in den Stadtteilen weiter zu verbessern. In praxisnaher "
                        "Forschung entstehen neue Formen gebietsbezogener Information, die sich "
                        "für das einzelne Quartier ebenso eignen wie für den Vergleich über "
                        "Regionen hinweg.</p>",
                        "<p>Systematic analysis, shared goal setting and evaluation help to keep "
                        "improving the work in the neighbourhoods. Practice-oriented research "
                        "produces new kinds of area-based information that serve the individual "
                        "neighbourhood as well as comparisons across regions.</p>",
                    )
                ),
            ]
        },
    )

    context.ensure_page(
        "advocacy",
        about,
        ContentPage,
        topics=[topic("stadtteilmarketing")],
        de={
            "title": "Lobbyarbeit in eigener Sache",
            "slug": "lobbyarbeit",
            "teaser": "Mehr Öffentlichkeit für die integrierte Stadtteilentwicklung – und eine "
            "Auszeichnung im „Preis Soziale Stadt 2012“.",
        },
        en={
            "title": "Speaking up for our cause",
            "slug": "advocacy",
            "teaser": "More public attention for integrated neighbourhood development – and a "
            "recognition in the “Preis Soziale Stadt 2012”.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Das Netzwerk macht das Thema „Integrierte Stadtteilentwicklung / "
                        "Soziale Stadt“ bekannter – auch, um die Politik für eine aktive "
                        "Unterstützung zu gewinnen.</p>",
                        "<p>The network raises the profile of integrated neighbourhood "
                        "development and the Soziale Stadt – not least to win active support "
                        "from politics.</p>",
                    )
                ),
                heading(("Preis Soziale Stadt 2012", "Preis Soziale Stadt 2012")),
                paragraph(
                    (
                        "<p>Am 24. Januar 2013 erhielt das Städtenetz Soziale Stadt NRW eine von "
                        "zehn Anerkennungen im Wettbewerb „Preis Soziale Stadt 2012“. Unter dem "
                        "Motto „Stadtteil-Leben“ waren bundesweit 171 Beiträge eingereicht "
                        "worden. Der Wettbewerb wird seit 2000 alle zwei Jahre von Städtetag, "
                        "Wohnungswirtschaft, Wohlfahrt, Zivilgesellschaft, Wissenschaft und "
                        "Politik gemeinsam ausgelobt.</p>",
                        "<p>On 24 January 2013 the Städtenetz Soziale Stadt NRW received one of "
                        "ten recognitions in the “Preis Soziale Stadt 2012” competition. Under "
                        "the motto “Stadtteil-Leben” (neighbourhood life), 171 entries had been "
                        "submitted from all over Germany. Since 2000 the competition has been "
                        "held every two years by the association of cities, the housing "
                        "industry, welfare organisations, civil society, research and "
                        "politics.</p>",
                    )
                ),
                quote(
                    (
                        "Ausgezeichnet wurde der strukturierte Wissensaustausch zwischen den "
                        "Verantwortlichen für die Soziale Stadt in 33 Kommunen, dem Land und der "
                        "Wissenschaft.",
                        "The award recognised the structured exchange of knowledge between "
                        "those responsible for the Soziale Stadt in 33 municipalities, the state "
                        "and research.",
                    ),
                    attribution="Margarete Meyer",
                    role=(
                        "Leiterin der Geschäftsstelle seit 1999, nahm die Anerkennung entgegen",
                        "head of the office since 1999, who accepted the recognition",
                    ),
                ),
                paragraph(
                    (
                        "<p>Die Jury hob besonders hervor, wie das Netzwerk Ressourcen bündelt "
                        "und welchen sozialen Ertrag die Projekte in den Stadtteilen mit "
                        "besonderem Erneuerungsbedarf bringen.</p>",
                        "<p>The jury particularly highlighted how the network pools resources "
                        "and the social benefit its projects bring to neighbourhoods with "
                        "special renewal needs.</p>",
                    )
                ),
            ]
        },
    )

    contact_page = context.ensure_page(
        "contact",
        home,
        ContentPage,
        show_in_menus=True,
        teaser_image=context.objects["kontakt"],
        de={
            "title": "Kontakt & Beratung",
            "slug": "kontakt",
            "teaser": "Die Kommunale Koordinierungsstelle in Essen und die Fachberatung durch "
            "empirica.",
        },
        en={
            "title": "Contact & advice",
            "slug": "contact",
            "teaser": "The municipal coordination office in Essen and technical advice by "
            "empirica.",
        },
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Sie haben Fragen zur AG Soziale Stadt NRW, zum Programm „Sozialer "
                        "Zusammenhalt“ oder möchten mitarbeiten? Sprechen Sie uns an.</p>",
                        "<p>Do you have questions about the AG Soziale Stadt NRW or the "
                        "“Sozialer Zusammenhalt” programme, or would you like to take part? "
                        "Get in touch.</p>",
                    )
                ),
                heading(("Kommunale Koordinierungsstelle", "Municipal coordination office")),
                contact("contact:koordinierungsstelle"),
                heading(("Fachberatung", "Technical advice")),
                contact("contact:fachberatung"),
                page_links(
                    ("Mehr über die AG", "More about the working group"),
                    ["portrait", "objectives", "cooperation"],
                ),
            ]
        },
    )

    context.ensure_page(
        "cohesion",
        home,
        ContentPage,
        show_in_menus=True,
        teaser_image=context.objects["zusammenhalt"],
        topics=[topic("integration-und-inklusion"), topic("projektmanagement")],
        de={
            "title": "Sozialer Zusammenhalt",
            "slug": "sozialer-zusammenhalt",
            "teaser": "Worum es im Städtebauförderprogramm geht: integrierte Strategien für "
            "Quartiere mit besonderem Unterstützungsbedarf.",
        },
        en={
            "title": "Social cohesion",
            "slug": "social-cohesion",
            "teaser": "What the urban development funding programme is about: integrated "
            "strategies for neighbourhoods with particular needs.",
        },
        streams={
            "body": [
                figure(
                    "zusammenhalt",
                    caption=("Nachbarschaft als Ressource", "Neighbourhood as a resource"),
                    alt=(
                        "Gezeichnete Nachbarschaft mit Wohnhäusern und Bäumen",
                        "Drawing of a neighbourhood with houses and trees",
                    ),
                ),
                paragraph(
                    (
                        "<p>Gerechte Chancen, Teilhabe und gegenseitige Verantwortung: Im "
                        "Programm „Sozialer Zusammenhalt“ geht es darum, den Zusammenhalt der "
                        "Bewohnerschaft zu stärken und alle Bevölkerungsgruppen einzubeziehen. "
                        "In manchen Quartieren treffen Arbeitslosigkeit, Armut, niedrige "
                        "Bildungsabschlüsse und gesundheitliche Belastungen zusammen – "
                        "einzelne Maßnahmen reichen dort nicht aus.</p>",
                        "<p>Fair chances, participation and shared responsibility: the "
                        "“Sozialer Zusammenhalt” programme aims to strengthen cohesion among "
                        "residents and include every group of the population. In some "
                        "neighbourhoods, unemployment, poverty, low qualifications and health "
                        "problems come together – single measures are not enough there.</p>",
                    )
                ),
                heading(("Integrierte Strategien", "Integrated strategies")),
                paragraph(
                    (
                        "<p>Integrierte Strategien setzen Ziele für Gruppen mit besonderem "
                        "Unterstützungsbedarf, etwa Kinder, Jugendliche oder ältere Menschen. "
                        "Ein sozialräumliches Monitoring zeigt, wo sich Bedarfe überlagern und "
                        "wo Angebote fehlen. Inklusion, Chancengerechtigkeit und Gesundheit "
                        "ziehen sich dabei als Querschnittsthemen durch alle Maßnahmen.</p>",
                        "<p>Integrated strategies set goals for groups with particular needs, "
                        "such as children, young people or older people. Social-spatial "
                        "monitoring shows where needs overlap and where services are missing. "
                        "Inclusion, equal opportunities and health run through every measure "
                        "as cross-cutting themes.</p>",
                    )
                ),
                heading(("Quartiersmanagement", "Neighbourhood management")),
                paragraph(
                    (
                        "<p>Von der Beobachtung bis zur Umsetzung braucht es Netzwerke über "
                        "Themen und Ressorts hinweg. Das Quartiersmanagement vermittelt dabei "
                        "zwischen Zivilgesellschaft, Verwaltung und Hilfesystemen – eine "
                        "anspruchsvolle Aufgabe bei so vielen Beteiligten.</p>",
                        "<p>From observation to implementation, networks across topics and "
                        "departments are needed. Neighbourhood management mediates between "
                        "civil society, the administration and support services – a demanding "
                        "task with so many people involved.</p>",
                    )
                ),
                call_to_action(
                    ("Fragen zum Programm?", "Questions about the programme?"),
                    (
                        "Die Koordinierungsstelle und die Fachberatung helfen weiter.",
                        "The coordination office and our advisers are happy to help.",
                    ),
                    ("Kontakt aufnehmen", "Get in touch"),
                    "contact",
                ),
            ]
        },
    )

    imprint = context.ensure_page(
        "imprint",
        home,
        ContentPage,
        de={"title": "Impressum", "slug": "impressum"},
        en={"title": "Legal notice", "slug": "legal-notice"},
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Anbieterin dieser Website ist die Stadt Essen als Kommunale "
                        "Koordinierungsstelle der AG Soziale Stadt NRW im Netzwerk "
                        "Stadtentwicklung NRW. Fachliche Beratung: empirica ag.</p>"
                        "<p>Diese Angaben sind Demonstrationsinhalte; die verbindlichen Angaben "
                        "pflegt die Redaktion.</p>",
                        "<p>This website is provided by the City of Essen as the municipal "
                        "coordination office of the AG Soziale Stadt NRW in the Netzwerk "
                        "Stadtentwicklung NRW. Technical advice: empirica ag.</p>"
                        "<p>These details are demonstration content; the binding information "
                        "is maintained by the editors.</p>",
                    )
                ),
                contact("contact:koordinierungsstelle"),
            ]
        },
    )

    privacy = context.ensure_page(
        "privacy",
        home,
        ContentPage,
        de={"title": "Datenschutz", "slug": "datenschutz"},
        en={"title": "Privacy", "slug": "privacy"},
        streams={
            "body": [
                paragraph(
                    (
                        "<p>Diese Website kommt ohne Tracking und ohne Inhalte von Dritten aus: "
                        "Schriften, Skripte und Bilder liefern wir selbst aus.</p>",
                        "<p>This website works without tracking and without third-party "
                        "content: we serve fonts, scripts and images ourselves.</p>",
                    )
                ),
                heading(("Karten", "Maps")),
                paragraph(
                    (
                        "<p>Kartenkacheln werden erst geladen, nachdem Sie der Anzeige der Karte "
                        "ausdrücklich zugestimmt haben. Erst dann wird Ihre IP-Adresse an den "
                        "Kartendienst übermittelt. Ihre Entscheidung speichert nur Ihr "
                        "Browser.</p>",
                        "<p>Map tiles are loaded only after you have explicitly agreed to show "
                        "the map. Only then is your IP address sent to the map service. Your "
                        "choice is stored in your browser only.</p>",
                    )
                ),
            ]
        },
    )

    home_featured(context, home)
    site_settings(home, contact_page, imprint, privacy)


def home_featured(context, home: HomePage) -> None:
    if home.featured:
        return
    home.featured = [
        ("teaser", {"page": context.pages[key], "title": "", "text": ""})
        for key in ("portrait", "cohesion", "approach", "contact")
    ]
    home.save_revision().publish()
    # The teasers hold only page references, so the English start page just needs a sync.
    context.sync_translation(home)


def site_settings(home: HomePage, contact_page, imprint, privacy) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if settings.footer_links.exists():
        return
    settings.office_name = "Kommunale Koordinierungsstelle, Stadt Essen"
    settings.advisor_name = "empirica ag"
    settings.phone = "0228 914 89-65"
    settings.email = "soziale-stadt@netzwerk-stadtentwicklung.nrw"
    settings.footer_links = [
        FooterLink(page=page, sort_order=order)
        for order, page in enumerate((contact_page, imprint, privacy))
    ]
    # What search engines and link previews show for pages without a teaser of their own.
    settings.description = (
        "Die Arbeitsgemeinschaft Soziale Stadt NRW verbindet die Kommunen im "
        "Städtebauförderprogramm: Aktuelles, Termine, Stadtteilprofile und Wissen aus der Praxis."
    )
    settings.description_en = (
        "The working group Soziale Stadt NRW connects the municipalities in the urban "
        "development programme: news, events, district profiles and knowledge from practice."
    )
    settings.save()


# The main navigation in this order; content areas added by later steps slot in by their key.
MENU_ORDER = ["about", "profiles", "news", "events", "knowledge", "cohesion", "contact"]


ENFORCEMENT = (
    "<p>Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine oder keine "
    "zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie "
    "Informationstechnik des Landes Nordrhein-Westfalen wenden:</p><p>Ombudsstelle für "
    "barrierefreie Informationstechnik bei der Beauftragten der Landesregierung für Menschen mit "
    "Behinderung sowie für Patientinnen und Patienten in Nordrhein-Westfalen, Fürstenwall 25, "
    "40219 Düsseldorf, E-Mail: ombudsstelle-barrierefreie-it@mags.nrw.de</p>",
    "<p>If you receive no answer, or no satisfactory answer, to your feedback within six weeks, "
    "you can turn to the ombudsman's office for accessible information technology of North "
    "Rhine-Westphalia:</p><p>Ombudsstelle für barrierefreie Informationstechnik bei der "
    "Beauftragten der Landesregierung für Menschen mit Behinderung sowie für Patientinnen und "
    "Patienten in Nordrhein-Westfalen, Fürstenwall 25, 40219 Düsseldorf, e-mail: "
    "ombudsstelle-barrierefreie-it@mags.nrw.de</p>",
)


@demo_step(after=("site_tree",))
def accessibility_statement(context):
    """The Erklärung zur Barrierefreiheit in both languages, linked from the footer."""
    home = ensure_home(context)
    statement = context.ensure_page(
        "accessibility",
        home,
        AccessibilityStatementPage,
        conformance="teilweise",
        prepared_on=date(2026, 6, 1),
        last_reviewed=date(2026, 11, 16),
        assessment="Selbstbewertung der Koordinierungsstelle mit automatischen Prüfungen",
        de={
            "title": "Erklärung zur Barrierefreiheit",
            "slug": "barrierefreiheit",
            "teaser": "Wie barrierefrei diese Website ist, was noch fehlt und wie Sie uns "
            "Barrieren melden.",
            "known_barriers": "<p>Einige ältere PDF-Dokumente der Werkstattreihen sind nicht "
            "getaggt. Wir stellen sie schrittweise barrierefrei bereit; bis dahin senden wir "
            "Ihnen die Inhalte auf Anfrage in einer zugänglichen Form.</p><p>Die Karte der "
            "Programmgebiete ist mit der Tastatur bedienbar; alle Angaben der Karte stehen "
            "zusätzlich in der Liste darunter.</p>",
            "feedback_intro": "<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? "
            "Schreiben Sie uns über das Formular oder per E-Mail.</p>",
            "enforcement": ENFORCEMENT[0],
        },
        en={
            "title": "Accessibility statement",
            "slug": "accessibility",
            "teaser": "How accessible this website is, what is still missing and how to tell "
            "us about barriers.",
            "known_barriers": "<p>Some older PDF documents of the workshop series are not "
            "tagged. We are making them accessible step by step; until then we send you the "
            "content in an accessible form on request.</p><p>The map of the programme areas "
            "can be used with the keyboard; everything it shows is also in the list below "
            "it.</p>",
            "feedback_intro": "<p>Have you noticed barriers? Write to us using the form or by "
            "e-mail.</p>",
            "enforcement": ENFORCEMENT[1],
        },
    )
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    links = site_settings.footer_links
    if links.exists() and not links.filter(page=statement).exists():
        FooterLink.objects.create(settings=site_settings, page=statement, sort_order=links.count())


@demo_step(after=("site_tree", "accessibility_statement"))
def open_data(context):
    """The "Offene Daten" page in both languages, linked from the footer after the
    accessibility statement; the datasets it lists come from cms.opendata."""
    home = ensure_home(context)
    page = context.ensure_page(
        "open_data",
        home,
        OpenDataPage,
        de={
            "title": "Offene Daten",
            "slug": "offene-daten",
            "teaser": "Programmgebiete, Kommunen, Veranstaltungen und Publikationen des "
            "Netzwerks als Datensätze unter freier Lizenz.",
            "intro": "<p>Die Stadtteilprofile, die Mitgliedskommunen, die Veranstaltungen und "
            "die Publikationen der AG Soziale Stadt NRW stehen hier als offene Daten bereit – "
            "für Kommunen, Forschung und Presse. Alle Dateien werden bei jeder Veröffentlichung "
            "aktuell erzeugt; ihre Adressen bleiben gleich. Fragen beantwortet die "
            "Koordinierungsstelle.</p>",
        },
        en={
            "title": "Open data",
            "slug": "open-data",
            "teaser": "The network's programme areas, municipalities, events and "
            "publications as datasets with a free licence.",
            "intro": "<p>The district profiles, member municipalities, events and "
            "publications of the AG Soziale Stadt NRW are available here as open data – for "
            "municipalities, researchers and journalists. The files are generated afresh on "
            "every publication; their addresses stay the same. The coordination office "
            "answers questions.</p>",
        },
    )
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    links = site_settings.footer_links
    if links.exists() and not links.filter(page=page).exists():
        FooterLink.objects.create(settings=site_settings, page=page, sort_order=links.count())


def easy_language_body(key: str, text: dict, context) -> list[dict]:
    """The StreamField data of a page in Leichte Sprache (stable block ids)."""
    body = []
    for index, (heading_text, image_key, lines) in enumerate(text["sections"]):
        bid = block_id(key, index)
        image = {"image": None, "decorative": False, "alt_text": ""}  # as the editor stores it
        if image_key:
            picture = context.objects[image_key]
            image = {"image": picture.pk, "decorative": False, "alt_text": picture.description}
        body.append(
            {
                "type": "section",
                "id": bid,
                "value": {
                    "heading": heading_text,
                    "lines": list_items(bid, lines),
                    "image": image,
                },
            }
        )
    bid = block_id(key, "glossary")
    entries = [
        {
            "term": term,
            "explanation": list_items(block_id(bid, index), explanation),
        }
        for index, (term, explanation) in enumerate(text["glossary"])
    ]
    body.append(
        {
            "type": "glossary",
            "id": bid,
            "value": {"heading": "Wörterbuch", "entries": list_items(bid, entries)},
        }
    )
    return body


@demo_step(after=("site_tree",))
def easy_and_sign_language(context):
    """The section in Leichte Sprache and the page in German Sign Language (German only: the
    English site's header links to them), linked from every page's header."""
    home = ensure_home(context)

    def ensure(key, parent, text):
        return context.ensure_page(
            key,
            parent,
            EasyLanguagePage,
            de={
                "title": text["title"],
                "slug": text["slug"],
                "teaser": text["teaser"],
                "body": easy_language_body(key, text, context),
            },
        )

    start = ensure("easy_language", home, easy.START)
    for text in easy.PAGES:
        ensure(f"easy_language:{text['slug']}", start, text)
    sign = context.ensure_page(
        "sign_language", home, SignLanguagePage, de=dict(easy.SIGN_LANGUAGE)
    )
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if not (site_settings.easy_language_page_id and site_settings.sign_language_page_id):
        site_settings.easy_language_page = start
        site_settings.sign_language_page = sign
        site_settings.save()


@demo_step(
    after=(
        "site_tree",
        "accessibility_statement",
        "open_data",
        "easy_and_sign_language",
        "district_profiles",
        "news_and_events",
        "knowledge_library",
    )
)
def menu_order(context):
    """Arrange the start page's children (both languages) in the order of MENU_ORDER; runs
    after every step that adds a child to the start page."""
    for locale in (context.german, context.english):
        home = context.pages["home"].get_translation_or_none(locale)
        if home is None:
            continue
        wanted = []
        for key in MENU_ORDER:
            page = context.pages.get(key)
            translated = page.get_translation_or_none(locale) if page is not None else None
            if translated is not None:
                wanted.append(translated.pk)
        current = [
            page.pk for page in Page.objects.child_of(home).filter(pk__in=wanted).order_by("path")
        ]
        if current == wanted:
            continue
        for page_id in wanted:
            Page.objects.get(pk=page_id).move(home, pos="last-child")
