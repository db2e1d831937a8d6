"""Demo steps of the district profiles: the overview, 20 municipalities and 25 programme areas
in all five administrative districts, each in German and English."""

import datetime
import json
import math

from cms.demo.blocks import Bilingual, BlockSpec, contact, milestone, paragraph
from cms.demo.registry import demo_step
from cms.geo import LatLng
from cms.models import ContactPerson

from .demo_data import KINDS, MUNICIPALITIES, PROFILES, Area
from .models import DistrictProfileIndexPage, DistrictProfilePage, MunicipalityPage

PROGRAMME_NAMES = {
    "soziale-stadt": ("Soziale Stadt", "Soziale Stadt"),
    "sozialer-zusammenhalt": ("Sozialer Zusammenhalt", "Sozialer Zusammenhalt"),
    "andere": ("Stadtumbau West", "Stadtumbau West"),
}

CHALLENGES = {
    "gruenderzeit": (
        "an leerstehenden Ladenlokalen, sanierungsbedürftigen Altbauten und wenig Grün",
        "in empty shops, old buildings in need of repair and little green space",
    ),
    "montan": (
        "am Verlust der Arbeitsplätze nach dem Ende des Bergbaus und an einfachen, in die Jahre "
        "gekommenen Wohnungen",
        "in the jobs lost when mining ended and in simple flats that have aged",
    ),
    "grosssiedlung": (
        "an einseitiger Belegung, Sanierungsstau in den Wohnblöcken und wenig Angeboten für "
        "Jugendliche",
        "in one-sided tenancy, a maintenance backlog in the blocks and few offers for young "
        "people",
    ),
    "arbeiterquartier": (
        "an Verkehrslärm, fehlenden Freiflächen und einer hohen Zahl von Haushalten mit geringem "
        "Einkommen",
        "in traffic noise, a lack of open space and many households on low incomes",
    ),
}


def polygon_around(point: LatLng, radius_km: float) -> str:
    """A hexagon around the point, as a GeoJSON Polygon (for demo boundaries)."""
    ring = []
    for step in range(7):
        angle = math.radians(60 * (step % 6))
        lat = point.lat + radius_km / 111.0 * math.sin(angle)
        lng = point.lng + radius_km / (111.0 * math.cos(math.radians(point.lat))) * math.cos(angle)
        ring.append([round(lng, 5), round(lat, 5)])
    return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))


def profile_texts(area: Area) -> dict[str, list[BlockSpec]]:
    name, start, end, status = area.name, area.start, area.end, area.status
    city = MUNICIPALITIES[area.municipality][0]
    feature: Bilingual = area.feature
    kind_text = KINDS[area.kind]
    challenges = CHALLENGES[area.kind]
    programme_name = PROGRAMME_NAMES[area.programme]
    this_year = datetime.date.today().year

    character = [
        paragraph(
            (
                f"<p>{name} ist {kind_text[0]} in {city}. {feature[0]}</p>"
                f"<p>Wie viele Gebiete der Sozialen Stadt hat das Quartier über die Jahre den "
                f"Anschluss an die gesamtstädtische Entwicklung verloren. Das zeigt sich "
                f"{challenges[0]}.</p>",
                f"<p>{name} is {kind_text[1]} in {city}. {feature[1]}</p>"
                f"<p>Like many areas of the Soziale Stadt, the neighbourhood lost touch with the "
                f"development of the city as a whole over the years. This shows "
                f"{challenges[1]}.</p>",
            )
        )
    ]
    potentials = [
        paragraph(
            (
                "<p>Zum „Startkapital“ des Quartiers gehören engagierte Bewohnerinnen und "
                "Bewohner, ein dichtes Netz von Vereinen und Initiativen sowie gut erreichbare "
                "Schulen und Kitas.</p><p>Das integrierte Handlungskonzept verbindet bauliche "
                "Maßnahmen mit sozialen, kulturellen und wirtschaftlichen Projekten: vom "
                "aufgewerteten Wohnumfeld über Bildungsangebote bis zur Stärkung der lokalen "
                "Geschäfte.</p>",
                "<p>The neighbourhood's “starting capital” includes committed residents, a "
                "dense network of clubs and initiatives, and schools and day-care centres within "
                "easy reach.</p><p>The integrated action plan combines building work with "
                "social, cultural and economic projects: from a better residential environment "
                "to education offers and support for local shops.</p>",
            )
        )
    ]
    organisation = [
        paragraph(
            (
                f"<p>Ein Stadtteilbüro vor Ort koordiniert das Programm im Auftrag der Stadt "
                f"{city}. Es berät, vernetzt und verwaltet den Verfügungsfonds, aus dem "
                f"Bewohnerinnen und Bewohner kleine Projekte selbst umsetzen.</p>"
                f"<p>Lokale Partner sind Schulen und Kitas, Wohlfahrtsverbände, "
                f"Wohnungsunternehmen, Kirchengemeinden, Migrantenorganisationen und die "
                f"Geschäftsleute im Quartier.</p>",
                f"<p>A local neighbourhood office coordinates the programme on behalf of the "
                f"city of {city}. It advises, connects people and manages the neighbourhood "
                f"fund with which residents carry out small projects themselves.</p>"
                f"<p>Local partners are schools and day-care centres, welfare organisations, "
                f"housing companies, parishes, migrant organisations and the district's "
                f"businesses.</p>",
            )
        )
    ]
    events = [
        (
            datetime.date(start, 1, 1),
            "year",
            (
                f"Aufnahme in das Programm {programme_name[0]}",
                f"Admitted to the {programme_name[1]} programme",
            ),
            (
                "Der Rat beschließt die Abgrenzung des Programmgebiets.",
                "The council defines the programme area.",
            ),
        ),
        (
            datetime.date(start + 1, 6, 1),
            "month",
            ("Integriertes Handlungskonzept beschlossen", "Integrated action plan adopted"),
            (
                "Ziele und Maßnahmen wurden gemeinsam mit Bewohnerschaft und Partnern erarbeitet.",
                "Goals and measures were drawn up together with residents and partners.",
            ),
        ),
        (
            datetime.date(start + 2, 3, 15),
            "day",
            ("Stadtteilbüro eröffnet", "Neighbourhood office opens"),
            (
                "Seitdem gibt es eine feste Anlaufstelle im Quartier.",
                "Since then there has been a fixed point of contact in the district.",
            ),
        ),
    ]
    if end and status == "abgeschlossen":
        events.append(
            (
                datetime.date(end, 12, 1),
                "month",
                ("Abschluss der Förderung", "Funding completed"),
                (
                    "Die Projekte werden von den lokalen Partnern weitergeführt.",
                    "Local partners carry the projects forward.",
                ),
            )
        )
    elif start + 6 <= this_year:
        events.append(
            (
                datetime.date(start + 6, 9, 1),
                "month",
                ("Fortschreibung des Handlungskonzepts", "Action plan updated"),
                (
                    "Eine Zwischenbilanz führte zu neuen Schwerpunkten.",
                    "An interim review led to new priorities.",
                ),
            )
        )
    # Entered out of order on purpose: the page shows them by date.
    events = events[1:] + events[:1]
    if status == "abgeschlossen":
        perspective = (
            "<p>Nach dem Ende der Förderung geht es um Verstetigung: Treffpunkte, Netzwerke und "
            "Beteiligungsformate sollen ohne Programmmittel weiterarbeiten. Die Erfahrungen "
            "fließen in den Austausch der AG Soziale Stadt NRW ein.</p>",
            "<p>Now that funding has ended, the task is to make things last: meeting places, "
            "networks and participation formats are to carry on without programme funds. The "
            "experience feeds into the exchange of the AG Soziale Stadt NRW.</p>",
        )
    else:
        perspective = (
            "<p>In den kommenden Jahren stehen die Umgestaltung öffentlicher Räume, mehr "
            "Bildungs- und Freizeitangebote und die Verstetigung der Netzwerke im "
            "Vordergrund.</p>",
            "<p>In the coming years the focus is on redesigning public spaces, more education "
            "and leisure offers, and making the networks last.</p>",
        )
    return {
        "character": character,
        "potentials": potentials,
        "organisation": organisation,
        "milestones": [milestone(event) for event in events],
        "perspectives": [paragraph(perspective)],
        "contacts": [contact(f"contact:profile:{area.municipality}:{area.slug}")],
    }


def last_reviewed(number: int) -> datetime.date | None:
    """When the municipality last checked the profile: most within the past year, every third
    one longer ago and one never, so the editors' dashboard has profiles to follow up."""
    if number == len(PROFILES) - 1:
        return None
    days = 380 + 20 * number if number % 3 == 2 else 20 + 13 * number
    return datetime.date.today() - datetime.timedelta(days=days)


def ensure_profile_contact(context, municipality: str, slug: str, name: str) -> None:
    city = MUNICIPALITIES[municipality][0]
    key = f"contact:profile:{municipality}:{slug}"
    office = f"Stadtteilbüro {name}"
    person = ContactPerson.objects.filter(locale=context.german, name=office).first()
    if person is None:
        person = ContactPerson.objects.create(
            locale=context.german,
            name=office,
            role="Quartiersmanagement",
            organisation=f"Stadt {city}",
            email=f"stadtteilbuero-{slug}@example.org",
        )
        context.created["ContactPerson"] += 1
    context.ensure_translation(
        person, {"role": "Neighbourhood management", "organisation": f"City of {city}"}
    )
    context.objects[key] = person


@demo_step(after=("topics", "site_tree"))
def district_profiles(context):
    home = context.pages["home"]
    index = context.ensure_page(
        "profiles",
        home,
        DistrictProfileIndexPage,
        show_in_menus=True,
        teaser_image=context.objects["quartier"],
        de={
            "title": "Stadtteilprofile",
            "slug": "stadtteilprofile",
            "teaser": "Die Programmgebiete der Mitgliedskommunen auf einen Blick: auf der Karte "
            "und als Liste, laufende und abgeschlossene.",
            "intro": "<p>Die Gebiete der Sozialen Stadt in Nordrhein-Westfalen haben vieles "
            "gemeinsam: Oft sind es Quartiere, die den Anschluss an die Entwicklung der "
            "Gesamtstadt verloren haben – sichtbar an Gebäuden, öffentlichen Räumen und sozialen "
            "Einrichtungen. Zugleich hat jeder Stadtteil sein eigenes Startkapital: engagierte "
            "Menschen, lokale Netzwerke, grüne Orte, besondere Gebäude.</p><p>Viele "
            "Programmgebiete liegen an Ruhr und Emscher und entlang der Rheinschiene, andere in "
            "den Groß- und Mittelstädten des ganzen Landes. Jedes Profil beschreibt "
            "Ausgangslage, Potenziale, Organisation, Meilensteine, Perspektiven und "
            "Ansprechpersonen.</p>",
        },
        en={
            "title": "District profiles",
            "slug": "district-profiles",
            "teaser": "The programme areas of the member municipalities at a glance: on the map "
            "and as a list, running and completed.",
            "intro": "<p>The areas of the Soziale Stadt in North Rhine-Westphalia have a lot in "
            "common: often they are neighbourhoods that have lost touch with the development of "
            "the city as a whole – visible in buildings, public spaces and social facilities. At "
            "the same time, every neighbourhood has its own starting capital: committed people, "
            "local networks, green places, special buildings.</p><p>Many programme areas lie "
            "along the Ruhr and Emscher and the Rhine, others in cities and towns across the "
            "state. Each profile describes the initial situation, potentials, organisation, "
            "milestones, perspectives and contacts.</p>",
        },
    )

    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731
    images = ["quartier", "park", "netzwerk", "markt", "themen", "spielplatz", "kontakt"]
    images += ["werkstatt", "zusammenhalt"]
    municipalities = {}
    for slug, (name, ags, region, (lat, lng), website, since) in MUNICIPALITIES.items():
        point = LatLng(lat=lat, lng=lng)
        areas = [area for area in PROFILES if area.municipality == slug]
        municipalities[slug] = context.ensure_page(
            f"municipality:{slug}",
            index,
            MunicipalityPage,
            ags=ags,
            regierungsbezirk=region,
            location=point.as_point_string(),
            website=website,
            member_since=since,
            de={
                "title": name,
                "slug": slug,
                "teaser": f"{name} ist seit {since} Mitglied der AG Soziale Stadt NRW.",
                "portrait": f"<p>{name} gehört seit {since} zum Netzwerk und bringt "
                f"{len(areas)} Programmgebiet{'e' if len(areas) > 1 else ''} in den Austausch "
                "ein. Die Stadt verbindet städtebauliche Erneuerung mit sozialen und "
                "wirtschaftlichen Projekten in den Quartieren.</p>",
            },
            en={
                "title": name,
                "slug": slug,
                "teaser": f"{name} has been a member of the AG Soziale Stadt NRW since {since}.",
                "portrait": f"<p>{name} has belonged to the network since {since} and brings "
                f"{len(areas)} programme area{'s' if len(areas) > 1 else ''} to the exchange. "
                "The city combines urban renewal with social and economic projects in its "
                "neighbourhoods.</p>",
            },
        )

    for number, area in enumerate(PROFILES):
        point = LatLng(*area.point)
        ensure_profile_contact(context, area.municipality, area.slug, area.name)
        city = MUNICIPALITIES[area.municipality][0]
        kind_de, kind_en = KINDS[area.kind]
        context.ensure_page(
            f"profile:{area.municipality}:{area.slug}",
            municipalities[area.municipality],
            DistrictProfilePage,
            topics=[topic(t) for t in area.topics],
            programme=area.programme,
            status=area.status,
            funding_start=area.start,
            funding_end=area.end,
            area_ha=area.area_ha,
            inhabitants=area.inhabitants,
            figures_year=min(area.end or 2023, 2023),
            location=point.as_point_string(),
            boundary=polygon_around(point, area.boundary_km) if area.boundary_km else "",
            hero_image=context.objects[images[number % len(images)]],
            last_reviewed=last_reviewed(number),
            de={
                "title": area.name,
                "slug": area.slug,
                "teaser": f"{kind_de[0].upper()}{kind_de[1:]} in {city}. {area.feature[0]}",
            },
            en={
                "title": area.name,
                "slug": area.slug,
                "teaser": f"{kind_en[0].upper()}{kind_en[1:]} in {city}. {area.feature[1]}",
            },
            streams=profile_texts(area),
        )
