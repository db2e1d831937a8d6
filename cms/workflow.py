"""One German vocabulary for the approval workflow, and a confirmation after each decision.

The words, everywhere an editor meets the workflow (buttons, dashboard panels, e-mails, the
audit log, the README):

=========================  =================================================================
action                     "Zur Freigabe einreichen" (again: "Erneut zur Freigabe einreichen")
                           "Freigeben" / "Mit Kommentar freigeben"
                           "Änderungen anfordern"
state                      "In Freigabe", "Freigegeben", "Änderungen angefordert"
=========================  =================================================================

Wagtail's German says "Moderation", "genehmigen", "ablehnen" and "In <Workflow> einreichen"
for the same things. Its strings are replaced in three ways:

* translations: ``locale/de/LC_MESSAGES/django.po`` translates Wagtail's own msgids (our
  locale comes first, ``LOCALE_PATHS``). :data:`WAGTAIL_MSGIDS` names them here, so that
  ``make messages`` (``makemessages --no-obsolete``) keeps them;
* the submit button, whose Wagtail text names the workflow ("In Freigabe Koordinierungsstelle
  einreichen"): :class:`SubmitForApprovalMenuItem` replaces Wagtail's menu item;
* Wagtail confirms neither an approval nor a request for changes made from the dashboard or
  the workflow dialog: :func:`confirm_decision` adds the message (``workflow_action`` wraps
  Wagtail's view at its own address; the ``after_edit_page`` hook covers a decision taken in
  the page editor).
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import TaskState, WorkflowState

# Wagtail's msgids that locale/de translates with the vocabulary above (see the .po file).
WAGTAIL_MSGIDS = [
    # buttons
    gettext_noop("Submit for moderation"),
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("Request changes"),
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Restart workflow "),  # sic, Wagtail's msgids end with a space
    gettext_noop("Cancel workflow "),
    # states
    gettext_noop("In Moderation"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("Needs changes"),
    gettext_noop("Changes requested"),
    gettext_noop("Approved"),
    gettext_noop("Rejected"),
    # the lock notes of a page in review
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    # messages
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    # dashboard
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Awaiting your review"),
    gettext_noop("Awaiting my review"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("Task submitted by"),
    # e-mails
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by '
        "%(requester)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by '
        "%(rejector)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    # audit log
    gettext_noop("Workflow: start"),
    gettext_noop("Workflow: approve task"),
    gettext_noop("Workflow: reject task"),
    gettext_noop("Workflow: resume task"),
    gettext_noop("Workflow: cancel"),
    gettext_noop("'%(workflow)s' started. Next step '%(task)s'"),
    gettext_noop("Approved at '%(task)s'. Next step '%(next_task)s'"),
    gettext_noop("Approved at '%(task)s'. '%(workflow)s' complete"),
    gettext_noop("Rejected at '%(task)s'. Changes requested"),
    gettext_noop("Resubmitted '%(task)s'. Workflow resumed"),
]


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button, labelled with the vocabulary instead of the workflow's name."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for approval")
        else:
            context["label"] = _("Submit for approval")
        return context


def use_german_submit_button(menu_items, request, context):
    """``construct_page_action_menu`` hook: swap Wagtail's submit item for ours."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForApprovalMenuItem(order=item.order)


def confirm_decision(request, task_state) -> None:
    """The message after an approval or a request for changes (``task_state`` as it is now)."""
    page = task_state.workflow_state.content_object
    title = page.get_latest_revision_as_object().get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        requester = task_state.workflow_state.requested_by
        name = (requester.get_full_name() or requester.get_username()) if requester else ""
        message = _("Changes requested for “%(title)s”. The page goes back to %(name)s.") % {
            "title": title,
            "name": name or _("its author"),
        }
        messages.success(request, message)
        return
    if task_state.status != TaskState.STATUS_APPROVED:
        return
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        message = _("“%(title)s” approved. Next step: %(task)s.") % {
            "title": title,
            "task": workflow_state.current_task_state.task.name,
        }
    else:
        page.refresh_from_db()
        go_live_at = page.get_latest_revision_as_object().go_live_at
        if go_live_at and go_live_at > timezone.now():
            message = _("“%(title)s” approved; it will be published on %(date)s.") % {
                "title": title,
                "date": timezone.localtime(go_live_at).strftime("%d.%m.%Y %H:%M"),
            }
        else:
            message = _("“%(title)s” approved and published.") % {"title": title}
    messages.success(request, message)


_wagtail_workflow_action = page_viewset_registry.as_view(
    "workflow_action", page_id_kwarg="page_id"
)


def workflow_action(request, page_id, action_name, task_state_id):
    """Wagtail's workflow action view (dashboard buttons, the workflow dialog), followed by the
    confirmation of the decision it took."""
    before = TaskState.objects.filter(pk=task_state_id).values_list("status", flat=True).first()
    response = _wagtail_workflow_action(
        request, page_id=page_id, action_name=action_name, task_state_id=task_state_id
    )
    if request.method == "POST" and before == TaskState.STATUS_IN_PROGRESS:
        task_state = TaskState.objects.filter(pk=task_state_id).first()
        if task_state and task_state.status != before:
            confirm_decision(request, task_state)
    return response


def confirm_decision_in_editor(request, page):
    """``after_edit_page`` hook: a decision taken with the page editor's footer buttons."""
    if "action-workflow-action" not in request.POST:
        return
    recent = timezone.now() - datetime.timedelta(minutes=1)
    task_state = (
        TaskState.objects.filter(
            workflow_state__in=WorkflowState.objects.for_instance(page),
            finished_by=request.user,
            finished_at__gte=recent,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is not None:
        confirm_decision(request, task_state)
