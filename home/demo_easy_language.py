"""Demo texts in Leichte Sprache and the written content of the sign-language page (data only;
``home.demo_content`` builds the pages from them).

Written for the demo after the rules of the Netzwerk Leichte Sprache: short sentences, one
statement per sentence and line, the reader addressed as "Sie", digits for numbers, long words
split with a hyphen (Internet-Seite), hard words explained in the "Wörterbuch". Texts in
Leichte Sprache are checked by readers of the target group before they go live; these are not,
and the pages say so (the field "checked by" stays empty).

Each page: slug, title, teaser, image key per section (or None), sections of (heading, lines),
glossary entries of (word, lines).
"""

START = {
    "slug": "leichte-sprache",
    "title": "Leichte Sprache",
    "teaser": "Hier erklären wir die Internet-Seite in Leichter Sprache.",
    "sections": [
        (
            "Willkommen",
            "quartier",
            [
                "Das ist die Internet-Seite von der Arbeits-Gemeinschaft Soziale Stadt NRW.",
                "NRW ist die Abkürzung für Nordrhein-Westfalen.",
                "Nordrhein-Westfalen ist ein Bundes-Land in Deutschland.",
                "In der Arbeits-Gemeinschaft arbeiten 63 Städte und Gemeinden zusammen.",
                "Die Städte und Gemeinden wollen Stadt-Teile besser machen.",
                "Zum Beispiel mit mehr Grün, schöneren Plätzen und Treff-Punkten für Nachbarn.",
            ],
        ),
        (
            "Was steht hier in Leichter Sprache?",
            None,
            [
                "Hier gibt es 3 Teile in Leichter Sprache:",
                "1. Was Sie auf der Internet-Seite finden.",
                "2. Wie Sie die Internet-Seite benutzen.",
                "3. Wie barriere-frei die Internet-Seite ist.",
                "Sie finden die 3 Teile unten auf dieser Seite.",
                "Die anderen Seiten sind in schwerer Sprache.",
            ],
        ),
    ],
    "glossary": [
        (
            "Arbeits-Gemeinschaft",
            [
                "Eine Arbeits-Gemeinschaft ist eine Gruppe.",
                "Die Mitglieder von der Gruppe arbeiten zusammen an einem Thema.",
            ],
        ),
        (
            "Stadt-Teil",
            [
                "Eine Stadt hat viele Stadt-Teile.",
                "Ein Stadt-Teil ist ein Gebiet in der Stadt.",
                "Zum Beispiel: Katernberg ist ein Stadt-Teil von Essen.",
            ],
        ),
    ],
}

PAGES = [
    {
        "slug": "inhalt",
        "title": "Was finden Sie auf der Internet-Seite?",
        "teaser": "Hier steht, was auf der Internet-Seite ist.",
        "sections": [
            (
                "Über uns",
                "netzwerk",
                [
                    "Hier steht: Wer sind wir?",
                    "Was wollen wir?",
                    "Und wie arbeiten wir zusammen?",
                ],
            ),
            (
                "Stadt-Teil-Profile",
                "quartier",
                [
                    "Viele Städte bekommen Geld aus einem Förder-Programm.",
                    "Mit dem Geld machen die Städte einen Stadt-Teil besser.",
                    "Für jeden Stadt-Teil gibt es eine eigene Seite.",
                    "Dort steht: Was passiert in dem Stadt-Teil?",
                    "Sie finden die Stadt-Teile auch auf einer Karte.",
                ],
            ),
            (
                "Aktuelles",
                None,
                [
                    "Hier stehen Neuigkeiten.",
                    "Zum Beispiel: Ein neues Projekt hat angefangen.",
                ],
            ),
            (
                "Termine",
                "kontakt",
                [
                    "Hier stehen Treffen und Veranstaltungen.",
                    "Sie sehen: Wann ist das Treffen?",
                    "Wo ist das Treffen?",
                    "Und wie melden Sie sich an?",
                ],
            ),
            (
                "Wissen",
                None,
                [
                    "Hier finden Sie Berichte zum Herunter-Laden.",
                    "Die Berichte sind für Fach-Leute.",
                    "Die Berichte sind in schwerer Sprache.",
                ],
            ),
            (
                "Kontakt",
                None,
                [
                    "Sie haben eine Frage?",
                    "Dann schreiben Sie uns eine E-Mail.",
                    "Oder rufen Sie uns an.",
                    "Die E-Mail-Adresse und die Telefon-Nummer stehen unten auf jeder Seite.",
                ],
            ),
        ],
        "glossary": [
            (
                "Förder-Programm",
                [
                    "Bei einem Förder-Programm gibt es Geld für Projekte.",
                    "Das Geld kommt vom Land Nordrhein-Westfalen und von Deutschland.",
                    "Städte können das Geld beantragen.",
                ],
            ),
            (
                "Profil",
                [
                    "Ein Profil ist eine kurze Beschreibung.",
                    "Ein Stadt-Teil-Profil beschreibt einen Stadt-Teil.",
                ],
            ),
            (
                "Herunter-Laden",
                [
                    "Sie speichern eine Datei auf Ihrem Computer oder Handy.",
                    "Dann können Sie die Datei später lesen.",
                ],
            ),
        ],
    },
    {
        "slug": "bedienung",
        "title": "So benutzen Sie die Internet-Seite",
        "teaser": "Hier steht, wie die Internet-Seite funktioniert.",
        "sections": [
            (
                "Das Menü",
                None,
                [
                    "Oben auf jeder Seite ist das Menü.",
                    "Im Menü stehen die wichtigsten Teile von der Internet-Seite.",
                    "Auf dem Handy ist das Menü zu.",
                    "Tippen Sie auf den Knopf: Menü.",
                    "Dann geht das Menü auf.",
                ],
            ),
            (
                "Die Suche",
                None,
                [
                    "Sie suchen etwas Bestimmtes?",
                    "Oben auf jeder Seite ist ein Such-Feld.",
                    "Schreiben Sie ein Wort in das Such-Feld.",
                    "Zum Beispiel: Spiel-Platz.",
                    "Klicken Sie dann auf den Knopf: Suchen.",
                    "Sie sehen dann alle Seiten mit diesem Wort.",
                ],
            ),
            (
                "Deutsch und Englisch",
                None,
                [
                    "Oben auf jeder Seite stehen die Buchstaben DE und EN.",
                    "DE bedeutet: Deutsch.",
                    "EN bedeutet: Englisch.",
                    "Klicken Sie auf EN.",
                    "Dann sehen Sie die Seite auf Englisch.",
                ],
            ),
            (
                "Leichte Sprache und Gebärden-Sprache",
                None,
                [
                    "Oben auf jeder Seite steht: Leichte Sprache.",
                    "Klicken Sie darauf.",
                    "Dann kommen Sie zu den Seiten in Leichter Sprache.",
                    "Daneben steht: Gebärden-Sprache.",
                    "Dort gibt es bald ein Video in Gebärden-Sprache.",
                ],
            ),
            (
                "Mit der Tastatur",
                None,
                [
                    "Sie können die Internet-Seite auch mit der Tastatur benutzen.",
                    "Drücken Sie die Taste Tab.",
                    "Dann springen Sie zum nächsten Link.",
                    "Drücken Sie die Taste Enter.",
                    "Dann öffnen Sie den Link.",
                ],
            ),
            (
                "Große Schrift",
                None,
                [
                    "Sie möchten die Schrift größer haben?",
                    "Drücken Sie zusammen die Taste Strg und die Taste Plus.",
                    "Auf der Tastatur steht: Strg.",
                    "Am Handy ziehen Sie die Seite mit 2 Fingern größer.",
                ],
            ),
        ],
        "glossary": [
            (
                "Link",
                [
                    "Ein Link ist ein Wort oder ein Bild auf einer Internet-Seite.",
                    "Sie klicken auf den Link.",
                    "Dann kommen Sie zu einer anderen Seite.",
                ],
            ),
            (
                "Menü",
                [
                    "Das Menü ist eine Liste.",
                    "Die Liste zeigt die Teile von der Internet-Seite.",
                ],
            ),
        ],
    },
    {
        "slug": "barrierefreiheit",
        "title": "Wie barriere-frei ist die Internet-Seite?",
        "teaser": "Die Erklärung zur Barriere-Freiheit in Leichter Sprache.",
        "sections": [
            (
                "Was ist Barriere-Freiheit?",
                "zusammenhalt",
                [
                    "Alle Menschen sollen die Internet-Seite gut benutzen können.",
                    "Auch Menschen mit Behinderung.",
                    "Zum Beispiel: Menschen mit einer Seh-Behinderung.",
                    "Das nennt man: Barriere-Freiheit.",
                ],
            ),
            (
                "Das Gesetz",
                None,
                [
                    "In Deutschland gibt es dafür Regeln.",
                    "Die Regeln stehen in einem Gesetz.",
                    "Darum haben wir eine Erklärung zur Barriere-Freiheit geschrieben.",
                    "Die Erklärung ist in schwerer Sprache.",
                    "Sie finden die Erklärung unten auf jeder Seite.",
                ],
            ),
            (
                "Das ist schon gut",
                None,
                [
                    "Sie können die Internet-Seite mit der Tastatur benutzen.",
                    "Sie können die Schrift größer machen.",
                    "Die Bilder haben eine Beschreibung.",
                    "Ein Vorlese-Programm kann die Beschreibung vorlesen.",
                ],
            ),
            (
                "Das ist noch nicht gut",
                None,
                [
                    "Einige PDF-Dateien sind noch nicht barriere-frei.",
                    "Ein Vorlese-Programm kann diese Dateien schlecht lesen.",
                    "Wir machen die Dateien nach und nach besser.",
                    "Das Video in Gebärden-Sprache ist noch nicht fertig.",
                    "Eine Prüf-Gruppe hat die Texte in Leichter Sprache noch nicht gelesen.",
                ],
            ),
            (
                "Sie finden eine Barriere?",
                None,
                [
                    "Bitte sagen Sie es uns.",
                    "Schreiben Sie uns eine E-Mail.",
                    "Die E-Mail-Adresse ist: soziale-stadt@netzwerk-stadtentwicklung.nrw",
                    "Oder benutzen Sie das Formular in der Erklärung zur Barriere-Freiheit.",
                    "Wir antworten Ihnen in höchstens 6 Wochen.",
                ],
            ),
            (
                "Sie sind mit der Antwort unzufrieden?",
                None,
                [
                    "Dann können Sie sich bei der Ombuds-Stelle beschweren.",
                    "Die Ombuds-Stelle hilft Ihnen.",
                    "Das kostet nichts.",
                    "Das ist die Adresse:",
                    "Ombudsstelle für barrierefreie Informationstechnik",
                    "Fürstenwall 25",
                    "40219 Düsseldorf",
                    "E-Mail: ombudsstelle-barrierefreie-it@mags.nrw.de",
                ],
            ),
        ],
        "glossary": [
            (
                "Barriere",
                [
                    "Eine Barriere ist ein Hindernis.",
                    "Zum Beispiel: eine Treppe für Menschen im Roll-Stuhl.",
                    "Auf Internet-Seiten gibt es auch Barrieren.",
                    "Zum Beispiel: sehr kleine Schrift.",
                ],
            ),
            (
                "PDF-Datei",
                [
                    "PDF ist eine Art von Datei.",
                    "In einer PDF-Datei stehen Texte und Bilder.",
                    "Sie können eine PDF-Datei herunter-laden und lesen.",
                ],
            ),
            (
                "Vorlese-Programm",
                [
                    "Ein Vorlese-Programm ist ein Programm für den Computer.",
                    "Das Programm liest Texte laut vor.",
                    "Blinde Menschen benutzen oft ein Vorlese-Programm.",
                ],
            ),
            (
                "Ombuds-Stelle",
                [
                    "Eine Ombuds-Stelle hilft bei Streit.",
                    "Die Ombuds-Stelle hört beide Seiten an.",
                    "Dann sucht sie eine Lösung.",
                ],
            ),
            (
                "Prüf-Gruppe",
                [
                    "In einer Prüf-Gruppe sind Menschen mit Lern-Schwierigkeiten.",
                    "Sie lesen Texte in Leichter Sprache.",
                    "Sie sagen: Ist der Text leicht zu verstehen?",
                ],
            ),
        ],
    },
]

SIGN_LANGUAGE = {
    "slug": "gebaerdensprache",
    "title": "Informationen in Deutscher Gebärdensprache",
    "teaser": "Was Sie auf dieser Website finden, wie Sie sie bedienen und wie barrierefrei "
    "sie ist – bald als Video in Deutscher Gebärdensprache.",
    "transcript": (
        "<h3>Willkommen</h3>"
        "<p>Dies ist die Website der Arbeitsgemeinschaft Soziale Stadt NRW. In ihr arbeiten 63 "
        "Städte und Gemeinden aus Nordrhein-Westfalen zusammen, die benachteiligte Stadtteile "
        "mit dem Städtebauförderprogramm „Sozialer Zusammenhalt“ weiterentwickeln.</p>"
        "<h3>Was Sie auf der Website finden</h3>"
        "<p>Unter „Über uns“ stellt sich die Arbeitsgemeinschaft vor. Die Stadtteilprofile "
        "beschreiben die Programmgebiete der Mitgliedskommunen, auf einer Karte und als Liste. "
        "„Aktuelles“ berichtet aus dem Netzwerk, „Termine“ nennt Treffen und Veranstaltungen, "
        "und unter „Wissen“ stehen Berichte und Dokumentationen zum Herunterladen.</p>"
        "<h3>So bedienen Sie die Website</h3>"
        "<p>Oben auf jeder Seite finden Sie das Menü, die Suche, die Sprachwahl (Deutsch oder "
        "Englisch) und die Links zu Leichter Sprache und Gebärdensprache. Auf dem Smartphone "
        "öffnet die Schaltfläche „Menü“ die Navigation. Alle Seiten lassen sich mit der "
        "Tastatur bedienen.</p>"
        "<h3>Barrierefreiheit</h3>"
        "<p>Die Erklärung zur Barrierefreiheit – verlinkt unten auf jeder Seite – nennt, was "
        "noch nicht barrierefrei ist. Über ihr Formular oder per E-Mail an "
        "soziale-stadt@netzwerk-stadtentwicklung.nrw können Sie uns Barrieren melden.</p>"
    ),
}
