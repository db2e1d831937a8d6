"""The project's rules on Wagtail's own v3 page endpoints (``/api/v3/pages/``).

Wagtail's endpoints are used as they are; :func:`install` wraps their views with what the
project promises every API client:

* anonymous reads see what ``cms.querysets.visible`` lets through, nothing else;
* a parameter the list does not know is answered with 422, not silently ignored, and
  ``topics`` filters by topic slug (Wagtail's own tag filter cannot join a page subclass to
  the topics of ``wagtailcore.Page``);
* a write naming a field the page type does not accept is refused with 422 before anything is
  saved (Wagtail would drop the field and answer 200), and so is a write whose ``topics`` (a
  list of topic slugs, see ``cms.api.topic_writes``) name a topic that does not exist;
* a write by someone who may not publish is a draft *submitted to the approval workflow*: the
  coordination office approves everything that goes public, whichever way it was edited;
* ids that are not numbers are refused with 422 like any other malformed value: an update's
  page id (Wagtail looks the page type up from the raw path before ninja validates it, and
  ``PATCH /api/v3/pages/abc/`` failed with a server error) and the revision list's ``user_id``
  (declared as number *or* text, compared with the numeric user key);
* a ``site`` that names several sites is a 400 in ``find/`` as in the list.
"""

import json
from functools import wraps
from http import HTTPStatus

from django.core.validators import slug_re
from django.http import Http404, QueryDict

from wagtail.api import APIField
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.registry import registry
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.api.v3.schemas import PageCreateMetaSchema, PageUpdateMetaSchema
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS, PageTypeInjectingBodyModel
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, WorkflowState, get_page_models

from ninja.errors import HttpError, ValidationError

from cms.models import TaggedPage, Topic
from cms.querysets import visible, visible_for_search

# Query parameters of the list besides the filters, ordering and search schemas.
PAGINATION_PARAMS = frozenset({"limit", "offset"})
TOPICS_PARAM = "topics"


def pages_queryset(request, model=None):
    """Wagtail's v3 page queryset; for anonymous requests narrowed by ``visible``, and by the
    topics the list was asked for."""
    queryset = (
        wagtail_querysets.get_pages_queryset(request)
        if model is None
        else wagtail_querysets.get_pages_queryset(request, model)
    )
    # A search hands the queryset to the search backend, which filters by plain values only
    # (Wagtail searches whenever the parameter is there, even empty).
    searching = "search" in request.GET
    if not request.user.is_authenticated:
        queryset = visible_for_search(queryset) if searching else visible(queryset)
    for slug in getattr(request, "api_topics", ()):
        tagged = TaggedPage.objects.filter(tag__slug=slug).values_list(
            "content_object_id", flat=True
        )
        queryset = queryset.filter(pk__in=list(tagged) if searching else tagged)
    return queryset


def _problem(location: str, name: str, message: str) -> dict:
    return {"type": "value_error", "loc": [location, name], "msg": message}


def _list_params(request) -> set[str]:
    """The parameters the page list understands for the requested page type(s)."""
    known = set(PAGINATION_PARAMS) | {TOPICS_PARAM}
    for schema in (wagtail_pages_router.PageFilterSchema, OrderingSchema, SearchSchema):
        known |= set(schema.model_fields)
    known |= set(BASE_PAGE_READ_FIELDS)
    types = request.GET.getlist("type")
    models = [model for model in get_page_models() if model._meta.label in types]
    if len(models) == 1:  # Wagtail filters by a type's own fields only for a single type
        known |= {field.name for field in APIField.get_fields_for_model(models[0])}
    return known


def checked_list(view):
    """Refuse unknown parameters and unknown topic slugs; hand ``topics`` to the queryset."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        known = _list_params(request)
        errors = [
            _problem("query", name, f"unknown parameter; known: {sorted(known)}")
            for name in sorted(set(request.GET) - known)
        ]
        slugs = request.GET.getlist(TOPICS_PARAM)
        if slugs:
            existing = set(Topic.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            errors += [
                _problem("query", TOPICS_PARAM, f"unknown topic: {slug!r}")
                for slug in slugs
                if slug not in existing
            ]
        if errors:
            raise ValidationError(errors)
        if slugs:
            request.api_topics = slugs
            params = request.GET.copy()
            params.pop(TOPICS_PARAM)
            request.GET = QueryDict(params.urlencode())
        return view(request, *args, **kwargs)

    return wrapper


def checked_site(view):
    """Answer a ``site`` that names several sites (a host name served on two ports) with 400,
    as the page list does: ``find/`` looks it up for ``html_path`` outside Wagtail's handler
    and failed with a server error. (A port that is not a number the request guard refuses.)"""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        site = request.GET.get("site")
        if site and request.GET.get("html_path"):
            try:
                SiteFilterValidator(site=site, request=request).site_obj  # noqa: B018
            except Http404:
                pass  # no such site: the view answers 404
            except ValueError as error:
                raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from error
        return view(request, *args, **kwargs)

    return wrapper


def checked_revisions(view):
    """Refuse a ``user_id`` that is not a number (the user key is one)."""

    @wraps(view)
    def wrapper(request, *args, filters, **kwargs):
        user_id = str(filters.user_id) if filters.user_id is not None else ""
        if user_id and not user_id.lstrip("-").isdigit():
            raise ValidationError([_problem("query", "user_id", "expected a user id (a number)")])
        return view(request, *args, filters=filters, **kwargs)

    return wrapper


def _unknown_fields(body: dict, schema, meta_schema) -> list[dict]:
    allowed = set(schema.model_fields) if schema is not None else {"meta"}
    errors = [
        _problem("body", name, f"unknown field; this page type accepts: {sorted(allowed)}")
        for name in sorted(set(body) - allowed)
    ]
    meta = body.get("meta")
    if isinstance(meta, dict):
        known = sorted(meta_schema.model_fields)
        errors += [
            _problem("body", f"meta.{name}", f"unknown field; known: {known}")
            for name in sorted(set(meta) - set(known))
        ]
    return errors


def _checked_topics(data) -> list[dict]:
    """Refuse unknown topic slugs; give the page form the topics' keys (its field is the admin's
    topic chooser, which takes those)."""
    if TOPICS_PARAM not in data.model_fields_set:
        return []
    slugs = list(dict.fromkeys(getattr(data, TOPICS_PARAM)))
    # Only what can be a slug is looked up (PostgreSQL refuses NUL characters with an error).
    candidates = [slug for slug in slugs if slug_re.match(slug)]
    keys = dict(Topic.objects.filter(slug__in=candidates).values_list("slug", "pk"))
    unknown = [slug for slug in slugs if slug not in keys]
    if unknown:
        return [
            _problem(
                "body",
                TOPICS_PARAM,
                f"unknown topic: {slug!r}; the topics are listed at GET /api/v3/topics/",
            )
            for slug in unknown
        ]
    setattr(data, TOPICS_PARAM, [str(keys[slug]) for slug in slugs])
    return []


def checked_write(view, *, direction: str):
    """Refuse fields the page type does not accept and unknown topics, then write, then submit
    for approval."""

    meta_schema = PageCreateMetaSchema if direction == "create" else PageUpdateMetaSchema
    schema_attribute = "create_schema" if direction == "create" else "patch_schema"

    @wraps(view)
    def wrapper(request, *args, data, **kwargs):
        body = json.loads(request.body or b"{}")
        registration = registry.get(data.meta.type)
        schema = getattr(registration, schema_attribute, None) if registration else None
        errors = _unknown_fields(body, schema, meta_schema)
        if schema is not None and TOPICS_PARAM in schema.model_fields:
            errors += _checked_topics(data)
        if errors:
            raise ValidationError(errors)
        result = view(request, *args, data=data, **kwargs)
        if data.meta.action != "publish":
            page = getattr(result, "value", result)  # create answers Status(201, page)
            submit_for_approval(Page.objects.get(pk=page.pk).specific, request.user)
        return result

    return wrapper


# Tree actions Wagtail's views do not guard: the root page has no parent to copy into or
# to place a page next to, and its actions fail with an AttributeError (a 500).
ROOT_GUARDED = {
    "pages_actions_copy",
    "pages_actions_create_alias",
    "pages_actions_move",
    "pages_actions_copy_for_translation",
    "pages_actions_delete",
    "pages_delete",
    "pages_actions_unpublish",
}
CHILD_POSITIONS = {"first-child", "last-child", "sorted-child"}


def guarded_tree_action(view):
    """Refuse, with 422, tree actions on the root page and moves next to it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        root_ids = set(Page.objects.filter(depth=1).values_list("pk", flat=True))
        if kwargs.get("page_id") in root_ids:
            raise ValidationError(
                [_problem("path", "page_id", "the root of the page tree cannot be changed")]
            )
        data = kwargs.get("data")
        destination = getattr(data, "destination_id", None)
        position = getattr(data, "position", "last-child")
        if destination in root_ids and position not in CHILD_POSITIONS:
            raise ValidationError(
                [
                    _problem(
                        "body",
                        "position",
                        "a page cannot be placed next to the root of the page tree; "
                        f"use one of {sorted(CHILD_POSITIONS)}",
                    )
                ]
            )
        return view(request, *args, **kwargs)

    return wrapper


def submit_for_approval(page: Page, user) -> WorkflowState | None:
    """Put a draft written by someone who may not publish into the page's approval workflow,
    as the admin's "Zur Freigabe einreichen" does; a draft that is already waiting keeps its
    place and the new revision is what the moderator sees."""
    if page.permissions_for_user(user).can_publish():
        return None
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return None
    state = page.current_workflow_state
    if state is None:
        return workflow.start(page, user)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return state.resume(user)
    return state


_wagtail_meta_type = PageTypeInjectingBodyModel.get_meta_type.__func__


def meta_type_of_page_in_path(cls, request, api, path_params) -> str:
    """Wagtail's lookup of the page type an update is for, after checking that the page id in
    the path is a number (a positive one, as every page id is)."""
    page_id = str(path_params.get(cls.page_id_param, ""))
    if not (page_id.isascii() and page_id.isdigit()):
        raise ValidationError(
            [_problem("path", cls.page_id_param, "expected the id of a page (a number)")]
        )
    return _wagtail_meta_type(cls, request, api, path_params)


def install() -> None:
    """Wrap Wagtail's page endpoints, once (``AppConfig.ready`` may run again in tests)."""
    wagtail_pages_router.get_pages_queryset = pages_queryset
    PageTypeInjectingBodyModel.get_meta_type = classmethod(meta_type_of_page_in_path)
    wrappers = {
        "pages_list": checked_list,
        "pages_find": checked_site,
        "pages_create": lambda view: checked_write(view, direction="create"),
        "pages_update": lambda view: checked_write(view, direction="update"),
        "pages_revisions_list": checked_revisions,
    }
    wrappers.update(dict.fromkeys(ROOT_GUARDED, guarded_tree_action))
    routers = (wagtail_pages_router.router, wagtail_pages_router.actions_router)
    for path_view in [view for router in routers for view in router.path_operations.values()]:
        for operation in path_view.operations:
            wrap = wrappers.get(operation.operation_id)
            if wrap and not getattr(operation.view_func, "_project_rules", False):
                operation.view_func = wrap(operation.view_func)
                operation.view_func._project_rules = True
