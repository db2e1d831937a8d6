"""Where a file (document or image) is used, from Wagtail's reference index.

A file is used by a page when the page refers to it (a field, a chooser block, a link in rich
text), or when the page shows a snippet that refers to it: the portrait of a contact person
appears on every page that shows the person. Both are one hop in ``ReferenceIndex``; deeper
chains do not occur in this project's content model.

The index records a page's database row, which for a live page is its live content (drafts of a
live page live in revisions and are not indexed) and for a page that was never published its
latest saved content. "Used by live pages" therefore means what visitors get, not what an
editor is preparing.

Everything here is a subquery over the file's table, so a listing asks about all its files in
its own query instead of one query per file.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from wagtail.models import Page, ReferenceIndex


def _key(expression):
    """``ReferenceIndex`` stores object ids as text."""
    return Cast(expression, output_field=CharField())


def _content_type(model) -> ContentType:
    return ContentType.objects.get_for_model(model)


def _references_to(model) -> QuerySet:
    """Index rows pointing at the file of the outer query."""
    return ReferenceIndex.objects.filter(
        to_content_type=_content_type(model), to_object_id=_key(OuterRef("pk"))
    )


def used_by(model, pages: QuerySet) -> Q:
    """A filter for ``model``'s querysets: files that one of ``pages`` uses, directly or through
    a snippet it shows."""
    page_type = _content_type(Page)
    page_keys = pages.order_by().annotate(reference_key=_key("pk")).values("reference_key")
    direct = _references_to(model).filter(base_content_type=page_type, object_id__in=page_keys)
    shown_by_page = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=page_keys,
        to_content_type=OuterRef("base_content_type"),
        to_object_id=OuterRef("object_id"),
    )
    via_snippet = (
        _references_to(model).exclude(base_content_type=page_type).filter(Exists(shown_by_page))
    )
    return Q(Exists(direct)) | Q(Exists(via_snippet))


def used_by_live_pages(model) -> Q:
    """Files that a live page uses: public or not, expired or not, it is published content."""
    return used_by(model, Page.objects.live())


def is_used_by_live_pages(obj) -> bool:
    return type(obj)._default_manager.filter(used_by_live_pages(type(obj)), pk=obj.pk).exists()


def pages_using(obj, pages: QuerySet | None = None) -> QuerySet:
    """The pages (of ``pages``, all by default) that use ``obj``, directly or via a snippet."""
    pages = Page.objects.all() if pages is None else pages
    page_type = _content_type(Page)
    references = ReferenceIndex.get_references_to(obj)
    direct = references.filter(base_content_type=page_type).values("object_id")
    snippets = references.exclude(base_content_type=page_type)
    via_snippet = ReferenceIndex.objects.filter(base_content_type=page_type).filter(
        Exists(
            snippets.filter(
                base_content_type=OuterRef("to_content_type"), object_id=OuterRef("to_object_id")
            )
        )
    )
    keys = direct.union(via_snippet.values("object_id"))
    return pages.annotate(reference_key=_key("pk")).filter(reference_key__in=keys)


def live_pages_using(obj) -> QuerySet:
    return pages_using(obj, Page.objects.live()).order_by("path")
