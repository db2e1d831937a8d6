"""One published German page of every page type, for the editorial tests (previews, translation
actions). Not a conftest: tests/editorial/conftest.py belongs to the permission tests."""

from types import SimpleNamespace

from wagtail.models import Page

from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.home.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    EasyLanguagePageFactory,
    OpenDataPageFactory,
    SignLanguagePageFactory,
)
from tests.knowledge.factories import (
    KnowledgeIndexPageFactory,
    PublicationPageFactory,
    WorkshopPageFactory,
    WorkshopSeriesPageFactory,
)
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)


def one_page_of_each_type(home) -> SimpleNamespace:
    news_index = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    profiles = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=profiles, title="Essen", ags="05113000")
    library = KnowledgeIndexPageFactory(parent=home)
    series = WorkshopSeriesPageFactory(parent=library)
    return SimpleNamespace(
        home=home,
        content=ContentPageFactory(parent=home, title="Zielsetzung"),
        news_index=news_index,
        news=NewsPageFactory(parent=news_index, title="Neue Förderrichtlinie"),
        events=events,
        event=EventPageFactory(parent=events, title="Netzwerktreffen"),
        profiles=profiles,
        municipality=essen,
        profile=DistrictProfilePageFactory(parent=essen, title="Katernberg"),
        library=library,
        series=series,
        workshop=WorkshopPageFactory(parent=series, title="Werkstatt Beteiligung"),
        publication=PublicationPageFactory(parent=library, title="Dokumentation 2019"),
        statement=AccessibilityStatementPageFactory(parent=home),
        open_data=OpenDataPageFactory(parent=home),
        easy_language=EasyLanguagePageFactory(parent=home, title="Leichte Sprache"),
        sign_language=SignLanguagePageFactory(parent=home),
    )


def project_page_models() -> list[type[Page]]:
    """Every page type of our apps (Wagtail's own Page excluded)."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model is not Page]
