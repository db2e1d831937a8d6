"""A page's parent of one page type, kept as a foreign key on the page (``ParentPageKey``).

Lists join the parent (a district profile's municipality, a workshop's series) to filter and
count by it. Found through the tree, the parent costs a lookup by path for every listed page,
in every part of a facet statement (20,000 profiles at 100,000 pages); as a key it is one hash
join. The key follows the tree wherever a page gets there:

- every save (``pre_save``: the parent by path, one indexed query; a save whose
  ``update_fields`` leave the key out keeps it; a raw save, as loaddata does, keeps it too),
  so new pages, copies, translations and published revisions carry it;
- every move (``post_page_move``: Wagtail's move rewrites paths in SQL and saves a plain
  ``Page``);
- pages written in bulk under a known parent (``set_parent_keys``, used by
  ``generate_content``) and pages written in bulk elsewhere (``link_parents``).

Never edited: not in the editor's form, not translated by wagtail-localize, not in Wagtail's
reference index (no reference an editor made). In migrations it is a plain ``ForeignKey``.
"""

from django.db import models
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import post_page_move


class ParentPageKey(models.ForeignKey):
    """The page's parent, if that is a page of type ``to`` (else null)."""

    def __init__(self, to, verbose_name=None, **kwargs):
        for fixed in ("null", "blank", "editable", "on_delete", "related_name"):
            kwargs.pop(fixed, None)  # a plain ForeignKey's arguments, from a migration
        super().__init__(
            to,
            verbose_name=verbose_name,
            null=True,
            blank=True,
            editable=False,
            on_delete=models.SET_NULL,
            related_name="+",
            **kwargs,
        )
        self.wagtail_reference_index_ignore = True

    def deconstruct(self):
        name, __, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs

    def pre_save(self, model_instance, add):
        if model_instance.path:
            found = parent_ids(self.related_model, [model_instance.path])
            setattr(model_instance, self.attname, found.get(model_instance.path))
        return getattr(model_instance, self.attname)


def parent_keys(model) -> list[ParentPageKey]:
    """The keys of a page type, its own and those of the page types it extends."""
    return [field for field in model._meta.fields if isinstance(field, ParentPageKey)]


def parent_ids(parent_model, paths) -> dict:
    """Page path → the id of the page of ``parent_model`` that is its parent (paths under a
    page of another type are left out). One query."""
    parents = {path: path[: -Page.steplen] for path in paths}
    found = dict(
        parent_model.objects.filter(path__in=set(parents.values()))
        .order_by()
        .values_list("path", "pk")
    )
    return {path: found[parent] for path, parent in parents.items() if parent in found}


def set_parent_keys(page: Page, parent: Page) -> None:
    """Set the keys of an unsaved ``page`` that will be written under ``parent`` without
    ``save()`` (a bulk insert): no query."""
    for field in parent_keys(type(page)):
        is_parent = issubclass(parent.specific_class, field.related_model)
        setattr(page, field.attname, parent.pk if is_parent else None)


def link_parents(pages) -> None:
    """Set the keys of ``pages`` (a queryset of one page type) from the tree: one query to
    read the paths, one per key for the parents, one update per parent found."""
    fields = parent_keys(pages.model)
    if not fields:
        return
    paths = dict(pages.order_by().values_list("pk", "path"))
    for field in fields:
        found = parent_ids(field.related_model, paths.values())
        by_parent: dict = {}
        for pk, page_path in paths.items():
            by_parent.setdefault(found.get(page_path), []).append(pk)
        for parent_id, pks in by_parent.items():
            # the table of the page type that declares the key
            field.model.objects.filter(pk__in=pks).update(**{field.attname: parent_id})


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """Wagtail's move rewrites paths in SQL and saves a plain ``Page``: the moved page's keys
    follow its new parent here, right after the move (``sender`` is its specific type)."""
    if parent_keys(sender):
        link_parents(sender.objects.filter(pk=instance.pk))
