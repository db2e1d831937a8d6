"""German slugs: "Förderrunde für Quartiere" → ``foerderrunde-fuer-quartiere``.

The site's own addresses spell umlauts the German way (``german_slugify``), but Wagtail's slug
rules do not: in the admin its ``w-slug`` Stimulus controller fills the slug from the title with
its Latin downcode map ("ä" → "a", giving ``forderrunde-fur``), and on the server a page without
a slug gets ``django.utils.text.slugify(title)`` ("ä" → "a", "ß" dropped).

Three places make new pages German:

* :class:`GermanSlugInput`, the page forms' slug widget, hands Wagtail's controller "formatters"
  (the extension point of ``wagtail.admin.widgets.SlugInput``): regex replacements the controller
  applies before its own transliteration, for the title→slug sync as well as for a slug typed by
  hand;
* :func:`german_slug_for`, the server-side safety net of the page form (``BasePageForm``): a
  submitted slug that is exactly what Wagtail's own transliteration makes of the title (the
  browser ran without our formatters, or a client filled it the Wagtail way) becomes the German
  one;
* ``BasePage._set_core_field_defaults`` gives a page without a slug the German slug of its title
  (``full_clean``, ``save`` and API v3 creation without a slug all go through it).

Existing slugs are never changed: the form leaves a slug alone that the page already has.
"""

import re

from django.utils.text import slugify

from wagtail.admin.widgets import SlugInput

from cms.models.topics import german_slugify

# Page.slug's length; "ä" → "ae" can make the German slug longer than the title.
SLUG_MAX_LENGTH = 255

# (regex, replacement) pairs for Wagtail's slug controller, in the order they apply.
GERMAN_SLUG_FORMATTERS = [
    (re.escape(source), target)
    for source, target in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("Ä", "Ae"),
        ("Ö", "Oe"),
        ("Ü", "Ue"),
        ("ß", "ss"),
        ("ẞ", "SS"),
    )
]


class GermanSlugInput(SlugInput):
    """Wagtail's slug input with the German transliteration applied before its own."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs=attrs, formatters=[*GERMAN_SLUG_FORMATTERS, *(formatters or [])], locale=locale
        )


def wagtail_default_slugs(title: str) -> set[str]:
    """What Wagtail itself makes of ``title`` when nobody intervenes: Django's ``slugify`` on the
    server ("ä" → "a", "ß" dropped); the admin's ``urlify`` ("ä" → "a", "ß" → "ss"); the admin's
    plain ``slugify`` on a typed slug (non-ASCII letters dropped)."""
    title = title.strip()
    urlified = re.sub(r"[-\s]+", "-", re.sub(r"[^-\w\s]", "", title.replace("ß", "ss")))
    return {
        slugify(title),
        slugify(title.replace("ß", "ss").replace("ẞ", "SS")),
        slugify(urlified),
        re.sub(r"[^A-Za-z0-9\-_]", "", re.sub(r"\s+", "-", title)).lower(),
    } - {""}


def german_slug_for(title: str, slug: str) -> str:
    """``slug``, unless it is Wagtail's transliteration of ``title`` and the German one differs:
    then the German slug. A slug the editor chose themselves is kept as it is."""
    if not title or not slug:
        return slug
    german = german_slugify(title)[:SLUG_MAX_LENGTH].rstrip("-")
    if german and slug != german and slug in wagtail_default_slugs(title):
        return german
    return slug
