"""What the search calls the kinds of pages it finds, and the date each kind is dated by.

Shared by the search's filters, the search service and the topic hubs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import EventPage, NewsPage
from knowledge.models import PublicationPage, WorkshopPage, WorkshopSeriesPage
from profiles.models import DistrictProfilePage, MunicipalityPage


class ResultType(models.TextChoices):
    """The ``type`` of a search result (URL value and label); every other page is a "page"."""

    NEWS = "news", _("News")
    EVENT = "event", _("Events")
    PROFILE = "profile", _("District profiles")
    MUNICIPALITY = "municipality", _("Municipalities")
    PUBLICATION = "publication", _("Publications")
    WORKSHOP = "workshop", _("Workshops")
    PAGE = "page", _("Pages")


TYPE_MODELS = {
    ResultType.NEWS: (NewsPage,),
    ResultType.EVENT: (EventPage,),
    ResultType.PROFILE: (DistrictProfilePage,),
    ResultType.MUNICIPALITY: (MunicipalityPage,),
    ResultType.PUBLICATION: (PublicationPage,),
    ResultType.WORKSHOP: (WorkshopPage, WorkshopSeriesPage),
    ResultType.PAGE: (),
}
# Result types: URL value -> (models, label), in the order the facet and the hubs show them.
TYPES = {str(key): (models_, key.label) for key, models_ in TYPE_MODELS.items()}

# The date shown with a result and used by the year and date filters; other types have none.
DATE_FIELDS = {
    NewsPage: "date",
    EventPage: "start_date",
    PublicationPage: "publication_date",
    WorkshopPage: "date",
    WorkshopSeriesPage: "period_start",
}


def type_of_model(model) -> str:
    for key, (models_, __) in TYPES.items():
        if model in models_:
            return key
    return str(ResultType.PAGE)
