"""Admin: the feedback visitors sent through the accessibility statement (read and delete only;
users with the model's view permission, administrators by default)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import AccessibilityFeedback


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """Feedback is what a visitor wrote: nobody adds or edits it in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessibilityFeedback, ReadAndDeletePolicy(AccessibilityFeedback))


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 800
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["created_at", "name", "email", "page_url", "statement"]
    search_fields = ["name", "email", "message", "page_url"]
    form_fields = ["name", "email", "page_url", "message"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibility_feedback")
