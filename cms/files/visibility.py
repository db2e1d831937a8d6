"""Who may see a file: as private as the most private place that shows it.

A document or image is **public** when

* at least one page that anonymous visitors may see uses it (``cms.querysets.visible``: live,
  not expired, under no view restriction), directly or through a snippet the page shows (the
  portrait of a contact person), and
* its collection has no view restriction (nor has any collection above it).

Everything else is private: files used only by drafts, by pages behind a password, a login or
a group restriction, and files that no page uses at all. An unused file is an upload waiting
for its page (or one left over); nobody outside has a link to it, so there is no reason to
offer it to the world, and an upload cannot be published around the approval workflow by
handing out the API link. Editors still find every file they may work with in the admin, and
may download it there.

Private files appear in no anonymous API list, detail or search, and their download answers
404 (for collection restrictions: Wagtail's login or password form). :func:`may_download`
decides for a single request; :func:`is_public` and :func:`publicly_visible` are what other
code (the media file serving, the APIs) asks.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import CollectionViewRestriction, Page
from wagtail.permissions import policy_registry

from cms.querysets import visible

from .usage import pages_using, used_by

ADMIN_ACCESS = "wagtailadmin.access_admin"
# Restricted pages looked at for one download (each costs a query); more is a pathological case.
MAX_PAGES_CHECKED = 20


def restricted_collection() -> Exists:
    """A subquery: is there a view restriction on the file's collection or one above it?"""
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
        )
    )


def public_filter(model) -> Q:
    """The filter for ``model``'s querysets that keeps the public files."""
    return used_by(model, visible(Page.objects.all())) & ~Q(restricted_collection())


def publicly_visible(queryset: QuerySet) -> QuerySet:
    """The public files of ``queryset``, in the same query."""
    return queryset.filter(public_filter(queryset.model))


def public_ids(queryset: QuerySet) -> list:
    """The ids of the public files of ``queryset`` (one query): for querysets that are handed
    to the search backend, which filters by plain values only."""
    return list(publicly_visible(queryset).values_list("pk", flat=True))


def is_public(obj) -> bool:
    """May anyone, without logging in, see this document or image?"""
    if obj is None or obj.pk is None:
        return False
    return publicly_visible(type(obj)._default_manager.filter(pk=obj.pk)).exists()


def has_admin_access(user) -> bool:
    return bool(user and user.is_active and user.is_authenticated) and (
        user.is_superuser or user.has_perm(ADMIN_ACCESS)
    )


def may_see_in_admin(user, obj) -> bool:
    """Would the admin show this file to ``user`` (in its listing or a chooser)?"""
    if not has_admin_access(user):
        return False
    policy = policy_registry.get_by_type(type(obj))
    if policy.user_has_permission_for_instance(user, "choose", obj):
        return True
    return policy.may_work_on(user, obj)


def admin_visible(user, queryset: QuerySet) -> QuerySet:
    """The files of ``queryset`` the admin shows to ``user`` (none for visitors)."""
    if not has_admin_access(user):
        return queryset.none()
    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    return queryset.filter(pk__in=allowed.values("pk"))


def visible_to(user, queryset: QuerySet) -> QuerySet:
    """Public files, and for people with admin access also the files they may see there."""
    if has_admin_access(user):
        if user.is_superuser:
            return queryset
        return queryset.filter(
            public_filter(queryset.model) | Q(pk__in=admin_visible(user, queryset).values("pk"))
        )
    return publicly_visible(queryset)


def may_download(request, document) -> bool:
    """May this request download the document?

    Yes if it is used on a public page, if the user may see it in the admin, or if it is used on
    a live page whose view restrictions this request passes (a member logged in for a
    login-only page, a visitor who gave the page's password). Collection restrictions are
    checked on top of this by Wagtail's own hook (with its login and password forms).
    """
    model = type(document)
    pages = visible(Page.objects.all())
    if model._default_manager.filter(used_by(model, pages), pk=document.pk).exists():
        return True
    if may_see_in_admin(request.user, document):
        return True
    live = pages_using(document, Page.objects.live().exclude(expire_at__lte=timezone.now()))
    for page in live.order_by("path")[:MAX_PAGES_CHECKED]:
        restrictions = page.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False
