"""Facts for the demo news and events.

The three news items and three event notices of the network's old start page keep their titles,
dates and places; their texts are written anew. Everything else is invented for the demo and
dated relative to the day the demo is loaded, so there are always past and upcoming events.
"""

import datetime
from typing import NamedTuple


class News(NamedTuple):
    slug: tuple[str, str]  # German, English
    date: datetime.date | int  # a date, or days before today
    title: tuple[str, str]
    teaser: tuple[str, str]
    text: tuple[str, str]
    topics: list[str]
    source: str = ""
    source_name: str = ""


class Event(NamedTuple):
    slug: tuple[str, str]
    start: datetime.date | int  # a date, or days from today (negative: past)
    days: int  # 1 for one-day events
    times: tuple[str, str] | None  # ("10:00", "16:00"), ("18:00", "") or None (all day)
    title: tuple[str, str]
    teaser: tuple[str, str]
    city: str
    venue: str
    attendance: str  # offline / online / mixed
    organiser: str
    topics: list[str]
    fee: str = ""
    registration_days_before: int | None = None


NEWS = [
    News(
        ("esf-programm-aktif", "esf-programme-aktif"),
        datetime.date(2019, 9, 12),
        (
            "ESF-Programm „Akti(F) – Aktiv für Familien und ihre Kinder“",
            "ESF programme “Akti(F) – Active for families and their children”",
        ),
        (
            "Ein Förderprogramm für Familien in schwierigen Lebenslagen, denen Ausgrenzung und Armut "
            "drohen.",
            "A funding programme for families in difficult circumstances who are at risk of "
            "exclusion and poverty.",
        ),
        (
            "Das Programm richtet sich an Familien mit Kindern unter 18 Jahren, die Grundsicherung "
            "nach dem SGB II oder Sozialhilfe nach dem SGB XII beziehen oder Kinderzuschlag "
            "erhalten. Auch Alleinerziehende und Menschen mit Behinderungen können besonders in den "
            "Blick genommen werden. Für die Quartiere der Sozialen Stadt ist das eine Chance, "
            "Angebote für Familien vor Ort zu stärken.",
            "The programme is aimed at families with children under 18 who receive basic income "
            "support under SGB II or social assistance under SGB XII, or who receive the child "
            "supplement. Single parents and people with disabilities can be a particular focus. "
            "For the neighbourhoods of the Soziale Stadt this is a chance to strengthen local "
            "offers for families.",
        ),
        ["integration-und-inklusion", "beschaeftigung-und-qualifizierung"],
        "https://www.esf.nrw",
        "ESF in Nordrhein-Westfalen",
    ),
    News(
        ("teilhabe-und-integrationsstrategie-2030", "participation-and-integration-strategy-2030"),
        datetime.date(2019, 9, 12),
        (
            "Teilhabe- und Integrationsstrategie 2030 des Landes NRW veröffentlicht",
            "NRW publishes its Participation and Integration Strategy 2030",
        ),
        (
            "Das Integrationsministerium des Landes setzt den nordrhein-westfälischen Weg in der "
            "Integrationspolitik fort.",
            "The state's integration ministry continues North Rhine-Westphalia's course in "
            "integration policy.",
        ),
        (
            "Die vom Ministerium für Kinder, Familie, Flüchtlinge und Integration (MKFFI NRW) "
            "vorgelegte Strategie versteht sich nicht als Neuanfang, sondern als ehrgeizige "
            "Fortsetzung der bisherigen Integrationspolitik des Landes. Viele ihrer Ziele betreffen "
            "unmittelbar die Arbeit in den Quartieren.",
            "The strategy presented by the Ministry for Children, Family, Refugees and Integration "
            "(MKFFI NRW) does not see itself as a new beginning but as an ambitious continuation of "
            "the state's integration policy. Many of its goals directly concern the work in the "
            "neighbourhoods.",
        ),
        ["integration-und-inklusion"],
        "https://www.land.nrw",
        "Land Nordrhein-Westfalen",
    ),
    News(
        ("gemeinsam-klappts", "gemeinsam-klappts"),
        datetime.date(2019, 9, 5),
        (
            "„Gemeinsam klappt’s“: Förderung von Teilhabemanager vor Ort",
            "“Gemeinsam klappt’s”: funding for local participation managers",
        ),
        (
            "Junge Geflüchtete zwischen 18 und 27 Jahren sollen leichter Zugang zu Qualifizierung, "
            "Ausbildung und Arbeit finden.",
            "Young refugees aged 18 to 27 are to find it easier to access qualification, training "
            "and work.",
        ),
        (
            "Im Rahmen der Landesinitiative „Gemeinsam klappt’s“ des MKFFI NRW werden "
            "Teilhabemanagerinnen und Teilhabemanager vor Ort gefördert. Im Mittelpunkt stehen "
            "insbesondere Geduldete und Gestattete, die bisher wenig Zugang zu Angeboten haben.",
            "Under the state initiative “Gemeinsam klappt’s” of the MKFFI NRW, local participation "
            "managers are funded. The focus is on people with a tolerated or permitted stay who "
            "have had little access to support so far.",
        ),
        ["integration-und-inklusion", "beschaeftigung-und-qualifizierung"],
        "https://www.land.nrw",
        "Land Nordrhein-Westfalen",
    ),
]

# Further news: (German slug, English slug, days ago, German title, English title, topics)
_MORE_NEWS = [
    (
        "netzwerktreffen-gelsenkirchen",
        "network-meeting-gelsenkirchen",
        12,
        "Netzwerktreffen in Gelsenkirchen: Quartiersmanagement im Wandel",
        "Network meeting in Gelsenkirchen: neighbourhood management in transition",
        ["projektmanagement", "buergerbeteiligung"],
    ),
    (
        "arbeitshilfe-verfuegungsfonds",
        "guide-neighbourhood-funds",
        30,
        "Neue Arbeitshilfe zum Verfügungsfonds erschienen",
        "New practical guide to neighbourhood funds published",
        ["buergerbeteiligung", "projektmanagement"],
    ),
    (
        "programmjahr-neue-gebiete",
        "programme-year-new-areas",
        55,
        "Programmjahr: neue Gebiete im Sozialen Zusammenhalt",
        "Programme year: new areas in the Sozialer Zusammenhalt programme",
        ["wohnungs-und-staedtebau"],
    ),
    (
        "werkstattgespraech-klimaanpassung",
        "workshop-climate-adaptation",
        80,
        "Werkstattgespräch zur Klimaanpassung im Quartier",
        "Workshop talk on climate adaptation in the neighbourhood",
        ["oekologie-und-umweltgerechtigkeit", "wohnumfeldverbesserung"],
    ),
    (
        "exkursion-nordstadt-lokale-oekonomie",
        "study-trip-nordstadt-local-economy",
        110,
        "Exkursion in die Dortmunder Nordstadt: lokale Ökonomie stärken",
        "Study trip to Dortmund's Nordstadt: strengthening the local economy",
        ["lokale-oekonomie"],
    ),
    (
        "gender-mainstreaming-ergebnisse",
        "gender-mainstreaming-results",
        140,
        "Gender Mainstreaming in der Stadtteilarbeit: Ergebnisse der Arbeitsgruppe",
        "Gender mainstreaming in neighbourhood work: results of the working group",
        ["gender-mainstreaming"],
    ),
    (
        "schulen-als-ankerorte",
        "schools-as-anchors",
        170,
        "Bildungslandschaften: Schulen als Ankerorte im Quartier",
        "Education landscapes: schools as anchors of the neighbourhood",
        ["bildung", "schule-kultur-zusammenleben"],
    ),
    (
        "beteiligung-digital-hagen",
        "digital-participation-hagen",
        200,
        "Beteiligung digital: Erfahrungen aus Hagen-Wehringhausen",
        "Digital participation: lessons from Hagen-Wehringhausen",
        ["buergerbeteiligung", "lokale-oeffentlichkeit"],
    ),
    (
        "aufruf-staedtebaufoerderung",
        "call-urban-development-funding",
        240,
        "Städtebauförderung: Aufruf zur Antragstellung",
        "Urban development funding: call for applications",
        ["projektmanagement"],
    ),
    (
        "sport-im-park",
        "sport-in-the-park",
        280,
        "Sport im Park: Bewegungsangebote für alle Generationen",
        "Sport in the park: exercise for all generations",
        ["sport-und-freizeit", "gesundheit-und-sicherheit"],
    ),
    (
        "stadtteilkultur-foerdern",
        "supporting-neighbourhood-culture",
        320,
        "Kultur im Quartier: Stadtteilkultur fördern",
        "Culture in the neighbourhood: supporting local culture",
        ["kultur"],
    ),
    (
        "neue-mitgliedskommunen",
        "new-member-municipalities",
        365,
        "AG Soziale Stadt begrüßt neue Mitgliedskommunen",
        "AG Soziale Stadt welcomes new member municipalities",
        ["einbindung-der-institutionen"],
    ),
    (
        "rueckblick-jahrestagung",
        "annual-conference-review",
        400,
        "Rückblick auf die Jahrestagung der AG Soziale Stadt NRW",
        "Looking back at the annual conference of the AG Soziale Stadt NRW",
        ["methoden-und-instrumente"],
    ),
    (
        "stadtteilmarketing-image",
        "neighbourhood-marketing-image",
        450,
        "Stadtteilmarketing: Wie Quartiere ihr Image verbessern",
        "Neighbourhood marketing: how districts improve their image",
        ["stadtteilmarketing"],
    ),
    (
        "praeventionsketten",
        "prevention-chains",
        500,
        "Gesundheit im Quartier: Präventionsketten aufbauen",
        "Health in the neighbourhood: building prevention chains",
        ["gesundheit-und-sicherheit"],
    ),
    (
        "hoefe-und-plaetze",
        "courtyards-and-squares",
        560,
        "Wohnumfeld: Höfe und Plätze neu gestalten",
        "Residential environment: redesigning courtyards and squares",
        ["wohnumfeldverbesserung", "wohnungs-und-staedtebau"],
    ),
]

for slug_de, slug_en, days_ago, title_de, title_en, topic_slugs in _MORE_NEWS:
    NEWS.append(
        News(
            (slug_de, slug_en),
            days_ago,
            (title_de, title_en),
            (
                f"{title_de.split(':')[0]}: Was die Mitgliedskommunen dazu berichten und welche "
                "Erfahrungen sie teilen.",
                f"{title_en.split(':')[0]}: what the member municipalities report and which "
                "experiences they share.",
            ),
            (
                "Die AG Soziale Stadt NRW greift das Thema in ihren Netzwerktreffen und Werkstätten "
                "auf. Fachleute aus den Kommunen berichten aus ihrer Praxis, diskutieren "
                "Stolpersteine und sammeln Beispiele, die sich auf andere Quartiere übertragen "
                "lassen. Die Ergebnisse stehen allen Mitgliedskommunen zur Verfügung.",
                "The AG Soziale Stadt NRW takes up the topic in its network meetings and workshops. "
                "Professionals from the municipalities report from their practice, discuss "
                "stumbling blocks and collect examples that can be transferred to other "
                "neighbourhoods. The results are available to all member municipalities.",
            ),
            topic_slugs,
        )
    )

EVENTS = [
    Event(
        ("bundeskonferenz-gemeinwesenarbeit", "federal-conference-community-work"),
        datetime.date(2019, 11, 25),
        1,
        None,
        (
            "Bundeskonferenz „Gemeinwesenarbeit in der Sozialen Stadt“ und Bundeskongress „Mehr "
            "Quartier für alle – 20 Jahre Soziale Stadt“",
            "Federal conference “Community work in the Soziale Stadt” and federal congress “More "
            "neighbourhood for all – 20 years of the Soziale Stadt”",
        ),
        (
            "Das Bundesinnenministerium (BMI) und das BBSR laden gemeinsam ins REFUGIO Berlin ein.",
            "The Federal Ministry of the Interior (BMI) and the BBSR jointly invite to REFUGIO "
            "Berlin.",
        ),
        "Berlin",
        "REFUGIO Berlin",
        "offline",
        "Bundesministerium des Innern, für Bau und Heimat (BMI) und BBSR",
        ["einbindung-der-institutionen", "buergerbeteiligung"],
    ),
    Event(
        ("seminar-beteiligung-direkte-demokratie", "seminar-participation-direct-democracy"),
        datetime.date(2019, 11, 14),
        1,
        None,
        (
            "Seminar „Beteiligung und direkte Demokratie in der Stadtentwicklung“",
            "Seminar “Participation and direct democracy in urban development”",
        ),
        (
            "Bürgerinnen und Bürger wollen die Planung ihrer Stadt mitgestalten – wie passt das zu "
            "den Entscheidungen der Kommunalpolitik?",
            "Citizens want to help shape the planning of their city – how does that fit with the "
            "decisions of local politics?",
        ),
        "München",
        "",
        "offline",
        "",
        ["buergerbeteiligung"],
    ),
    Event(
        ("stadt-in-bewegung", "city-in-motion"),
        datetime.date(2019, 9, 24),
        1,
        None,
        (
            "Veranstaltungsreihe „Stadt in Bewegung – mobil ökologisch lebenswert“",
            "Event series “City in motion – mobile, ecological, liveable”",
        ),
        (
            "Der BDA-Landesverband NRW lädt in dreizehn Städten zu Veranstaltungen rund um "
            "Mobilität ein.",
            "The NRW chapter of the Association of German Architects (BDA) hosts events on "
            "mobility in thirteen cities.",
        ),
        "verschiedene Städte in NRW",
        "",
        "offline",
        "Landesverband NRW des Bundes Deutscher Architekten (BDA)",
        ["oekologie-und-umweltgerechtigkeit", "wohnungs-und-staedtebau"],
    ),
]

# Further events: (German slug, English slug, days from today, days, times, German title,
# English title, city, venue, attendance, organiser, topics, fee, registration days before)
_MORE_EVENTS = [
    (
        "netzwerktreffen-essen",
        "network-meeting-essen",
        -150,
        1,
        ("10:00", "15:30"),
        "Netzwerktreffen der AG Soziale Stadt NRW in Essen",
        "AG Soziale Stadt NRW network meeting in Essen",
        "Essen",
        "Zeche Zollverein",
        "offline",
        "AG Soziale Stadt NRW",
        ["projektmanagement"],
        "",
        None,
    ),
    (
        "online-seminar-verfuegungsfonds",
        "online-seminar-neighbourhood-funds",
        -120,
        1,
        ("14:00", "16:00"),
        "Online-Seminar: Verfügungsfonds richtig einsetzen",
        "Online seminar: making good use of neighbourhood funds",
        "",
        "",
        "online",
        "AG Soziale Stadt NRW",
        ["buergerbeteiligung"],
        "kostenfrei",
        None,
    ),
    (
        "exkursion-dortmund-nordstadt",
        "study-trip-dortmund-nordstadt",
        -90,
        1,
        None,
        "Exkursion in die Dortmunder Nordstadt",
        "Study trip to Dortmund's Nordstadt",
        "Dortmund",
        "Quartiersbüro Nordstadt",
        "offline",
        "Stadt Dortmund",
        ["lokale-oekonomie", "integration-und-inklusion"],
        "",
        None,
    ),
    (
        "werkstatt-klimaanpassung",
        "workshop-climate-adaptation",
        -60,
        1,
        ("09:30", "16:00"),
        "Werkstatt: Klimaanpassung im Bestand",
        "Workshop: climate adaptation in existing neighbourhoods",
        "Bochum",
        "Stadtteilzentrum Hustadt",
        "offline",
        "AG Soziale Stadt NRW",
        ["oekologie-und-umweltgerechtigkeit"],
        "30 €",
        14,
    ),
    (
        "arbeitsgruppe-gender",
        "working-group-gender",
        -30,
        1,
        ("13:00", "16:00"),
        "Arbeitsgruppe Gender Mainstreaming",
        "Working group on gender mainstreaming",
        "Bielefeld",
        "Stadtteilzentrum Baumheide",
        "offline",
        "AG Soziale Stadt NRW",
        ["gender-mainstreaming"],
        "",
        None,
    ),
    (
        "fachtag-bildung-koeln",
        "education-day-cologne",
        -10,
        1,
        ("09:00", "17:00"),
        "Fachtag Bildungslandschaften im Quartier",
        "Expert day: education landscapes in the neighbourhood",
        "Köln",
        "Bürgerzentrum Chorweiler",
        "mixed",
        "Stadt Köln",
        ["bildung"],
        "",
        5,
    ),
    (
        "netzwerktreffen-gelsenkirchen",
        "network-meeting-gelsenkirchen",
        7,
        1,
        ("10:00", "15:00"),
        "Netzwerktreffen der AG Soziale Stadt NRW in Gelsenkirchen",
        "AG Soziale Stadt NRW network meeting in Gelsenkirchen",
        "Gelsenkirchen",
        "Consol Theater",
        "offline",
        "AG Soziale Stadt NRW",
        ["projektmanagement", "kultur"],
        "",
        3,
    ),
    (
        "sprechstunde-staedtebaufoerderung",
        "consultation-hour-urban-funding",
        14,
        1,
        ("10:00", "11:30"),
        "Online-Sprechstunde Städtebauförderung",
        "Online consultation hour on urban development funding",
        "",
        "",
        "online",
        "AG Soziale Stadt NRW",
        ["projektmanagement"],
        "kostenfrei",
        None,
    ),
    (
        "fachtagung-sozialer-zusammenhalt",
        "conference-social-cohesion",
        30,
        2,
        ("10:00", "16:00"),
        "Fachtagung Sozialer Zusammenhalt",
        "Conference on social cohesion",
        "Düsseldorf",
        "Haus der Universität",
        "mixed",
        "AG Soziale Stadt NRW",
        ["methoden-und-instrumente", "buergerbeteiligung"],
        "60 €",
        10,
    ),
    (
        "exkursion-wuppertal",
        "study-trip-wuppertal",
        45,
        1,
        None,
        "Exkursion nach Wuppertal-Oberbarmen",
        "Study trip to Wuppertal-Oberbarmen",
        "Wuppertal",
        "Berliner Platz",
        "offline",
        "Stadt Wuppertal",
        ["lokale-oeffentlichkeit", "lokale-oekonomie"],
        "",
        20,
    ),
    (
        "seminar-lokale-oekonomie",
        "seminar-local-economy",
        60,
        1,
        ("13:00", "17:00"),
        "Seminar: Lokale Ökonomie und Leerstand",
        "Seminar: local economy and empty shops",
        "Duisburg",
        "Stadtteilbüro Marxloh",
        "offline",
        "Stadt Duisburg",
        ["lokale-oekonomie"],
        "",
        7,
    ),
    (
        "werkstatt-beteiligung-hagen",
        "workshop-participation-hagen",
        75,
        1,
        ("17:00", "20:00"),
        "Werkstatt: Beteiligung, die alle erreicht",
        "Workshop: participation that reaches everyone",
        "Hagen",
        "Stadtteilhaus Wehringhausen",
        "offline",
        "Stadt Hagen",
        ["buergerbeteiligung", "integration-und-inklusion"],
        "",
        None,
    ),
    (
        "netzwerktreffen-muenster",
        "network-meeting-muenster",
        90,
        1,
        ("10:00", "15:30"),
        "Netzwerktreffen der AG Soziale Stadt NRW in Münster",
        "AG Soziale Stadt NRW network meeting in Münster",
        "Münster",
        "Stadthaus 1",
        "offline",
        "AG Soziale Stadt NRW",
        ["projektmanagement"],
        "",
        None,
    ),
    (
        "online-seminar-gender",
        "online-seminar-gender",
        100,
        1,
        ("15:00", "16:30"),
        "Online-Seminar: Gender Mainstreaming in der Planung",
        "Online seminar: gender mainstreaming in planning",
        "",
        "",
        "online",
        "AG Soziale Stadt NRW",
        ["gender-mainstreaming"],
        "kostenfrei",
        None,
    ),
    (
        "jahrestagung",
        "annual-conference",
        120,
        2,
        None,
        "Jahrestagung der AG Soziale Stadt NRW",
        "Annual conference of the AG Soziale Stadt NRW",
        "Essen",
        "Zeche Zollverein",
        "offline",
        "AG Soziale Stadt NRW",
        ["methoden-und-instrumente", "stadtteilmarketing"],
        "40 €",
        21,
    ),
    (
        "workshop-stadtteilfeste",
        "workshop-neighbourhood-festivals",
        150,
        1,
        ("10:00", "14:00"),
        "Workshop: Stadtteilfeste organisieren",
        "Workshop: organising neighbourhood festivals",
        "Bonn",
        "Bürgerhaus Tannenbusch",
        "offline",
        "Stadt Bonn",
        ["lokale-oeffentlichkeit", "kultur"],
        "",
        None,
    ),
    (
        "ag-treffen-aachen",
        "working-group-aachen",
        180,
        1,
        ("11:00", "16:00"),
        "Arbeitsgruppe Sport und Bewegung im Quartier",
        "Working group on sport and exercise in the neighbourhood",
        "Aachen",
        "Quartiersbüro Aachen-Ost",
        "offline",
        "Stadt Aachen",
        ["sport-und-freizeit", "gesundheit-und-sicherheit"],
        "",
        None,
    ),
]

for (
    slug_de,
    slug_en,
    offset,
    days,
    times,
    title_de,
    title_en,
    city,
    venue,
    attendance,
    organiser,
    topic_slugs,
    fee,
    deadline,
) in _MORE_EVENTS:
    EVENTS.append(
        Event(
            (slug_de, slug_en),
            offset,
            days,
            times,
            (title_de, title_en),
            (
                f"Fachleute aus den Mitgliedskommunen tauschen sich aus: {title_de}.",
                f"Professionals from the member municipalities share their experience: {title_en}.",
            ),
            city,
            venue,
            attendance,
            organiser,
            topic_slugs,
            fee,
            deadline,
        )
    )
