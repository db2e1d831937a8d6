"""The options of a facet as toggle links, for ``cms/includes/facets.html``.

Rendered here rather than in the template's loop: a search page shows sixty and more options
(types, topics, municipalities, regions, years), and the template engine spent a millisecond
on their eight lookups and two conditions each (of a search page's 14 ms)."""

from html import escape

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from cms.facets import Facet

register = template.Library()

OPTION = (
    '<li><a class="facet__option{}" href="{}" rel="nofollow" data-facet="{}" data-value="{}">\n'
    '<span class="facet__box" aria-hidden="true"></span>\n'
    '<span class="facet__label">{}</span>\n'
    '<span class="facet__count">{}</span>\n'
    "{}</a></li>"
)


@register.simple_tag
def facet_options(facet: Facet):
    """One ``<li>`` per option of ``facet``: a link that toggles it, its label and count, and
    for a chosen one the class ``is-selected`` and a note for screen readers (every value
    escaped as the template escapes it: ``html.escape``, which Django's ``escape`` calls)."""
    chosen = format_html(
        '<span class="visually-hidden">({})</span>', gettext("selected; select again to remove")
    )
    name = escape(str(facet.name))
    return mark_safe(
        "\n".join(
            OPTION.format(
                " is-selected" if option.selected else "",
                escape(str(option.query_string)),
                name,
                escape(str(option.value)),
                escape(str(option.label)),
                localize(option.count),
                chosen if option.selected else "",
            )
            for option in facet.options
        )
    )
