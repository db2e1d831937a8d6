"""Texts and facts of the start page and the general content pages, read from ``home/demo/*.yaml``
(German and English side by side per item; Leichte Sprache and the sign-language page in German
only). ``home.demo_content`` builds the pages from them."""

from pathlib import Path
from typing import NamedTuple

from cms.demo.data import (
    DemoDataError,
    PageData,
    Pair,
    keys,
    page,
    pages,
    pair,
    read_list,
    read_mapping,
    text,
    texts,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo"

# The page models a page in pages.yaml may have (``type``).
PAGE_TYPES = ("ContentPage",)


class Image(NamedTuple):
    key: str
    title: str
    description: str  # the alt text
    seed: int
    kind: str = "street"  # the kind of scene (cms.demo.images.SCENES)


class SiteData(NamedTuple):
    home: PageData
    site_name: str
    settings: dict  # SiteSettings fields
    description: Pair  # the site's description for search engines and link previews
    featured: list[str]  # page keys
    footer_links: list[str]
    menu: list[str]


class EasyLanguageText(NamedTuple):
    slug: str
    title: str
    teaser: str
    sections: list[tuple[str, str | None, list[str]]]  # heading, image key or None, lines
    glossary: list[tuple[str, list[str]]]  # term, lines of its explanation


def load_images(path: Path = DEMO_DIR / "images.yaml") -> list[Image]:
    images = []
    for number, item in enumerate(read_list(path), start=1):
        where = f"{path.name} item {number}"
        if not isinstance(item.get("seed"), int):
            raise DemoDataError(f"{where}: 'seed' must be a number")
        images.append(
            Image(
                key=text(item, "key", where),
                title=text(item, "title", where),
                description=text(item, "description", where),
                seed=item["seed"],
                kind=text(item, "kind", where, default="street"),
            )
        )
    return images


def load_site(path: Path = DEMO_DIR / "site.yaml") -> SiteData:
    data = read_mapping(path)
    where = path.name
    settings = dict(data.get("settings") or {})
    description = pair(settings, "description", f"{where} settings")
    del settings["description"]
    for name in ("office_name", "advisor_name", "phone", "email"):
        text(settings, name, f"{where} settings")
    return SiteData(
        home=page(data.get("home"), f"{where} home"),
        site_name=text(data, "site_name", where),
        settings=settings,
        description=description,
        featured=keys(data, "featured", where),
        footer_links=keys(data, "footer_links", where),
        menu=keys(data, "menu", where),
    )


def load_pages(path: Path = DEMO_DIR / "pages.yaml") -> list[PageData]:
    result = pages(path)
    known = {"home"}
    for number, data in enumerate(result, start=1):
        where = f"{path.name} item {number} ({data.key})"
        if data.type not in PAGE_TYPES:
            raise DemoDataError(f"{where}: 'type' must be one of {PAGE_TYPES}")
        if data.parent not in known:
            raise DemoDataError(f"{where}: the parent {data.parent!r} must come before the page")
        known.add(data.key)
    return result


def _easy_page(item: dict, where: str) -> EasyLanguageText:
    sections, glossary = [], []
    for number, section in enumerate(item.get("sections") or [], start=1):
        at = f"{where} section {number}"
        image = section.get("image")
        if image is not None and not isinstance(image, str):
            raise DemoDataError(f"{at}: 'image' must be the key of a demo image")
        sections.append((text(section, "heading", at), image, texts(section, "lines", at)))
    for number, entry in enumerate(item.get("glossary") or [], start=1):
        at = f"{where} glossary entry {number}"
        glossary.append((text(entry, "term", at), texts(entry, "explanation", at)))
    if not sections:
        raise DemoDataError(f"{where}: 'sections' must be a list of sections")
    return EasyLanguageText(
        slug=text(item, "slug", where),
        title=text(item, "title", where),
        teaser=text(item, "teaser", where),
        sections=sections,
        glossary=glossary,
    )


def load_easy_language(
    path: Path = DEMO_DIR / "easy_language.yaml",
) -> tuple[str, EasyLanguageText, list[EasyLanguageText]]:
    """The glossary's heading, the start page and its pages."""
    data = read_mapping(path)
    start = _easy_page(data.get("start") or {}, f"{path.name} start")
    children = [
        _easy_page(item, f"{path.name} page {number}")
        for number, item in enumerate(data.get("pages") or [], start=1)
    ]
    return text(data, "glossary_heading", path.name), start, children


def load_sign_language(path: Path = DEMO_DIR / "sign_language.yaml") -> dict[str, str]:
    data = read_mapping(path)
    return {
        name: text(data, name, path.name) for name in ("slug", "title", "teaser", "transcript")
    }


IMAGES = load_images()
SITE = load_site()
PAGES = load_pages()
ACCESSIBILITY_STATEMENT = page(
    read_mapping(DEMO_DIR / "accessibility_statement.yaml"), "accessibility_statement.yaml"
)
OPEN_DATA = page(read_mapping(DEMO_DIR / "open_data.yaml"), "open_data.yaml")
GLOSSARY_HEADING, EASY_LANGUAGE_START, EASY_LANGUAGE_PAGES = load_easy_language()
SIGN_LANGUAGE = load_sign_language()
