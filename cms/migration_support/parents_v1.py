"""Fill a new parent key (``cms.parents.ParentPageKey``) of existing pages: frozen, never edit.

Written with ``knowledge/0004_workshop_series_key`` (``profiles/0009`` has its own copy of the
same loop). Migrations pass their historical models.
"""

STEPLEN = 4  # wagtail.models.Page.steplen


def link_parents(child_model, parent_model, attname: str) -> None:
    """Set ``attname`` of every ``child_model`` page to the ``parent_model`` page it lies
    directly under (pages under a page of another type keep null)."""
    parents = dict(parent_model.objects.values_list("path", "pk"))
    by_parent = {}
    for pk, path in child_model.objects.values_list("pk", "path"):
        parent_id = parents.get(path[:-STEPLEN])
        if parent_id is not None:
            by_parent.setdefault(parent_id, []).append(pk)
    for parent_id, pks in by_parent.items():
        child_model.objects.filter(pk__in=pks).update(**{attname: parent_id})
