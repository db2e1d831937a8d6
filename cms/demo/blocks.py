"""Builders for bilingual StreamField demo data.

A demo text is a ``(german, english)`` pair. A block spec turns into the StreamField data of one
language; both languages get the same block ids, which is how the German and English texts are
matched when the translation is stored (see ``cms.demo.translation``).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Bilingual = tuple[str, str]

NAMESPACE = uuid.UUID("6f1d9c3e-5d0e-4c55-9a57-0b6c2d1f7a10")


def pick(text: Bilingual | str, language: str) -> str:
    if isinstance(text, str):
        return text
    return text[0] if language == "de" else text[1]


def block_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


@dataclass
class BlockSpec:
    type: str
    # (language, context, block id) -> block value
    value: Callable[[str, object, str], object]


def stream(key: str, specs: list[BlockSpec], language: str, context) -> list[dict]:
    blocks = []
    for index, spec in enumerate(specs):
        bid = block_id(key, index)
        blocks.append({"type": spec.type, "value": spec.value(language, context, bid), "id": bid})
    return blocks


def list_items(bid: str, values: list) -> list[dict]:
    """ListBlock data with stable item ids (item ids are part of translation contexts)."""
    return [
        {"type": "item", "value": value, "id": block_id(bid, index)}
        for index, value in enumerate(values)
    ]


def heading(text: Bilingual, level: str = "h2") -> BlockSpec:
    return BlockSpec("heading", lambda lang, ctx, bid: {"text": pick(text, lang), "level": level})


def paragraph(html: Bilingual) -> BlockSpec:
    return BlockSpec("paragraph", lambda lang, ctx, bid: pick(html, lang))


def bullet_list(items: list[Bilingual], intro: Bilingual | None = None) -> BlockSpec:
    def value(lang, ctx, bid):
        lead = f"<p>{pick(intro, lang)}</p>" if intro else ""
        return lead + "<ul>" + "".join(f"<li>{pick(item, lang)}</li>" for item in items) + "</ul>"

    return BlockSpec("paragraph", value)


def quote(text: Bilingual, attribution: str = "", role: Bilingual | None = None) -> BlockSpec:
    return BlockSpec(
        "quote",
        lambda lang, ctx, bid: {
            "quote": pick(text, lang),
            "attribution": attribution,
            "role": pick(role, lang) if role else "",
        },
    )


Milestone = tuple[date, str, Bilingual, Bilingual]  # date, precision, title, text


def _milestone_value(item: Milestone, language: str) -> dict:
    when, precision, title, text = item
    return {
        "date": when.isoformat(),
        "precision": precision,
        "title": pick(title, language),
        "text": pick(text, language),
    }


def milestones(items: list[Milestone]) -> BlockSpec:
    """A milestones list block (precision: "day", "month" or "year")."""
    return BlockSpec(
        "milestones",
        lambda lang, ctx, bid: list_items(bid, [_milestone_value(item, lang) for item in items]),
    )


def milestone(item: Milestone) -> BlockSpec:
    """One block of a StreamField of milestones."""
    return BlockSpec("milestone", lambda lang, ctx, bid: _milestone_value(item, lang))


def contact(person_key: str) -> BlockSpec:
    # Both languages point at the German snippet; the translation swaps in the English one.
    return BlockSpec("contact", lambda lang, ctx, bid: ctx.objects[person_key].pk)


def _page_link(ctx, page_key: str, text: str = "") -> dict:
    return {"text": text, "page": ctx.pages[page_key].pk, "document": None, "url": ""}


def download(document_key: str) -> BlockSpec:
    """A DownloadItemBlock in a stream of downloads (the document's own title is shown)."""
    return BlockSpec(
        "document",
        lambda lang, ctx, bid: {
            "document": ctx.objects[document_key].pk,
            "title": "",
            "description": "",
        },
    )


def page_links(title: Bilingual, page_keys: list[str]) -> BlockSpec:
    return BlockSpec(
        "links",
        lambda lang, ctx, bid: {
            "heading": pick(title, lang),
            "links": list_items(bid, [_page_link(ctx, key) for key in page_keys]),
        },
    )


def call_to_action(title: Bilingual, text: Bilingual, link_text: Bilingual, page_key: str):
    return BlockSpec(
        "call_to_action",
        lambda lang, ctx, bid: {
            "title": pick(title, lang),
            "text": pick(text, lang),
            "link": _page_link(ctx, page_key, pick(link_text, lang)),
        },
    )


def accordion(heading_text: Bilingual, items: list[tuple[Bilingual, Bilingual]]) -> BlockSpec:
    return BlockSpec(
        "accordion",
        lambda lang, ctx, bid: {
            "heading": pick(heading_text, lang),
            "items": list_items(
                bid,
                [
                    {"title": pick(title, lang), "body": f"<p>{pick(body, lang)}</p>"}
                    for title, body in items
                ],
            ),
        },
    )


def figure(image_key: str, caption: Bilingual, alt: Bilingual, credit: str = "") -> BlockSpec:
    return BlockSpec(
        "image",
        lambda lang, ctx, bid: {
            "image": {
                "image": ctx.objects[image_key].pk,
                "decorative": False,
                "alt_text": pick(alt, lang),
            },
            "caption": pick(caption, lang),
            "credit": credit,
        },
    )
