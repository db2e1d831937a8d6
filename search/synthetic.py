"""Where synthetic benchmark text takes its real sentences from: the plain text of the existing
pages in the search index (cms.demo.synthetic)."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import Page, get_page_models

from cms.demo.synthetic import register_sentence_source

from .postgres import TOPIC_TEXT_PATTERN, page_entries


@register_sentence_source
def indexed_page_texts(locale):
    entries = page_entries(
        [ContentType.objects.get_for_model(model).pk for model in get_page_models()]
    ).filter(
        object_id__in_array=[
            str(pk) for pk in Page.objects.filter(locale=locale).values_list("pk", flat=True)
        ]
    )
    # PostgreSQL keeps the plain text in "body_text", other databases in "body".
    column = "body_text" if connection.vendor == "postgresql" else "body"
    for text in entries.values_list(column, flat=True):
        yield re.sub(TOPIC_TEXT_PATTERN, " ", text or "")
