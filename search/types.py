"""What the search calls the kinds of pages it finds, and the date each kind is dated by.

Shared by the search's filters, the search service and the topic hubs."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    """The ``type`` of a search result (URL value and label); every other page is a "page"."""

    NEWS = "news", _("News")
    EVENT = "event", _("Events")
    PROFILE = "profile", _("District profiles")
    MUNICIPALITY = "municipality", _("Municipalities")
    PUBLICATION = "publication", _("Publications")
    WORKSHOP = "workshop", _("Workshops")
    PAGE = "page", _("Pages")


# The page types the search tells apart declare their kind of result and the date they are dated
# by (``search_result_type``, ``search_date_field``; see cms.models.BasePage).
_TYPED_MODELS = [
    model for model in apps.get_models() if getattr(model, "search_result_type", None)
]
TYPE_MODELS = {
    key: tuple(model for model in _TYPED_MODELS if model.search_result_type == key)
    for key in ResultType
}
# Result types: URL value -> (models, label), in the order the facet and the hubs show them.
TYPES = {str(key): (models_, key.label) for key, models_ in TYPE_MODELS.items()}

# The date shown with a result and used by the year and date filters; other types have none.
DATE_FIELDS = {
    model: model.search_date_field
    for models_ in TYPE_MODELS.values()
    for model in models_
    if model.search_date_field
}


def type_of_model(model) -> str:
    for key, (models_, __) in TYPES.items():
        if model in models_:
            return key
    return str(ResultType.PAGE)
