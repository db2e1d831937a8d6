"""Demo steps of the district profiles: the overview, 20 municipalities and 25 programme areas
in all five administrative districts, each in German and English. The facts and texts are in
``profiles/demo/*.yaml`` (read by ``profiles.demo_data``)."""

import datetime
import json
import math

from cms.demo.blocks import BlockSpec, contact, milestone, paragraph
from cms.demo.data import fill
from cms.demo.registry import demo_step
from cms.geo import LatLng
from cms.models import ContactPerson

from .demo_data import MUNICIPALITIES, PROFILES, TEXTS, Area
from .models import DistrictProfileIndexPage, DistrictProfilePage, MunicipalityPage


def polygon_around(point: LatLng, radius_km: float) -> str:
    """A hexagon around the point, as a GeoJSON Polygon (for demo boundaries)."""
    ring = []
    for step in range(7):
        angle = math.radians(60 * (step % 6))
        lat = point.lat + radius_km / 111.0 * math.sin(angle)
        lng = point.lng + radius_km / (111.0 * math.cos(math.radians(point.lat))) * math.cos(angle)
        ring.append([round(lng, 5), round(lat, 5)])
    return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))


def _fill(texts, values: tuple[dict, dict]) -> tuple[str, str]:
    return (fill(texts[0], values[0]), fill(texts[1], values[1]))


def area_values(area: Area) -> tuple[dict, dict]:
    """What the texts of an area fill in, in German and in English."""
    city = MUNICIPALITIES[area.municipality].name
    return tuple(
        {
            "name": area.name,
            "city": city,
            "slug": area.slug,
            "kind": TEXTS.kinds[area.kind][language],
            "feature": area.feature[language],
            "challenges": TEXTS.challenges[area.kind][language],
            "programme": TEXTS.programmes[area.programme][language],
        }
        for language in (0, 1)
    )


def profile_texts(area: Area) -> dict[str, list[BlockSpec]]:
    start, end, status = area.start, area.end, area.status
    values = area_values(area)
    this_year = datetime.date.today().year
    texts = TEXTS.profile

    def event(key, day, precision):
        title, text = TEXTS.milestones[key]
        return (day, precision, _fill(title, values), _fill(text, values))

    events = [
        event("admitted", datetime.date(start, 1, 1), "year"),
        event("action_plan", datetime.date(start + 1, 6, 1), "month"),
        event("office_opens", datetime.date(start + 2, 3, 15), "day"),
    ]
    if end and status == "abgeschlossen":
        events.append(event("funding_completed", datetime.date(end, 12, 1), "month"))
    elif start + 6 <= this_year:
        events.append(event("action_plan_updated", datetime.date(start + 6, 9, 1), "month"))
    # Entered out of order on purpose: the page shows them by date.
    events = events[1:] + events[:1]
    perspective = TEXTS.perspectives["completed" if status == "abgeschlossen" else "running"]
    return {
        "character": [paragraph(_fill(texts["character"], values))],
        "potentials": [paragraph(_fill(texts["potentials"], values))],
        "organisation": [paragraph(_fill(texts["organisation"], values))],
        "milestones": [milestone(item) for item in events],
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


def ensure_profile_contact(context, area: Area) -> None:
    values = area_values(area)
    texts = TEXTS.contact
    key = f"contact:profile:{area.municipality}:{area.slug}"
    office = fill(texts["name"], values[0])
    person = ContactPerson.objects.filter(locale=context.german, name=office).first()
    if person is None:
        person = ContactPerson.objects.create(
            locale=context.german,
            name=office,
            role=fill(texts["role"][0], values[0]),
            organisation=fill(texts["organisation"][0], values[0]),
            email=fill(texts["email"], values[0]),
        )
        context.created["ContactPerson"] += 1
    context.ensure_translation(
        person,
        {
            "role": fill(texts["role"][1], values[1]),
            "organisation": fill(texts["organisation"][1], values[1]),
        },
    )
    context.objects[key] = person


@demo_step(after=("topics", "site_tree"))
def district_profiles(context):
    home = context.pages["home"]
    index = TEXTS.index.ensure(context, home, DistrictProfileIndexPage)

    topic = lambda slug: context.objects[f"topic:{slug}"]  # noqa: E731
    images = TEXTS.hero_images
    texts = TEXTS.municipality
    municipalities = {}
    for slug, municipality in MUNICIPALITIES.items():
        name, since = municipality.name, municipality.since
        point = LatLng(*municipality.point)
        count = len([area for area in PROFILES if area.municipality == slug])
        areas = texts["areas_other" if count > 1 else "areas_one"]
        values = [
            {"name": name, "since": since, "areas": fill(areas[language], {"count": count})}
            for language in (0, 1)
        ]
        municipalities[slug] = context.ensure_page(
            f"municipality:{slug}",
            index,
            MunicipalityPage,
            ags=municipality.ags,
            regierungsbezirk=municipality.region,
            location=point.as_point_string(),
            website=municipality.website,
            member_since=since,
            de={
                "title": name,
                "slug": slug,
                "teaser": fill(texts["teaser"][0], values[0]),
                "portrait": fill(texts["portrait"][0], values[0]),
            },
            en={
                "title": name,
                "slug": slug,
                "teaser": fill(texts["teaser"][1], values[1]),
                "portrait": fill(texts["portrait"][1], values[1]),
            },
        )

    for number, area in enumerate(PROFILES):
        point = LatLng(*area.point)
        ensure_profile_contact(context, area)
        values = [dict(v) for v in area_values(area)]
        for language_values in values:
            kind = language_values["kind"]
            language_values["kind"] = f"{kind[0].upper()}{kind[1:]}"  # the teaser begins with it
        teaser = TEXTS.profile["teaser"]
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
                "teaser": fill(teaser[0], values[0]),
            },
            en={
                "title": area.name,
                "slug": area.slug,
                "teaser": fill(teaser[1], values[1]),
            },
            streams=profile_texts(area),
        )
