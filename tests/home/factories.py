import datetime

from wagtail.models import Page, Site

import factory
import wagtail_factories

from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    EasyLanguagePage,
    HomePage,
    OpenDataPage,
    SignLanguagePage,
)
from tests.cms.factories import DefaultParent


def site_home() -> HomePage:
    """The default site's German start page; created (as ``tests.conftest.make_home`` does) if
    the site has none yet. The ancestor of every page a factory builds without ``parent=``."""
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.specific
    if isinstance(root, HomePage):
        return root
    home = HomePageFactory(parent=Page.get_first_root_node())
    site.root_page = home
    site.save()
    return home


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = "start"
    intro = "<p>Willkommen beim Netzwerk.</p>"
    teaser = "Das Netzwerk der Sozialen Stadt in NRW."
    parent = DefaultParent(lambda: Page.get_first_root_node())

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    slug = factory.Sequence(lambda n: f"inhaltsseite-{n}")
    teaser = "Ein kurzer Anrisstext."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Abschnitt", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Text des Abschnitts.</p>"},
        ]
    )

    class Meta:
        model = ContentPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    teaser = "Wie barrierefrei diese Website ist."
    conformance = "teilweise"
    prepared_on = datetime.date(2026, 6, 1)
    last_reviewed = datetime.date(2026, 11, 16)
    known_barriers = "<p>Die Karte ist nur teilweise barrierefrei.</p>"
    feedback_intro = "<p>Schreiben Sie uns.</p>"
    enforcement = "<p>Ombudsstelle für barrierefreie Informationstechnik NRW</p>"

    class Meta:
        model = AccessibilityStatementPage


class OpenDataPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Offene Daten"
    slug = "offene-daten"
    teaser = "Unsere Daten zum Herunterladen."
    intro = "<p>Alle Daten stehen unter einer freien Lizenz.</p>"

    class Meta:
        model = OpenDataPage


def easy_language_body():
    return [
        {
            "type": "section",
            "value": {
                "heading": "Willkommen",
                "lines": ["Das ist die Internet-Seite vom Netzwerk.", "Hier steht alles."],
                "image": {"image": None, "decorative": False, "alt_text": ""},
            },
        },
        {
            "type": "glossary",
            "value": {
                "heading": "Wörterbuch",
                "entries": [
                    {
                        "term": "Netzwerk",
                        "explanation": ["Ein Netzwerk ist eine Gruppe.", "Alle helfen sich."],
                    }
                ],
            },
        },
    ]


class EasyLanguagePageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = factory.Sequence(lambda n: f"Leichte Sprache {n}")
    slug = factory.Sequence(lambda n: f"leichte-sprache-{n}")
    teaser = "Hier erklären wir die Internet-Seite in Leichter Sprache."
    body = factory.LazyFunction(easy_language_body)

    class Meta:
        model = EasyLanguagePage


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Informationen in Deutscher Gebärdensprache"
    slug = factory.Sequence(lambda n: f"gebaerdensprache-{n}")
    teaser = "Die Website in Deutscher Gebärdensprache."
    transcript = "<p>Willkommen auf der Website des Netzwerks.</p>"

    class Meta:
        model = SignLanguagePage
