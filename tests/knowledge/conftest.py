import pytest

from .factories import KnowledgeIndexPageFactory, WorkshopSeriesPageFactory


@pytest.fixture
def library(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def series(library):
    return WorkshopSeriesPageFactory(parent=library)
