"""The search-quality set: queries over the demo content, judged by hand.

Each query stands for something a visitor of the network's site types: topic names, place
names, German words typed without umlauts, inflected forms, parts of compounds, typos and, on
the English site, the English words for the same things.

``must``: pages that have to be among the first five results (the test fails otherwise).
``relevant``: further pages judged relevant; with ``must`` they make up the relevant set that
precision at 5 is measured against, together with every page editors tagged with one of
``topics`` (tagging is the editors' own relevance judgement).
Pages are named by their path below the language's start page.
"""

from typing import NamedTuple


class Judged(NamedTuple):
    query: str
    must: tuple[str, ...]
    relevant: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


WORKSHOPS = tuple(
    f"wissen/werkstattreihe-sozialraumorientierung/{slug}"
    for slug in (
        "auftakt-essen",
        "lokale-oekonomie-gelsenkirchen",
        "bildung-dortmund",
        "gesundheit-koeln",
        "beteiligung-wuppertal",
        "integration-bielefeld",
        "wohnumfeld-duesseldorf",
        "umweltgerechtigkeit-aachen",
        "oeffentlichkeit-hagen",
        "abschluss-essen",
    )
)

GERMAN = [
    # Topics, inflections and spellings without umlauts
    Judged(
        "Beteiligung",
        ("aktuelles/beteiligung-digital-hagen", "veranstaltungen/werkstatt-beteiligung-hagen"),
        topics=("buergerbeteiligung",),
    ),
    Judged("Bürgerbeteiligung", ("ueber-uns/themen",), topics=("buergerbeteiligung",)),
    Judged("Buergerbeteiligung", ("ueber-uns/themen",), topics=("buergerbeteiligung",)),
    Judged("Beteilgung", ("aktuelles/beteiligung-digital-hagen",), topics=("buergerbeteiligung",)),
    Judged(
        "lokale Ökonomie",
        (
            "aktuelles/exkursion-nordstadt-lokale-oekonomie",
            "veranstaltungen/seminar-lokale-oekonomie",
        ),
        topics=("lokale-oekonomie",),
    ),
    Judged(
        "Oekonomie",
        ("aktuelles/exkursion-nordstadt-lokale-oekonomie",),
        topics=("lokale-oekonomie",),
    ),
    Judged(
        "Gender Mainstreaming",
        ("aktuelles/gender-mainstreaming-ergebnisse", "veranstaltungen/arbeitsgruppe-gender"),
        topics=("gender-mainstreaming",),
    ),
    Judged(
        "Werkstaetten Gelsenkirchen",
        ("wissen/werkstattreihe-sozialraumorientierung/lokale-oekonomie-gelsenkirchen",),
        relevant=WORKSHOPS,
    ),
    Judged(
        "Werkstattreihe Sozialraumorientierung",
        ("wissen/werkstattreihe-sozialraumorientierung",),
        relevant=(
            "wissen/abschlussdokumentation-werkstattreihe",
            "wissen/werkstattreihe-sozialraumorientierung/auftakt-essen",
        ),
    ),
    Judged("Abschlussdokumentation", ("wissen/abschlussdokumentation-werkstattreihe",)),
    Judged(
        "Verfügungsfonds",
        ("wissen/arbeitshilfe-verfuegungsfonds", "aktuelles/arbeitshilfe-verfuegungsfonds"),
        relevant=("veranstaltungen/online-seminar-verfuegungsfonds",),
    ),
    Judged(
        "Verfuegungsfonds",
        ("wissen/arbeitshilfe-verfuegungsfonds",),
        relevant=(
            "aktuelles/arbeitshilfe-verfuegungsfonds",
            "veranstaltungen/online-seminar-verfuegungsfonds",
        ),
    ),
    Judged(
        "Klimaanpassung",
        (
            "aktuelles/werkstattgespraech-klimaanpassung",
            "veranstaltungen/werkstatt-klimaanpassung",
        ),
        topics=("oekologie-und-umweltgerechtigkeit",),
    ),
    Judged(
        "Quartiersmanagement",
        ("wissen/quartiersmanagement-in-nrw",),
        relevant=("aktuelles/netzwerktreffen-gelsenkirchen",),
    ),
    Judged("Präventionsketten", ("aktuelles/praeventionsketten",)),
    Judged("Praeventionskette", ("aktuelles/praeventionsketten",)),
    Judged(
        "Bildungslandschaften",
        ("aktuelles/schulen-als-ankerorte", "veranstaltungen/fachtag-bildung-koeln"),
        topics=("bildung",),
    ),
    Judged("Schule", ("aktuelles/schulen-als-ankerorte",), topics=("bildung",)),
    Judged(
        "Stadtteilmarketing",
        ("aktuelles/stadtteilmarketing-image",),
        topics=("stadtteilmarketing",),
    ),
    Judged(
        "Städtebauförderung",
        (
            "aktuelles/aufruf-staedtebaufoerderung",
            "veranstaltungen/sprechstunde-staedtebaufoerderung",
        ),
        relevant=("sozialer-zusammenhalt",),
    ),
    Judged(
        "Staedtebaufoerderung",
        ("aktuelles/aufruf-staedtebaufoerderung",),
        relevant=("veranstaltungen/sprechstunde-staedtebaufoerderung",),
    ),
    Judged("Jahrestagung", ("veranstaltungen/jahrestagung", "aktuelles/rueckblick-jahrestagung")),
    Judged(
        "Teilhabe Integration",
        ("aktuelles/teilhabe-und-integrationsstrategie-2030",),
        topics=("integration-und-inklusion",),
    ),
    Judged("Familien Kinder", ("aktuelles/esf-programm-aktif",)),
    Judged("Stadtteilkultur", ("aktuelles/stadtteilkultur-foerdern",)),
    Judged("Höfe und Plätze", ("aktuelles/hoefe-und-plaetze",)),
    Judged("Positionspapier", ("wissen/positionspapier-sozialer-zusammenhalt",)),
    Judged("Gemeinwesenarbeit", ("veranstaltungen/bundeskonferenz-gemeinwesenarbeit",)),
    Judged(
        "Leerstand", ("veranstaltungen/seminar-lokale-oekonomie",), topics=("lokale-oekonomie",)
    ),
    Judged("Stadtteilfeste", ("veranstaltungen/workshop-stadtteilfeste",)),
    Judged(
        "Sport Bewegung",
        ("aktuelles/sport-im-park", "veranstaltungen/ag-treffen-aachen"),
        topics=("sport-und-freizeit",),
    ),
    # Places
    Judged("Katernberg", ("stadtteilprofile/essen/katernberg",)),
    Judged("Marxloh", ("stadtteilprofile/duisburg/marxloh",)),
    Judged(
        "Dortmunder Nordstadt",
        ("stadtteilprofile/dortmund/nordstadt", "veranstaltungen/exkursion-dortmund-nordstadt"),
        relevant=("aktuelles/exkursion-nordstadt-lokale-oekonomie",),
    ),
    Judged(
        "Wuppertal Oberbarmen",
        ("stadtteilprofile/wuppertal/oberbarmen-wichlinghausen",),
        relevant=("veranstaltungen/exkursion-wuppertal",),
    ),
    Judged("Muelheim Eppinghofen", ("stadtteilprofile/muelheim/eppinghofen",)),
    Judged("Netzwerktreffen Essen", ("veranstaltungen/netzwerktreffen-essen",)),
]

ENGLISH = [
    Judged(
        "participation",
        ("news/digital-participation-hagen", "events/workshop-participation-hagen"),
        topics=("buergerbeteiligung",),
    ),
    Judged(
        "local economy",
        ("news/study-trip-nordstadt-local-economy", "events/seminar-local-economy"),
        topics=("lokale-oekonomie",),
    ),
    Judged(
        "neighbourhood funds",
        ("knowledge/guide-neighbourhood-funds",),
        relevant=("news/guide-neighbourhood-funds", "events/online-seminar-neighbourhood-funds"),
    ),
    Judged(
        "climate adaptation",
        ("news/workshop-climate-adaptation", "events/workshop-climate-adaptation"),
    ),
    Judged(
        "gender mainstreaming",
        ("news/gender-mainstreaming-results", "events/working-group-gender"),
        topics=("gender-mainstreaming",),
    ),
    Judged("prevention chain", ("news/prevention-chains",)),
    Judged("schools", ("news/schools-as-anchors",), topics=("bildung",)),
    Judged(
        "neighbourhood management",
        ("knowledge/neighbourhood-management-in-nrw",),
        relevant=("news/network-meeting-gelsenkirchen",),
    ),
    Judged("annual conference", ("events/annual-conference", "news/annual-conference-review")),
    Judged(
        "study trips",
        ("events/study-trip-dortmund-nordstadt",),
        relevant=("events/study-trip-wuppertal", "news/study-trip-nordstadt-local-economy"),
    ),
    Judged("position paper", ("knowledge/position-paper-social-cohesion",)),
    Judged("Katernberg", ("district-profiles/essen/katernberg",)),
]
