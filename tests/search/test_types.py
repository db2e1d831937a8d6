"""The search's result types and dates, read from the page types' declarations."""

from django.apps import apps

from cms.models import BasePage
from events.models import EventPage, NewsPage
from knowledge.models import PublicationPage, WorkshopPage, WorkshopSeriesPage
from profiles.models import DistrictProfilePage, MunicipalityPage
from search.types import DATE_FIELDS, TYPE_MODELS, ResultType, type_of_model


def test_page_types_declare_their_result_type_and_date():
    assert {key: set(models) for key, models in TYPE_MODELS.items()} == {
        ResultType.NEWS: {NewsPage},
        ResultType.EVENT: {EventPage},
        ResultType.PROFILE: {DistrictProfilePage},
        ResultType.MUNICIPALITY: {MunicipalityPage},
        ResultType.PUBLICATION: {PublicationPage},
        ResultType.WORKSHOP: {WorkshopPage, WorkshopSeriesPage},
        ResultType.PAGE: set(),
    }
    assert list(TYPE_MODELS) == list(ResultType)
    assert {
        NewsPage: "date",
        EventPage: "start_date",
        PublicationPage: "publication_date",
        WorkshopPage: "date",
        WorkshopSeriesPage: "period_start",
    } == DATE_FIELDS
    assert type_of_model(WorkshopSeriesPage) == "workshop"


def test_declared_result_types_and_date_fields_exist():
    """A misspelt result type would drop the page type from the search's types silently."""
    for model in apps.get_models():
        if not issubclass(model, BasePage):
            continue
        if model.search_result_type is not None:
            assert model.search_result_type in ResultType.values, model
        if model.search_date_field is not None:
            assert model._meta.get_field(model.search_date_field).get_internal_type() == (
                "DateField"
            ), model
