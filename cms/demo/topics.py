"""The network's topic vocabulary, from the lists in the network's own pages.

The Städtenetz page lists twelve recurring topics, the portrait of the AG Soziale Stadt another
set of topic fields. Where both name the same field in other words ("Förderung der lokalen
Ökonomie" / "Lokale Ökonomie"), it is one topic and the other wording is kept as a synonym, so
searches for either find it.

Each entry: slug, German label, English label, German description, English description, synonyms.
"""

TOPICS = [
    (
        "buergerbeteiligung",
        "Bürgerbeteiligung und -aktivierung",
        "Citizen participation and activation",
        "Wie Bewohnerinnen und Bewohner ihr Quartier mitgestalten: Beteiligungsformate, "
        "Verfügungsfonds und Aktivierung.",
        "How residents help shape their neighbourhood: participation formats, neighbourhood "
        "funds and activation.",
        "Bürger*innenbeteiligung, Beteiligung, Partizipation, Aktivierung",
    ),
    (
        "lokale-oeffentlichkeit",
        "Herstellung lokaler Öffentlichkeit",
        "Building a local public sphere",
        "Stadtteilzeitungen, Feste und Treffpunkte, die Menschen im Quartier ins Gespräch "
        "bringen.",
        "Neighbourhood papers, festivals and meeting places that get people talking.",
        "Öffentlichkeitsarbeit, Stadtteilzeitung",
    ),
    (
        "einbindung-der-institutionen",
        "Einbindung der Institutionen in den Stadtteil",
        "Involving institutions in the neighbourhood",
        "Schulen, Kitas, Vereine, Kirchen und Wohnungsunternehmen als Partner der "
        "Stadtteilentwicklung.",
        "Schools, day-care centres, clubs, churches and housing companies as partners.",
        "Netzwerke, Kooperation, lokale Partner",
    ),
    (
        "lokale-oekonomie",
        "Lokale Ökonomie",
        "Local economy",
        "Förderung von Gewerbe, Gründungen und Nahversorgung im Quartier.",
        "Support for local businesses, start-ups and local shops.",
        "Förderung der lokalen Ökonomie, lokale Wirtschaft, Gewerbe",
    ),
    (
        "gender-mainstreaming",
        "Gender Mainstreaming",
        "Gender mainstreaming",
        "Die unterschiedlichen Lebenslagen von Frauen und Männern in Planung und Projekten "
        "berücksichtigen.",
        "Taking the different situations of women and men into account in plans and projects.",
        "Geschlechtergerechtigkeit, Gleichstellung",
    ),
    (
        "beschaeftigung-und-qualifizierung",
        "Beschäftigung und Qualifizierung",
        "Employment and qualification",
        "Wege in Arbeit und Ausbildung für die Menschen im Quartier.",
        "Routes into work and training for the people of the neighbourhood.",
        "Arbeit, Ausbildung, Arbeitsmarkt",
    ),
    (
        "schule-kultur-zusammenleben",
        "Schule, Kultur und interkulturelles Zusammenleben",
        "School, culture and intercultural coexistence",
        "Schule als Ort im Quartier, kulturelle Angebote und ein gutes Miteinander.",
        "Schools as neighbourhood places, cultural offers and living well together.",
        "interkulturell, Zusammenleben",
    ),
    (
        "projektmanagement",
        "Organisation, Finanzierung und Management von Stadtteilprojekten",
        "Organisation, funding and management of neighbourhood projects",
        "Quartiersmanagement, Fördermittel, Verstetigung und Steuerung von Projekten.",
        "Neighbourhood management, funding, steering projects and making them last.",
        "Quartiersmanagement, Förderung, Finanzierung, Verstetigung",
    ),
    (
        "wohnungs-und-staedtebau",
        "Wohnungs- und Städtebau",
        "Housing and urban design",
        "Modernisierung von Wohnungen, Gebäuden und öffentlichen Räumen.",
        "Modernising homes, buildings and public spaces.",
        "Wohnen, Städtebau, Modernisierung",
    ),
    (
        "gesundheit-und-sicherheit",
        "Gesundheit und Sicherheit",
        "Health and safety",
        "Prävention in den Bereichen Sicherheit und Gesundheit: sichere Wege, gesunde "
        "Lebensverhältnisse.",
        "Prevention in safety and health: safe routes and healthy living conditions.",
        "Prävention, Prävention in den Bereichen Sicherheit und Gesundheit",
    ),
    (
        "stadtteilmarketing",
        "Stadtteilmarketing und Imageaufwertung",
        "Neighbourhood marketing and image",
        "Das Bild des Stadtteils nach innen und außen verbessern.",
        "Improving how the neighbourhood is seen, by residents and from outside.",
        "Imageverbesserung, Imageverbesserung und Stadtteilmarketing, Image",
    ),
    (
        "methoden-und-instrumente",
        "Methoden und Instrumentarien zur effektiven Verknüpfung unterschiedlicher Sachebenen",
        "Methods and tools for linking policy fields",
        "Werkzeuge für ressortübergreifendes Arbeiten: Monitoring, Evaluation, integrierte "
        "Handlungskonzepte.",
        "Tools for working across departments: monitoring, evaluation, integrated action plans.",
        "Monitoring, Evaluation, integriertes Handlungskonzept, ressortübergreifend",
    ),
    (
        "wohnumfeldverbesserung",
        "Wohnumfeldverbesserung",
        "Improving the residential environment",
        "Höfe, Spielplätze, Grünflächen und Wege rund ums Wohnen.",
        "Courtyards, playgrounds, green spaces and paths around people's homes.",
        "Wohnumfeld, Freiraum, Grünflächen",
    ),
    (
        "oekologie-und-umweltgerechtigkeit",
        "Ökologie und Umweltgerechtigkeit",
        "Ecology and environmental justice",
        "Klimaanpassung, Grün und gesunde Umweltbedingungen für alle Quartiere.",
        "Climate adaptation, green space and healthy environments for every neighbourhood.",
        "Umwelt, Klima, Klimaanpassung",
    ),
    (
        "bildung",
        "Bildung",
        "Education",
        "Bildungsketten von der Kita bis zum Beruf, Lernorte im Quartier.",
        "Education from day care to work, and places of learning in the neighbourhood.",
        "Bildungslandschaft, Lernen",
    ),
    (
        "kultur",
        "Kultur",
        "Culture",
        "Kunst und Kultur als Motor für Begegnung und Identität im Stadtteil.",
        "Arts and culture as a driver of encounters and identity.",
        "Kunst, Soziokultur",
    ),
    (
        "sport-und-freizeit",
        "Sport und Freizeit",
        "Sport and leisure",
        "Bewegungs- und Freizeitangebote für alle Generationen.",
        "Sport and leisure offers for every generation.",
        "Sport, Freizeit, Bewegung",
    ),
    (
        "integration-und-inklusion",
        "Integration und Inklusion",
        "Integration and inclusion",
        "Teilhabe für alle, unabhängig von Herkunft, Alter oder Behinderung.",
        "Participation for everyone, regardless of origin, age or disability.",
        "Teilhabe, Integration, Inklusion, Zuwanderung",
    ),
]
