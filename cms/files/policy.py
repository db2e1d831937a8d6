"""Who may change, replace and delete a document or image: the approval rule for files.

Wagtail's collection policy lets anyone who may edit a file also delete it and replace its file
("delete" counts as "change"), so an editor could take a PDF off a live publication page
without anyone approving it. Here a file that a live page uses is *locked*: changing its title
or alt text, replacing its file, moving it to another collection and deleting it are left to
the **file managers**, the people who hold the ``delete`` permission on its collection
(the coordination office, see ``cms.roles``) and administrators. Everyone else keeps Wagtail's
rules for unlocked files: they edit, replace and delete the files they uploaded themselves
(the "add" permission), and choose any file in a draft.

Actions on a single file:

``change``   title, alt text, tags, collection, focal point
``replace``  upload another file in place of this one
``delete``   delete it

The same policy answers the admin's views and bulk actions, the API's write endpoints (through
Wagtail's actions) and the upload form (``cms.files.forms``), so there is one place for the rule.
Lists of files (the admin listing, "select all" of bulk actions) keep Wagtail's answer: an
editor still sees the files they uploaded there, a locked one too, and the edit view explains
why it is locked (``cms.files.views``).

**Reserved collections** (``cms.models.ReservedCollection``: the network's shared files, the
archive) have a border: a permission granted on a collection above one stops there. Inside, only
permissions granted on the reserved collection itself or below count. So "Redaktion", which
uploads into and chooses from the root collection, neither uploads into the shared collection
(it only chooses there, by a permission of its own) nor sees the archive. Everything that asks
about a collection goes through the three lookups overridden here (``_check_perm``,
``_collections_with_perm``, ``_users_with_perm_filter``): single files, listings, the chooser,
the upload form's collection field.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from .usage import is_used_by_live_pages

MODIFYING_ACTIONS = frozenset({"change", "replace", "delete"})

LOCKED_MESSAGE = _(
    "This file is used on published pages. Only the coordination office may change, replace "
    "or delete it now. Upload a new file instead and choose it in your draft; the change goes "
    "live when the coordination office approves the page."
)


class FilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection-and-ownership policy, with files used by live pages locked."""

    def __init__(self, model, auth_model=None, owner_field_name="uploaded_by_user"):
        super().__init__(model, auth_model=auth_model, owner_field_name=owner_field_name)

    # ---------------------------------------------------------------- reserved collections

    RESERVED_CACHE = "_reserved_collection_paths"

    def reserved_paths(self, user=None) -> tuple[str, ...]:
        """The tree paths of the reserved collections (cached on the user, like Wagtail caches
        the user's collection permissions)."""
        cached = getattr(user, self.RESERVED_CACHE, None) if user is not None else None
        if cached is not None:
            return cached
        from cms.models import ReservedCollection

        paths = tuple(ReservedCollection.objects.values_list("collection__path", flat=True))
        if user is not None:
            setattr(user, self.RESERVED_CACHE, paths)
        return paths

    @staticmethod
    def border(path: str, reserved) -> str:
        """The path of the innermost reserved collection holding ``path`` ("" if none)."""
        return max((each for each in reserved if path.startswith(each)), key=len, default="")

    def _check_perm(self, user, actions, collection=None):
        if collection is None or not (user.is_active and user.is_authenticated):
            return super()._check_perm(user, actions, collection=collection)
        if user.is_superuser:
            return True
        border = self.border(collection.path, self.reserved_paths(user))
        return any(
            collection.path.startswith(granted.collection.path)
            and granted.collection.path.startswith(border)
            for granted in self._get_user_permission_objects_for_actions(user, actions)
        )

    def _collections_with_perm(self, user, actions):
        reserved = self.reserved_paths(user)
        condition = Q(pk__in=[])
        for granted in self._get_user_permission_objects_for_actions(user, actions):
            top = granted.collection.path
            below = Q(path__startswith=top)
            for path in reserved:
                if path != top and path.startswith(top):
                    below &= ~Q(path__startswith=path)
            condition |= below
        return Collection.objects.filter(condition)

    def _users_with_perm_filter(self, actions, collection=None):
        if collection is None:
            return super()._users_with_perm_filter(actions, collection=collection)
        border = self.border(collection.path, self.reserved_paths())
        ancestors = collection.get_ancestors(inclusive=True).filter(path__startswith=border)
        groups = Group.objects.filter(
            collection_permissions__permission__in=self._get_permission_objects_for_actions(
                actions
            ),
            collection_permissions__collection__in=ancestors,
        )
        return Q(is_active=True) & (Q(is_superuser=True) | Q(groups__in=groups))

    # ------------------------------------------------------------------------- file lock

    def is_locked(self, instance) -> bool:
        """Does a live page use this file (directly or through a snippet it shows)?"""
        if not instance.pk:
            return False
        cache = instance.__dict__.setdefault("_file_lock_cache", {})
        if "locked" not in cache:
            cache["locked"] = is_used_by_live_pages(instance)
        return cache["locked"]

    def is_file_manager(self, user, instance) -> bool:
        """May this user change files of the instance's collection even when they are locked?"""
        return self._check_perm(user, ["delete"], collection=instance.collection)

    def may_work_on(self, user, instance) -> bool:
        """Wagtail's answer for "change": the user's own uploads, or any file in a collection
        where they hold the change permission. Locked or not."""
        return super().user_has_any_permission_for_instance(user, ["change"], instance)

    def user_has_permission(self, user, action):
        if action == "replace":
            action = "change"
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        modifying = actions & MODIFYING_ACTIONS
        if actions - modifying and super().user_has_any_permission_for_instance(
            user, actions - modifying, instance
        ):
            return True
        if not modifying:
            return False
        if not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser or self.is_file_manager(user, instance):
            return True
        return self.may_work_on(user, instance) and not self.is_locked(instance)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        if set(actions) & MODIFYING_ACTIONS and self.is_locked(instance):
            managers = self._users_with_perm(["delete"], collection=instance.collection)
            users = users.filter(pk__in=managers.values("pk"))
        return users


def document_policy() -> FilePermissionPolicy:
    return FilePermissionPolicy(get_document_model_string(), auth_model="wagtaildocs.Document")


def image_policy() -> FilePermissionPolicy:
    return FilePermissionPolicy(get_image_model(), auth_model="wagtailimages.Image")


def register() -> None:
    """Register the policies for the document and image models.

    ``exact_class=True`` because Wagtail's own apps register their default policy for the same
    models in their ``ready()``, which may run after ours; an exact-class registration is
    looked up first.
    """
    from wagtail.documents import get_document_model
    from wagtail.permissions import register_permission_policy

    register_permission_policy(get_document_model(), document_policy(), exact_class=True)
    register_permission_policy(get_image_model(), image_policy(), exact_class=True)
