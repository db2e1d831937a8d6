"""Reading the demo content's data files (``<app>/demo/*.yaml``): German and English side by side.

A text in both languages is a mapping ``{de: …, en: …}``; it becomes a ``(german, english)``
pair. Errors name the file, the item and the key, so a typo in a data file points at itself.

A page in a data file is a mapping of its fields::

    key: portrait            # how other items refer to the page (context.pages)
    parent: about            # the parent page's key
    type: ContentPage        # the page model, looked up by the app's step
    teaser_image: netzwerk   # fields ending in ``_image``: the key of a demo image
    topics: [projektmanagement]
    title: {de: …, en: …}    # a pair: the German page's field and its English translation
    assessment: …            # a single value: the German page's field, copied to the translation
    body: [...]              # a list: a StreamField, one block per item (see ``blocks``)

The StreamField blocks are the builders of ``cms.demo.blocks``, one mapping per block:
``paragraph``, ``heading``, ``bullet_list`` (``intro``, ``items``), ``topic_list`` (``intro``;
the items are the topic vocabulary), ``quote`` (``text``, ``attribution``, ``role``),
``milestones`` (``date``, ``precision``, ``title``, ``text`` each), ``accordion``
(``heading``, ``items`` of ``title`` and ``body``), ``contact`` (a contact key),
``page_links`` (``heading``, ``pages``), ``call_to_action`` (``title``, ``text``,
``link_text``, ``page``), ``figure`` (``image``, ``caption``, ``alt``, ``credit``) and
``download`` (a document key).
"""

import datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from . import blocks as b

LANGUAGES = ("de", "en")

Pair = tuple[str, str]  # German, English


class DemoDataError(ValueError):
    pass


def read(path: Path) -> Any:
    """The content of one data file."""
    with open(path, encoding="utf-8") as handle:
        try:
            return yaml.safe_load(handle)
        except yaml.YAMLError as error:
            raise DemoDataError(f"{path.name}: not valid YAML: {error}") from error


def read_list(path: Path) -> list[dict]:
    items = read(path)
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DemoDataError(f"{path.name}: a list of items expected")
    return items


def read_mapping(path: Path) -> dict:
    data = read(path)
    if not isinstance(data, dict):
        raise DemoDataError(f"{path.name}: a mapping expected")
    return data


def is_pair(value) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def as_pair(value, where: str, key: str) -> Pair:
    """``{de: …, en: …}`` as a ``(german, english)`` pair of non-empty texts."""
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise DemoDataError(f"{where}: {key!r} needs exactly the keys de and en")
    if not all(isinstance(value[lang], str) and value[lang].strip() for lang in LANGUAGES):
        raise DemoDataError(f"{where}: {key!r} needs a text in both languages")
    return (value["de"], value["en"])


def pair(item: dict, key: str, where: str) -> Pair:
    return as_pair(item.get(key), where, key)


def optional_pair(item: dict, key: str, where: str) -> Pair | None:
    return None if item.get(key) is None else pair(item, key, where)


def text(item: dict, key: str, where: str, *, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise DemoDataError(f"{where}: {key!r} needs a text")
    return value


def texts(item: dict, key: str, where: str) -> list[str]:
    value = item.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(t, str) for t in value):
        raise DemoDataError(f"{where}: {key!r} must be a list of texts")
    return value


def date(item: dict, key: str, where: str) -> datetime.date:
    value = item.get(key)
    if not isinstance(value, datetime.date):
        raise DemoDataError(f"{where}: {key!r} must be a date (YYYY-MM-DD)")
    return value


def keys(item: dict, key: str, where: str) -> list[str]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise DemoDataError(f"{where}: {key!r} must be a list of keys")
    return value


class PageData(NamedTuple):
    key: str
    parent: str | None
    type: str | None
    fields: dict  # fields of the German page, copied to the translation
    images: dict[str, str]  # image field -> image key
    topics: list[str]
    de: dict
    en: dict | None  # None: a page in German only
    streams: dict[str, list[b.BlockSpec]]

    def ensure(self, context, parent, model, **fields):
        """The page (and its English translation) through ``context.ensure_page``; ``fields``
        add values the data file cannot hold (other pages, documents)."""
        images = {name: context.objects[key] for name, key in self.images.items()}
        return context.ensure_page(
            self.key,
            parent,
            model,
            de=self.de,
            en=self.en,
            streams=self.streams,
            topics=[context.objects[f"topic:{slug}"] for slug in self.topics],
            **self.fields,
            **images,
            **fields,
        )

    def filled(self, de: dict, en: dict) -> "PageData":
        """The page with the placeholders (``{name}``) in its German and English texts filled
        in from ``de`` and ``en``."""
        return self._replace(
            de={name: fill(value, de) for name, value in self.de.items()},
            en=None if self.en is None else {n: fill(v, en) for n, v in self.en.items()},
        )


def fill(template, values: dict):
    """A text with its placeholders (``{name}``) filled in; other values stay as they are."""
    if not isinstance(template, str):
        return template
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as error:
        raise DemoDataError(f"{template!r}: unknown placeholder or stray brace ({error})") from (
            error
        )


PAGE_KEYS = ("key", "parent", "type", "topics")


def page(item: dict, where: str, *, german_only: bool = False) -> PageData:
    """A page from its mapping in a data file (see the module's docstring)."""
    if not isinstance(item, dict):
        raise DemoDataError(f"{where}: a mapping of page fields expected")
    key = text(item, "key", where)
    where = f"{where} ({key})"
    fields, images, de, en, streams = {}, {}, {}, {}, {}
    for name, value in item.items():
        if name in PAGE_KEYS:
            continue
        if isinstance(value, dict):
            if german_only:
                raise DemoDataError(f"{where}: {name!r} is German only, a single text expected")
            de[name], en[name] = as_pair(value, where, name)
        elif isinstance(value, list):
            streams[name] = blocks(value, f"{where} {name}")
        elif name.endswith("_image"):
            images[name] = text(item, name, where)
        else:
            fields[name] = value
    for required in ("title", "slug"):
        if required not in de and required not in fields:
            raise DemoDataError(f"{where}: {required!r} is missing")
    if german_only:
        de.update(
            {name: fields.pop(name) for name in ("title", "slug", "teaser") if name in fields}
        )
    return PageData(
        key=key,
        parent=item.get("parent"),
        type=item.get("type"),
        fields=fields,
        images=images,
        topics=keys(item, "topics", where),
        de=de,
        en=None if german_only else en,
        streams=streams,
    )


def pages(path: Path) -> list[PageData]:
    return [
        page(item, f"{path.name} item {number}")
        for number, item in enumerate(read_list(path), start=1)
    ]


def _topic_items() -> list[Pair]:
    """The names of the topic vocabulary, in its order. ``cms.demo.topics`` reads the same
    file with this module, so this module reads the names itself rather than import it."""
    path = Path(__file__).resolve().parent / "topics.yaml"
    return [
        pair(item, "name", f"{path.name} item {number}")
        for number, item in enumerate(read_list(path), start=1)
    ]


def block(item: dict, where: str) -> b.BlockSpec:
    """One StreamField block from its mapping ``{type: value}`` in a data file."""
    if not isinstance(item, dict) or len(item) != 1:
        raise DemoDataError(f"{where}: a block is a mapping with one key, its type")
    ((kind, value),) = item.items()
    where = f"{where} {kind}"
    data = value if isinstance(value, dict) else {}
    match kind:
        case "paragraph":
            return b.paragraph(as_pair(value, where, kind))
        case "heading":
            return b.heading(as_pair(value, where, kind))
        case "bullet_list":
            items = data.get("items")
            if not isinstance(items, list) or not items:
                raise DemoDataError(f"{where}: 'items' must be a list of texts in both languages")
            return b.bullet_list(
                [as_pair(entry, where, "items") for entry in items],
                intro=optional_pair(data, "intro", where),
            )
        case "topic_list":
            return b.bullet_list(_topic_items(), intro=optional_pair(data, "intro", where))
        case "quote":
            return b.quote(
                pair(data, "text", where),
                attribution=data.get("attribution", ""),
                role=optional_pair(data, "role", where),
            )
        case "milestones":
            if not isinstance(value, list) or not value:
                raise DemoDataError(f"{where}: a list of milestones expected")
            return b.milestones([milestone(entry, where) for entry in value])
        case "accordion":
            return b.accordion(
                pair(data, "heading", where),
                [
                    (pair(entry, "title", where), pair(entry, "body", where))
                    for entry in data.get("items") or []
                ],
            )
        case "contact":
            return b.contact(f"contact:{as_key(value, where)}")
        case "download":
            return b.download(as_key(value, where))
        case "page_links":
            return b.page_links(pair(data, "heading", where), keys(data, "pages", where))
        case "call_to_action":
            return b.call_to_action(
                pair(data, "title", where),
                pair(data, "text", where),
                pair(data, "link_text", where),
                text(data, "page", where),
            )
        case "figure":
            return b.figure(
                text(data, "image", where),
                caption=pair(data, "caption", where),
                alt=pair(data, "alt", where),
                credit=data.get("credit", ""),
            )
    raise DemoDataError(f"{where}: unknown block type {kind!r}")


def as_key(value, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise DemoDataError(f"{where}: a key expected")
    return value


PRECISIONS = ("day", "month", "year")


def milestone(item: dict, where: str) -> b.Milestone:
    if not isinstance(item, dict) or item.get("precision") not in PRECISIONS:
        raise DemoDataError(f"{where}: a milestone needs a 'precision' of {PRECISIONS}")
    return (
        date(item, "date", where),
        item["precision"],
        pair(item, "title", where),
        pair(item, "text", where),
    )


def blocks(items: list, where: str) -> list[b.BlockSpec]:
    return [block(item, f"{where} block {number}") for number, item in enumerate(items, 1)]
