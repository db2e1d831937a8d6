"""The facet options' links (``cms.templatetags.facet_tags``): the markup the template's loop
gave, every value escaped, chosen options marked."""

import re

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.facets import Facet, FacetOption

# The loop the tag replaced (``cms/includes/facets.html`` before it): the reference markup.
TEMPLATE_LOOP = """{% load i18n %}{% for facet in facets %}{% if facet.options %}
<section class="facet" aria-labelledby="facet-{{ facet.name }}">
    <h3 id="facet-{{ facet.name }}">{{ facet.label }}</h3>
    <ul class="facet__options">
        {% for option in facet.options %}
        <li><a class="facet__option{% if option.selected %} is-selected{% endif %}" href="{{ option.query_string }}" rel="nofollow" data-facet="{{ facet.name }}" data-value="{{ option.value }}">
            <span class="facet__box" aria-hidden="true"></span>
            <span class="facet__label">{{ option.label }}</span>
            <span class="facet__count">{{ option.count }}</span>
            {% if option.selected %}<span class="visually-hidden">({% translate "selected; select again to remove" %})</span>{% endif %}
        </a></li>
        {% endfor %}
    </ul>
</section>
{% endif %}{% endfor %}"""  # noqa: E501


def option(value, label, count, selected=False, query="?x=1&y=2") -> FacetOption:
    return FacetOption(value, label, count, selected, toggle=lambda: query)


def facets() -> list[Facet]:
    return [
        Facet(
            "topic",
            "Thema",
            [
                option("buergerbeteiligung", "Bürgerbeteiligung", 12, selected=True),
                option('"><script>x</script>', "<b>Böse</b> & 'laut'", 1234, query='?q="x"'),
            ],
        ),
        Facet("year", "Jahr", []),  # no options: no section
        Facet("type", "Art", [option("news", "Aktuelles", 3)]),
        Facet("period", "Zeitraum", [option(2025, gettext_lazy("Year"), 2)]),  # not text yet
    ]


def normalized(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_the_options_are_the_markup_of_the_template_loop():
    with translation.override("de"):
        rendered = render_to_string("cms/includes/facets.html", {"facets": facets()})
        reference = Template(TEMPLATE_LOOP).render(Context({"facets": facets()}))
    assert normalized(rendered) == normalized(reference)
    assert "(ausgewählt; erneut wählen zum Entfernen)" in rendered  # the German note


def test_values_are_escaped_and_the_chosen_option_marked():
    html = render_to_string("cms/includes/facets.html", {"facets": facets()})
    assert "<script>" not in html
    assert "<b>" not in html
    assert 'data-value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    label = "&lt;b&gt;Böse&lt;/b&gt; &amp; &#x27;laut&#x27;"
    assert f'<span class="facet__label">{label}</span>' in html
    assert 'href="?q=&quot;x&quot;"' in html
    assert 'href="?x=1&amp;y=2"' in html
    assert html.count("is-selected") == 1
    assert html.count('class="visually-hidden"') == 1
    assert 'id="facet-year"' not in html
    assert '<span class="facet__count">1234</span>' in html
    assert 'data-value="2025"' in html
