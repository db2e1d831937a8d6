"""The one rule for what anonymous visitors and API clients may see of the page tree, and the
tree's parent path in SQL; conditions written as SQL around a row's columns."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Expression, F, OuterRef, Q
from django.db.models.expressions import Col
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from cms.statements import now_param, remembered


class ColumnCondition(Expression):
    """A condition written as SQL around a row's own columns (``columns``, found by the ORM,
    so that the condition fits any query of the model: a joined table, a subquery with
    aliases), with parameters of its own (``params``). The ORM would build the same subqueries
    and exclusions from querysets on every call and compile them again; these cost a format
    string."""

    output_field = BooleanField()
    conditional = True
    columns: tuple[str, ...] = ()
    sql = ""  # ``{0}``, ``{1}``, …: the columns; ``%s``: the parameters

    def __init__(self, relation: str = ""):
        """``relation``: the columns of a related row (``"parent__"``) instead of the row of
        the query."""
        super().__init__()
        self.source = [F(relation + column) for column in self.columns]

    def get_source_expressions(self):
        return self.source

    def set_source_expressions(self, expressions):
        self.source = list(expressions)

    def as_sql(self, compiler, connection):
        columns = []
        for expression in self.source:
            sql, params = compiler.compile(expression)
            if params:  # the SQL repeats columns, so it could not repeat their parameters
                raise ValueError(f"{type(self).__name__}: {expression!r} is no plain column")
            columns.append(sql)
        return self.sql.format(*columns), self.params(connection)

    def params(self, connection) -> list:
        """The parameters of ``sql``'s own placeholders (``%s``), in their order."""
        return []


class PageCondition(ColumnCondition):
    """A condition on a page, around the page table's columns (``visible`` fell from 1.7 ms
    to 0.7 ms to build and compile this way, and a page asks it several times)."""

    def resolve_expression(self, *args, **kwargs):
        """The first column is found by the ORM (with the joins it needs); the others are
        columns of the same page table, so they are taken from there instead of being found
        one by one (each through the joins again)."""
        first = self.source[0].resolve_expression(*args, **kwargs)
        if not isinstance(first, Col) or first.target.model is not Page:
            return super().resolve_expression(*args, **kwargs)
        clone = self.copy()
        fields = [Page._meta.get_field(column) for column in self.columns[1:]]
        clone.source = [first, *(Col(first.alias, field) for field in fields)]
        return clone


class RestrictedAncestor(PageCondition):
    """Is there a view restriction on this page or on one of its ancestors?

    Wagtail's ``.public()`` first loads all restrictions and then excludes their subtrees (an
    extra query per listing); this asks the same question inside the listing's own query.
    """

    columns = ("path",)
    sql = (
        f"EXISTS (SELECT 1 FROM {PageViewRestriction._meta.db_table} restriction"
        f" INNER JOIN {Page._meta.db_table} restricted ON restriction.page_id = restricted.id"
        " WHERE restricted.path = SUBSTR({0}, 1, LENGTH(restricted.path)))"
    )


class UntranslatedPlaceholder(PageCondition):
    """Is this page an alias of a page in another language?

    wagtail-localize puts such aliases into the English tree as stand-ins for German pages that
    are not translated yet (the sections above a translated page, or a whole tree when a locale
    is synchronised). They carry the German title and text, so no English listing shows them.
    An alias within one language (the same page in two places) is a real page and stays.
    """

    columns = ("alias_of", "locale")
    # Most pages are no alias: asking ``alias_of_id IS NOT NULL`` first keeps PostgreSQL from
    # planning an anti-join that hashes the whole page table for every listing (at 100,000
    # pages the news list's page query fell from 138 ms to 28 ms).
    sql = (
        f"({{0}} IS NOT NULL AND EXISTS (SELECT 1 FROM {Page._meta.db_table} original"
        " WHERE original.id = {0} AND original.locale_id <> {1}))"
    )


class VisibleAt(PageCondition):
    """Can anonymous visitors see this page at ``now``? Live, not expired, no view restriction
    on it or an ancestor (``RestrictedAncestor``), no placeholder of an untranslated page
    (``UntranslatedPlaceholder``): the conditions ``visible`` asks, as one expression. Built
    by the ORM as a filter and three exclusions they added ~0.46 ms (building and compiling)
    to every query of a listing, a start page's sections, teasers and figures; as one
    expression ~0.13 ms."""

    columns = ("live", "expire_at", "path", "alias_of", "locale")
    sql = (
        "({0} AND NOT ({1} <= %s AND {1} IS NOT NULL)"
        f" AND NOT {RestrictedAncestor.sql.replace('{0}', '{2}')}"
        f" AND NOT {UntranslatedPlaceholder.sql.replace('{0}', '{3}').replace('{1}', '{4}')})"
    )

    def __init__(self, now):
        super().__init__()
        self.now = now

    def params(self, connection) -> list:
        return [now_param(self.now, connection)]


class After(ColumnCondition):
    """Does the row's ``column`` (a date and time) lie after ``now``, the request's time? As
    ``column__gt=now``, but a remembered statement (``cms.statements``) fills ``now`` in on
    each run where the ORM's parameter would be a constant of the statement."""

    sql = "{0} > %s"

    def __init__(self, column: str, now):
        self.columns = (column,)
        super().__init__()
        self.now = now

    def params(self, connection) -> list:
        return [now_param(self.now, connection)]


def restricted_ancestor() -> RestrictedAncestor:
    """A condition: is this page or one of its ancestors under a view restriction?"""
    return RestrictedAncestor()


def untranslated_placeholder(relation: str = "") -> UntranslatedPlaceholder:
    """A condition: is this page (or the page at ``relation``, e.g. ``"parent__"``) a
    stand-in for an untranslated page of another language?"""
    return UntranslatedPlaceholder(relation)


def parent_path(path: str | OuterRef = "path") -> Substr:
    """The path of a page's parent, in SQL: its own path without the last step (``path``: the
    field, or an ``OuterRef`` to the page of the enclosing query)."""
    return Substr(path, 1, Length(path) - Page.steplen)


def visible(queryset):
    """Live pages that no view restriction hides (password, login or group), in one query.

    Drafts and unpublished pages are not live; a page whose expiry time has passed is hidden at
    once, not only after the ``publish_scheduled`` job has unpublished it; placeholders of
    untranslated pages are left out. Every public listing, feed, map, menu and API endpoint
    goes through this.
    """
    return queryset.filter(VisibleAt(timezone.now()))


# The annotation ``with_visibility`` adds: may visitors see the page now (``visible``)?
VISIBLE_NOW = "visible_now"


def with_visibility(queryset):
    """``queryset`` with each page's answer to ``visible`` (as ``VISIBLE_NOW``), for pages
    that are loaded whether or not visitors may see them (an editor's choice of pages, which
    visitors see only while visible: ``cms.localization.localized_specific_pages`` then
    needs no query of its own to ask)."""
    return queryset.annotate(**{VISIBLE_NOW: VisibleAt(timezone.now())})


def specific_pages(ids) -> dict[int, Page]:
    """The pages of ``ids`` by key, as their specific types without their StreamFields, each
    with its answer to ``visible`` (``VISIBLE_NOW``): what
    ``with_visibility(...).specific().defer_streamfields().in_bulk()`` gives, in as many
    queries (one for the types, one per type), by statements compiled once per content
    version (``cms.statements``; the keys are sent with them)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = remembered(
        ("page types with visibility",),
        lambda: with_visibility(Page.objects.filter(pk__in_array=ids)).values_list(
            "pk", "content_type", VISIBLE_NOW
        ),
        slots={"ids": ids},
    )
    shown, by_type = {}, {}
    for pk, type_id, visible_now in rows:
        shown[pk] = visible_now
        by_type.setdefault(type_id, []).append(pk)
    pages = {}
    for type_id, keys in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class() or Page
        found = remembered(
            ("specific pages", model),
            lambda model=model, keys=keys: (
                model._default_manager.filter(pk__in_array=keys).defer_streamfields().order_by()
            ),
            slots={"ids": keys},
        )
        for page in found:
            setattr(page, VISIBLE_NOW, shown[page.pk])
            pages[page.pk] = page
    return pages


def images_with_rendition(ids, spec: str) -> dict:
    """The images of ``ids`` by key, each with its rendition for ``spec`` among its
    prefetched ones (when it has one): what ``prefetch_renditions(spec).in_bulk(ids)`` gives,
    in as many queries (the images, their renditions), by statements compiled once
    (``cms.statements``; the keys are sent with them)."""
    ids = sorted({image_id for image_id in ids if image_id is not None})
    if not ids:
        return {}
    image_model = get_image_model()
    images = remembered(
        ("images", image_model),
        lambda: image_model.objects.filter(pk__in_array=ids).order_by(),
        slots={"ids": ids},
    )
    found = {image.pk: image for image in images}
    for image in found.values():
        image.prefetched_renditions = []  # where Wagtail's prefetch_renditions puts them
    renditions = remembered(
        ("renditions", image_model, spec),
        lambda: (
            image_model.get_rendition_model()
            .objects.filter(image_id__in_array=ids, filter_spec=spec)
            .order_by()
        ),
        slots={"ids": ids},
    )
    for rendition in renditions:
        image = found.get(rendition.image_id)
        if image is not None:
            rendition.image = image
            image.prefetched_renditions.append(rendition)
    return found


def visible_parent(queryset, relation: str):
    """Visible pages (``visible(...)``) narrowed to those whose parent, joined through the
    foreign key ``relation`` (a ``cms.parents.ParentPageKey``), is visible too: live, not
    expired, no placeholder. The parent needs no check of its own for view restrictions: a
    restriction on it would be one on an ancestor of the page, which ``visible`` excludes.
    Cheaper than asking ``relation IN (visible parents)``, which PostgreSQL checks against
    every parent for every page (district profiles at 100,000 pages: 19 of 54 ms of their
    facets)."""
    return (
        queryset.filter(**{f"{relation}__live": True})
        .exclude(**{f"{relation}__expire_at__lte": timezone.now()})
        .exclude(untranslated_placeholder(f"{relation}__"))
    )


def visible_for_search(queryset):
    """The same rule for querysets that are handed to ``.search()``.

    The search backends translate plain field filters only, not the subqueries ``visible``
    uses, so here Wagtail's ``.public()`` (one extra query for the restrictions) and a list of
    the ids of placeholders and of expired pages the scheduler has not unpublished yet (one
    more query, usually empty) do the work.
    """
    hidden = list(
        Page.objects.filter(
            untranslated_placeholder() | Q(live=True, expire_at__lte=timezone.now())
        ).values_list("pk", flat=True)
    )
    queryset = queryset.live().public()
    return queryset.exclude(pk__in=hidden) if hidden else queryset
