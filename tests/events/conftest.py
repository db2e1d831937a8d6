import pytest

from .factories import EventIndexPageFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)
