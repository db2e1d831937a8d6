"""Facts and texts of the demo district profiles, read from ``profiles/demo/*.yaml`` (German and
English side by side): real member municipalities and programme areas of the Soziale Stadt in
North Rhine-Westphalia, with approximate coordinates.

Years, figures and descriptions are plausible demonstration values, not official data; the
texts are composed from the short facts (see demo_content.py).
"""

from pathlib import Path
from typing import NamedTuple

from cms.demo.data import (
    DemoDataError,
    PageData,
    Pair,
    keys,
    page,
    pair,
    read_list,
    read_mapping,
    text,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo"
REGIONS = ("duesseldorf", "koeln", "muenster", "detmold", "arnsberg")
STATUSES = ("laufend", "abgeschlossen")
PROFILE_TEXTS = ("teaser", "character", "potentials", "organisation")
MILESTONES = (
    "admitted",
    "action_plan",
    "office_opens",
    "funding_completed",
    "action_plan_updated",
)


class Municipality(NamedTuple):
    slug: str
    name: str
    ags: str
    region: str  # Regierungsbezirk
    point: tuple[float, float]  # (lat, lng)
    website: str
    since: int  # member since


class Area(NamedTuple):
    """One programme area; ``boundary_km`` > 0 draws a demo outline of that radius."""

    municipality: str
    slug: str
    name: str
    programme: str
    status: str
    start: int
    end: int | None
    point: tuple[float, float]  # (lat, lng)
    kind: str
    area_ha: int
    inhabitants: int
    topics: list[str]
    feature: Pair
    boundary_km: float


class Texts(NamedTuple):
    index: PageData
    hero_images: list[str]
    municipality: dict[str, Pair]  # teaser, portrait, areas_one, areas_other
    contact: dict  # name, email (texts), role, organisation (pairs)
    profile: dict[str, Pair]  # teaser, character, potentials, organisation
    milestones: dict[str, tuple[Pair, Pair]]  # key -> title, text
    perspectives: dict[str, Pair]  # completed, running
    kinds: dict[str, Pair]
    challenges: dict[str, Pair]
    programmes: dict[str, Pair]


def _point(item: dict, where: str) -> tuple[float, float]:
    value = item.get("location")
    if not (
        isinstance(value, list) and len(value) == 2 and all(isinstance(v, float) for v in value)
    ):
        raise DemoDataError(f"{where}: 'location' must be [lat, lng]")
    return (value[0], value[1])


def _number(item: dict, key: str, where: str, *, optional: bool = False):
    value = item.get(key)
    if optional and value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise DemoDataError(f"{where}: {key!r} must be a number")
    return value


def load_municipalities(path: Path = DEMO_DIR / "municipalities.yaml") -> dict:
    municipalities = {}
    for number, item in enumerate(read_list(path), start=1):
        where = f"{path.name} item {number}"
        if item.get("region") not in REGIONS:
            raise DemoDataError(f"{where}: 'region' must be one of {REGIONS}")
        municipality = Municipality(
            slug=text(item, "slug", where),
            name=text(item, "name", where),
            ags=text(item, "ags", where),
            region=item["region"],
            point=_point(item, where),
            website=text(item, "website", where),
            since=_number(item, "member_since", where),
        )
        municipalities[municipality.slug] = municipality
    return municipalities


def _pairs(data: dict, key: str, where: str) -> dict[str, Pair]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise DemoDataError(f"{where}: {key!r} must map names to texts in both languages")
    return {name: pair(value, name, f"{where} {key}") for name in value}


def load_texts(path: Path = DEMO_DIR / "texts.yaml") -> Texts:
    data = read_mapping(path)
    name = path.name
    profile = data.get("profile") or {}
    where = f"{name} profile"
    milestones = profile.get("milestones") or {}
    if set(milestones) != set(MILESTONES):
        raise DemoDataError(f"{where}: 'milestones' needs exactly {', '.join(MILESTONES)}")
    milestones = {
        key: (pair(item, "title", f"{where} {key}"), pair(item, "text", f"{where} {key}"))
        for key, item in milestones.items()
    }
    contact = dict(data.get("contact") or {})
    for key in ("name", "email"):
        text(contact, key, f"{name} contact")
    for key in ("role", "organisation"):
        contact[key] = pair(contact, key, f"{name} contact")
    return Texts(
        index=page(data.get("index"), f"{name} index"),
        hero_images=keys(data, "hero_images", name),
        municipality=_pairs(data, "municipality", name),
        contact=contact,
        profile={key: pair(profile, key, where) for key in PROFILE_TEXTS},
        milestones=milestones,
        perspectives=_pairs(profile, "perspectives", where),
        kinds=_pairs(data, "kinds", name),
        challenges=_pairs(data, "challenges", name),
        programmes=_pairs(data, "programmes", name),
    )


def load_areas(
    texts: Texts, municipalities: dict, path: Path = DEMO_DIR / "areas.yaml"
) -> list[Area]:
    areas = []
    for number, item in enumerate(read_list(path), start=1):
        where = f"{path.name} item {number}"
        for key, known in (
            ("municipality", municipalities),
            ("kind", texts.kinds),
            ("programme", texts.programmes),
        ):
            if item.get(key) not in known:
                raise DemoDataError(f"{where}: {key!r} must be one of {', '.join(known)}")
        if item.get("status") not in STATUSES:
            raise DemoDataError(f"{where}: 'status' must be one of {STATUSES}")
        areas.append(
            Area(
                municipality=item["municipality"],
                slug=text(item, "slug", where),
                name=text(item, "name", where),
                programme=item["programme"],
                status=item["status"],
                start=_number(item, "start", where),
                end=_number(item, "end", where, optional=True),
                point=_point(item, where),
                kind=item["kind"],
                area_ha=_number(item, "area_ha", where),
                inhabitants=_number(item, "inhabitants", where),
                topics=keys(item, "topics", where),
                feature=pair(item, "feature", where),
                boundary_km=_number(item, "boundary_km", where),
            )
        )
    return areas


TEXTS = load_texts()
MUNICIPALITIES = load_municipalities()
PROFILES = load_areas(TEXTS, MUNICIPALITIES)
KINDS = TEXTS.kinds
