import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = "start"
    intro = "<p>Willkommen beim Netzwerk.</p>"
    teaser = "Das Netzwerk der Sozialen Stadt in NRW."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
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
