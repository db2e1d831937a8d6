"""Editorial roles as ``cms/0004_editorial_roles`` created them: frozen, never edit.

A copy of ``cms/roles.py`` as it was when that migration was written (commit fc63cb4), so that
later edits to the live rules do not change what the migration does. Editors and
municipalities then got "change" on images and documents; ``cms/0005`` and ``profiles/0005``
take it away again, so a database migrated from scratch ends with today's rules (checked by
``tests/editorial/test_roles.py``). Only migrations use this module; they pass their historical
``apps``.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps

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
MEDIA_EDIT_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
MODERATOR_COLLECTION_PERMISSIONS = (
    *MEDIA_EDIT_PERMISSIONS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)
EDITOR_COLLECTION_PERMISSIONS = MEDIA_EDIT_PERMISSIONS
MUNICIPALITY_COLLECTION_PERMISSIONS = MEDIA_EDIT_PERMISSIONS


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


def permission(m: Models, dotted: str):
    app_label, codename = dotted.split(".")
    return m.Permission.objects.get(content_type__app_label=app_label, codename=codename)


def root_page(m: Models):
    """Wagtail's root node: permissions and the workflow set here cover every site and locale."""
    return m.Page.objects.filter(depth=1).order_by("path").first()


def root_collection(m: Models):
    return m.Collection.objects.filter(depth=1).order_by("path").first()


def ensure_group(m: Models, name: str, model_permissions=()):
    group, __ = m.Group.objects.get_or_create(name=name)
    wanted = [permission(m, dotted) for dotted in model_permissions]
    missing = [p for p in wanted if not group.permissions.filter(pk=p.pk).exists()]
    if missing:
        group.permissions.add(*missing)
    return group


def grant_page_permissions(m: Models, group, page, codenames) -> None:
    for codename in codenames:
        m.GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=permission(m, f"wagtailcore.{codename}")
        )


def grant_collection_permissions(m: Models, group, collection, dotted_names) -> None:
    for dotted in dotted_names:
        m.GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection.pk, permission=permission(m, dotted)
        )


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


def ensure_core_groups(apps) -> dict:
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
    editors = ensure_group(m, EDITORS, EDITOR_MODEL_PERMISSIONS)
    grant_page_permissions(m, editors, root, EDITOR_PAGE_PERMISSIONS)
    grant_collection_permissions(m, editors, collections, EDITOR_COLLECTION_PERMISSIONS)
    return {MODERATORS: moderators, EDITORS: editors}


def ensure_approval_workflow(apps):
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
