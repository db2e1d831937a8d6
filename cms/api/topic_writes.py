"""``topics`` in the write schemas of Wagtail's v3 page endpoints: a list of topic slugs.

Wagtail leaves a field read by a custom serializer out of its create and update schemas (our
``topics`` are read as slug and label, ``cms.serializers.TopicsField``), so the field is added
here to the schema of every page type with topics. What happens to it from there is Wagtail's
write path: the page type's admin form (``cms.forms.BasePageForm``, whose topic field is the
admin's checkbox chooser) validates and saves it, as a draft that goes to approval like any
other change (``cms.api.pages.checked_write``, which also refuses unknown slugs with 422 and
hands the form the topics' keys).

The topics live in the database and change at run time, while the schemas are built once, at
import: so validation is done per request (``checked_write``), and the document shows the slugs
as an ``enum`` computed each time the document is generated (``GET /api/v3/openapi.json``,
``GET /api/v3/schema/{type}/``). Where no database can be read (generating the document
offline, or while tests are collected) the enum is left out and the description says where the
slugs are listed.

:func:`install` must run before Wagtail's page router is imported: the router builds its
request models from the registry's schemas when it is imported.
"""

import sys
from typing import Annotated

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

from pydantic import Field

FIELD = "topics"
DESCRIPTION = (
    "The page's topics as a list of topic slugs from `GET /api/v3/topics/` (e.g. "
    '`["buergerbeteiligung"]`); replaces the page\'s topics, `[]` removes them. Responses show '
    "them with their labels. An unknown slug is refused with 422 and nothing is changed. Like "
    "any other change, new topics from someone who may not publish wait for approval."
)
ROUTER_MODULE = "wagtail.api.v3.routers.pages"


def current_slugs() -> list[str]:
    """The slugs of the vocabulary, or none where no database can be read."""
    from cms.models import Topic

    try:
        return sorted(Topic.objects.values_list("slug", flat=True))
    except (DatabaseError, RuntimeError):  # RuntimeError: pytest-django's "no access" guard
        return []


class CurrentVocabulary:
    """Annotation of a topic slug: a string whose JSON schema lists the slugs of the topics
    there are when the schema is generated."""

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        if slugs := current_slugs():
            schema["enum"] = slugs
        return schema


TopicSlug = Annotated[str, CurrentVocabulary()]


def with_topics(schema):
    """``schema`` (a generated create or update schema) with ``topics``, under the same name
    (the OpenAPI document names its components after the schema classes)."""
    namespace = {
        "__annotations__": {FIELD: list[TopicSlug]},
        FIELD: Field(default_factory=list, description=DESCRIPTION),
        "__module__": __name__,
    }
    return type(schema)(schema.__name__, (schema,), namespace)


def install() -> None:
    """Add ``topics`` to the create and update schemas of every page type with topics (once:
    ``AppConfig.ready`` may run again in tests)."""
    from wagtail.api.v3.registry import registry
    from wagtail.models import get_page_models

    from cms.models.pages import TopicsMixin

    missing = [
        (registration, attribute)
        for model in get_page_models()
        if issubclass(model, TopicsMixin) and (registration := registry.get(model._meta.label))
        for attribute in ("create_schema", "patch_schema")
        if getattr(registration, attribute) is not None
        and FIELD not in getattr(registration, attribute).model_fields
    ]
    if missing and ROUTER_MODULE in sys.modules:
        raise ImproperlyConfigured(
            f"{__name__}.install() must run before {ROUTER_MODULE} is imported "
            "(the router builds its request models from the registry when it is imported)"
        )
    for registration, attribute in missing:
        setattr(registration, attribute, with_topics(getattr(registration, attribute)))
