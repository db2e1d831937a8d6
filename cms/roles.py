"""Editorial roles: who may draft, approve and publish what.

Three kinds of editors work on the site:

- "Koordinierungsstelle" (the coordination office, moderators) may do everything editorial:
  publish, approve, edit every page, topic, snippet, image and document, and manage the accounts
  of municipal editors.
- "Redaktion" (editors) create and edit news, events, knowledge and general pages; their
  changes go live only through the approval workflow. They upload images and documents and
  edit their own uploads until a live page uses them (``cms.files.policy``).
- "Kommune <name>" (one group per member municipality, see ``profiles.roles``) edit exactly
  their municipality's pages and upload into their own image/document collection, under the
  same file rule.

Two collections are *reserved* (``cms.models.ReservedCollection``; permissions granted above
them do not reach into them, ``cms.files.policy``):

- "Netzwerk: gemeinsame Bilder und Dokumente", the network's shared images and documents:
  every editor (Redaktion and every municipality) may choose them in a page, only the
  coordination office uploads, changes and deletes them.
- "Netzwerk: Archiv ehemaliger Kommunen": the collections of deleted municipalities, moved here
  with their files (``profiles.roles.retire_municipality``); only the coordination office sees
  them.

The groups, their permissions and the approval workflow "Freigabe Koordinierungsstelle" were
created by data migrations (``cms/0004_editorial_roles``, ``profiles/0003_...``; the reserved
collections by ``cms/0010_shared_collections`` and ``profiles/0008_...``). Those run frozen
copies of these functions as they were then (``cms.migration_support.roles_v1``, ``_v2``), so
editing this module never changes what an old migration did; a changed rule needs a new data
migration for existing databases. ``tests/editorial/test_roles.py`` checks that a database
migrated from scratch ends with exactly the rules declared here.

The functions here serve the demo loader, the municipality signal and tests. They take an
``apps`` (historical models) and default to the live registry. They only ever add what is
missing: running them again changes nothing, and permissions an administrator added by hand in
the admin survive. (Exception: ``withdraw_collection_permissions``, the rule that
``cms/0005_files_editors_edit_own_uploads`` and ``profiles/0005_...`` applied once, taking the
permission to edit everyone's files away from editors and municipalities.)
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db.models import Q

MODERATORS = "Koordinierungsstelle"
EDITORS = "Redaktion"
MUNICIPALITY_GROUP_PREFIX = "Kommune "
WORKFLOW_NAME = "Freigabe Koordinierungsstelle"
APPROVAL_TASK_NAME = "Freigabe durch die Koordinierungsstelle"

# Wagtail's page permissions (granted per subtree through GroupPagePermission; they inherit down
# the tree). Only moderators publish; everyone else's changes go through the workflow.
MODERATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MUNICIPALITY_PAGE_PERMISSIONS = ("add_page", "change_page")

# Image and document permissions are granted per collection (GroupCollectionPermission). The
# document permissions are Wagtail's (wagtaildocs.*) even though our model is cms.CMSDocument:
# Wagtail's document permission policy checks them against wagtaildocs.Document.
#
# Editors upload files, choose any file in their drafts and edit or delete their own uploads
# while no live page uses them ("add" is Wagtail's "add and edit your own"). Editing anyone's
# files ("change") and deleting files that live pages use ("delete") belong to the coordination
# office: a file on a live page is published content (see cms.files.policy).
MEDIA_UPLOAD_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
MEDIA_MANAGE_PERMISSIONS = (
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)
MODERATOR_COLLECTION_PERMISSIONS = (
    *MEDIA_UPLOAD_PERMISSIONS,
    *MEDIA_MANAGE_PERMISSIONS,
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)
EDITOR_COLLECTION_PERMISSIONS = MEDIA_UPLOAD_PERMISSIONS
MUNICIPALITY_COLLECTION_PERMISSIONS = MEDIA_UPLOAD_PERMISSIONS
# The reserved collections (see the module docstring). Documents are shared like images: the
# network's templates and logos are documents and images alike.
NETWORK = "network"
ARCHIVE = "archive"
NETWORK_COLLECTION = "Netzwerk: gemeinsame Bilder und Dokumente"
ARCHIVE_COLLECTION = "Netzwerk: Archiv ehemaliger Kommunen"
# Created in this order, after the municipalities' collections ("Kommune …"): Wagtail keeps the
# children of a collection sorted by name, and treebeard's sorted insert (a new "Kommune …"
# collection) fails on children that are out of order. Both names sort after "Kommune".
RESERVED_COLLECTION_NAMES = {ARCHIVE: ARCHIVE_COLLECTION, NETWORK: NETWORK_COLLECTION}
SHARED_FILES_CHOOSE_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
MODERATOR_RESERVED_COLLECTION_PERMISSIONS = (*MEDIA_UPLOAD_PERMISSIONS, *MEDIA_MANAGE_PERMISSIONS)
EDITOR_NETWORK_COLLECTION_PERMISSIONS = SHARED_FILES_CHOOSE_PERMISSIONS
MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS = SHARED_FILES_CHOOSE_PERMISSIONS
# Every permission granted on the reserved collections (loaded at once by the role functions).
SHARED_COLLECTION_PERMISSIONS = tuple(
    dict.fromkeys(
        (
            *MODERATOR_RESERVED_COLLECTION_PERMISSIONS,
            *EDITOR_NETWORK_COLLECTION_PERMISSIONS,
            *MUNICIPALITY_NETWORK_COLLECTION_PERMISSIONS,
        )
    )
)
# Granted to editors and municipalities by earlier versions; withdrawn by migration
# (``withdraw_collection_permissions``) since files are locked once live pages use them.
WITHDRAWN_EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.change_image",
    "wagtaildocs.change_document",
)


def _crud(model: str, actions=("add", "change", "delete", "view")) -> tuple[str, ...]:
    app_label, model_name = model.split(".")
    return tuple(f"{app_label}.{action}_{model_name}" for action in actions)


ADMIN_ACCESS = "wagtailadmin.access_admin"
MODERATOR_MODEL_PERMISSIONS = (
    ADMIN_ACCESS,
    "wagtail_localize.submit_translation",
    # the topic vocabulary and the core snippets (Snippets → Netzwerk)
    *_crud("cms.topic"),
    *_crud("cms.topiclabel"),
    *_crud("cms.contactperson"),
    *_crud("cms.footertext"),
    # Settings → Website-Einstellungen, pinned search results, redirects
    *_crud("cms.sitesettings", ("change", "view")),
    *_crud("wagtailsearchpromotions.query"),
    *_crud("wagtailsearchpromotions.searchpromotion"),
    *_crud("wagtailredirects.redirect"),
    # accounts of municipal editors (the user admin limits them to those, see cms.users)
    *_crud("auth.user"),
)
EDITOR_MODEL_PERMISSIONS = (ADMIN_ACCESS, "wagtail_localize.submit_translation")
MUNICIPALITY_MODEL_PERMISSIONS = (ADMIN_ACCESS,)


@dataclass
class Models:
    """The models the role functions use, from the live registry or a migration's state."""

    apps: object
    # Permission rows by "app_label.codename", loaded by ``permissions`` (they do not change
    # while the role functions run).
    permission_rows: dict = field(default_factory=dict, repr=False)

    def __getattr__(self, name):
        label = {
            "Group": "auth.Group",
            "Permission": "auth.Permission",
            "ContentType": "contenttypes.ContentType",
            "Page": "wagtailcore.Page",
            "Collection": "wagtailcore.Collection",
            "GroupPagePermission": "wagtailcore.GroupPagePermission",
            "GroupCollectionPermission": "wagtailcore.GroupCollectionPermission",
            "Workflow": "wagtailcore.Workflow",
            "WorkflowTask": "wagtailcore.WorkflowTask",
            "WorkflowPage": "wagtailcore.WorkflowPage",
            "GroupApprovalTask": "wagtailcore.GroupApprovalTask",
            "TaskState": "wagtailcore.TaskState",
            "ReservedCollection": "cms.ReservedCollection",
        }[name]
        model = self.apps.get_model(label)
        setattr(self, name, model)
        return model


def create_permissions_now(apps) -> None:
    """Create the permission rows a data migration is about to grant.

    Django creates permissions only after all migrations ran (post_migrate), so on a fresh
    database they do not exist yet while the migrations run. The live registry needs nothing:
    there the permissions exist already.
    """
    if apps is global_apps:
        return
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True  # create_permissions skips apps without models
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permissions(m: Models, dotted_names) -> list:
    """The Permission rows of ``dotted_names`` ("app_label.codename"), in that order, loaded
    with one query (none for rows loaded before through the same ``m``). A missing permission
    raises ``Permission.DoesNotExist``, as ``permission`` does."""
    dotted_names = list(dotted_names)
    missing = {dotted for dotted in dotted_names if dotted not in m.permission_rows}
    if missing:
        wanted = Q()
        for dotted in missing:
            app_label, codename = dotted.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        found = {}
        for row in m.Permission.objects.filter(wanted).select_related("content_type"):
            dotted = f"{row.content_type.app_label}.{row.codename}"
            if dotted in found:  # as Permission.objects.get would
                raise m.Permission.MultipleObjectsReturned(f"Several permissions {dotted}")
            found[dotted] = row
        m.permission_rows.update(found)
    for dotted in dotted_names:
        if dotted not in m.permission_rows:
            raise m.Permission.DoesNotExist(f"No permission {dotted}")
    return [m.permission_rows[dotted] for dotted in dotted_names]


def permission(m: Models, dotted: str):
    return permissions(m, [dotted])[0]


def root_page(m: Models):
    """Wagtail's root node: permissions and the workflow set here cover every site and locale."""
    return m.Page.objects.filter(depth=1).order_by("path").first()


def root_collection(m: Models):
    return m.Collection.objects.filter(depth=1).order_by("path").first()


def ensure_group(m: Models, name: str, model_permissions=()):
    group, __ = m.Group.objects.get_or_create(name=name)
    wanted = permissions(m, model_permissions)  # no query for none
    if wanted:
        present = set(
            group.permissions.filter(pk__in=[p.pk for p in wanted]).values_list("pk", flat=True)
        )
        missing = [p for p in wanted if p.pk not in present]
        if missing:
            group.permissions.add(*missing)
    return group


def grant_permissions(m: Models, model, target: str, grants) -> None:
    """Create the missing rows of ``model`` (GroupPagePermission or GroupCollectionPermission)
    for ``grants``, (group, object, "app_label.codename") triples, in their order: one query
    for the permissions, one for the rows that exist, one to insert the missing ones."""
    grants = list(grants)
    if not grants:
        return
    names = list(dict.fromkeys(dotted for __, __, dotted in grants))
    by_name = dict(zip(names, permissions(m, names), strict=True))
    wanted = [(group.pk, obj.pk, by_name[dotted].pk) for group, obj, dotted in grants]
    present = set(
        model.objects.filter(
            group_id__in={each[0] for each in wanted},
            **{f"{target}_id__in": {each[1] for each in wanted}},
            permission_id__in={each[2] for each in wanted},
        ).values_list("group_id", f"{target}_id", "permission_id")
    )
    missing = []
    for key in wanted:
        if key not in present:
            present.add(key)  # the same grant twice is created once
            group_id, object_id, permission_id = key
            row = model(group_id=group_id, permission_id=permission_id)
            setattr(row, f"{target}_id", object_id)
            missing.append(row)
    if missing:
        # Both models are unique per (group, object, permission): a grant another process
        # made in the meantime is kept, as get_or_create did.
        model.objects.bulk_create(missing, ignore_conflicts=True)


def grant_page_permissions(m: Models, group, page, codenames) -> None:
    grant_permissions(
        m,
        m.GroupPagePermission,
        "page",
        [(group, page, f"wagtailcore.{codename}") for codename in codenames],
    )


def grant_collection_permissions(m: Models, group, collection, dotted_names) -> None:
    grant_permissions(
        m,
        m.GroupCollectionPermission,
        "collection",
        [(group, collection, dotted) for dotted in dotted_names],
    )


def withdraw_collection_permissions(m: Models, group, dotted_names) -> int:
    """Take collection permissions away from ``group`` (on every collection); the number taken.

    The one exception to "only ever add": a permission that the rules no longer allow a role.
    """
    removed = 0
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        removed += m.GroupCollectionPermission.objects.filter(
            group=group,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()[0]
    return removed


def ensure_child_collection(m: Models, name: str):
    """The collection ``name`` directly under the root collection, created if missing.

    Historical models have no treebeard methods, so the path is computed here as treebeard
    would (the live registry uses treebeard's own ``add_child``).
    """
    root = root_collection(m)
    children = m.Collection.objects.filter(path__startswith=root.path, depth=root.depth + 1)
    existing = children.filter(name=name).order_by("path").first()
    if existing is not None:
        return existing
    if hasattr(root, "add_child"):
        return root.add_child(instance=m.Collection(name=name))
    from wagtail.models import Collection as Tree  # treebeard's path arithmetic only

    last = children.order_by("path").last()
    step = Tree._str2int(last.path[-Tree.steplen :]) + 1 if last else 1
    collection = m.Collection.objects.create(
        name=name,
        depth=root.depth + 1,
        numchild=0,
        path=Tree._get_path(root.path, root.depth + 1, step),
    )
    m.Collection.objects.filter(pk=root.pk).update(numchild=children.count())
    return collection


def ensure_core_groups(apps=global_apps) -> dict:
    """Create "Koordinierungsstelle" and "Redaktion" with their permissions.

    Both get their page permissions on Wagtail's root node rather than on the start pages: the
    start pages (German, English, any later site) are created after the migrations, by the demo
    loader or an administrator, and permissions on the root node cover all of them. Redaktion
    can therefore also draft changes to district profiles; only the coordination office
    publishes.
    """
    m = Models(apps)
    create_permissions_now(apps)
    root, collections = root_page(m), root_collection(m)
    moderators = ensure_group(m, MODERATORS, MODERATOR_MODEL_PERMISSIONS)
    grant_page_permissions(m, moderators, root, MODERATOR_PAGE_PERMISSIONS)
    grant_collection_permissions(m, moderators, collections, MODERATOR_COLLECTION_PERMISSIONS)
    editors = ensure_group(m, EDITORS, EDITOR_MODEL_PERMISSIONS)  # files: see cms.files
    grant_page_permissions(m, editors, root, EDITOR_PAGE_PERMISSIONS)
    grant_collection_permissions(m, editors, collections, EDITOR_COLLECTION_PERMISSIONS)
    shared_collections(m)
    return {MODERATORS: moderators, EDITORS: editors}


def ensure_reserved_collections(apps=global_apps) -> dict:
    """The network's shared collection and the archive, by purpose (created if missing).

    Found by purpose, not by name: the coordination office may rename them."""
    return reserved_collections(Models(apps))


def reserved_collections(m: Models) -> dict:
    """``ensure_reserved_collections`` with the models ``m``: one query if both exist."""
    reserved = {
        each.purpose: each.collection
        for each in m.ReservedCollection.objects.filter(
            purpose__in=list(RESERVED_COLLECTION_NAMES)
        ).select_related("collection")
    }
    for purpose, name in RESERVED_COLLECTION_NAMES.items():
        if purpose not in reserved:
            collection = ensure_child_collection(m, name)
            m.ReservedCollection.objects.create(purpose=purpose, collection_id=collection.pk)
            reserved[purpose] = m.Collection.objects.get(pk=collection.pk)
    return {purpose: reserved[purpose] for purpose in RESERVED_COLLECTION_NAMES}


def ensure_shared_collections(apps=global_apps) -> dict:
    """The reserved collections with the core groups' permissions on them: the coordination
    office manages both, "Redaktion" chooses from the network's collection only. (Municipality
    groups get theirs in ``profiles.roles.ensure_municipality_group``.)"""
    m = Models(apps)
    create_permissions_now(apps)
    return shared_collections(m)


def shared_collections(m: Models) -> dict:
    """``ensure_shared_collections`` with the models ``m`` (whose permissions exist): a fixed
    few queries when nothing is missing."""
    collections = reserved_collections(m)
    groups = {
        group.name: group for group in m.Group.objects.filter(name__in=[MODERATORS, EDITORS])
    }
    for name in (MODERATORS, EDITORS):
        if name not in groups:
            groups[name] = ensure_group(m, name)
    moderators, editors = groups[MODERATORS], groups[EDITORS]
    grants = [
        (moderators, collection, dotted)
        for collection in collections.values()
        for dotted in MODERATOR_RESERVED_COLLECTION_PERMISSIONS
    ]
    grants += [
        (editors, collections[NETWORK], dotted) for dotted in EDITOR_NETWORK_COLLECTION_PERMISSIONS
    ]
    grant_permissions(m, m.GroupCollectionPermission, "collection", grants)
    return collections


def ensure_approval_workflow(apps=global_apps):
    """The workflow "Freigabe Koordinierungsstelle" (one group approval task for the
    coordination office), assigned to Wagtail's root node so it covers every page of every site
    and language. A page has at most one workflow assignment, so this replaces Wagtail's
    default "Moderators approval" there; that workflow is then deactivated if nothing else uses
    it.
    """
    m = Models(apps)
    moderators = m.Group.objects.get(name=MODERATORS)
    task = m.GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).order_by("pk").first()
    if task is None:
        content_type, __ = m.ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = m.GroupApprovalTask.objects.create(
            name=APPROVAL_TASK_NAME, content_type=content_type, active=True
        )
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)

    workflow, __ = m.Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not m.WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        m.WorkflowTask.objects.create(
            workflow=workflow, task_id=task.pk, sort_order=workflow.workflow_tasks.count()
        )

    root = root_page(m)
    previous = m.WorkflowPage.objects.filter(page_id=root.pk).exclude(workflow=workflow).first()
    m.WorkflowPage.objects.update_or_create(page_id=root.pk, defaults={"workflow": workflow})
    if previous is not None:
        _deactivate_if_unused(m, previous.workflow)
    return workflow


def _deactivate_if_unused(m: Models, workflow) -> None:
    in_use = (
        workflow.workflow_pages.exists()
        or workflow.workflow_content_types.exists()
        or workflow.workflow_states.filter(status="in_progress").exists()
    )
    if not in_use and workflow.active:
        workflow.active = False
        workflow.save(update_fields=["active"])
