"""The editor guide in the admin (menu "Hilfe"): how each role creates, submits, translates and
schedules, and what the coordination office checks. German, like the editors' interface; the
reader's own role comes first."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.roles import EDITORS, MODERATORS, MUNICIPALITY_GROUP_PREFIX

ROLE_ORDER = ("moderator", "editor", "municipality")


def roles_of(user) -> list[str]:
    """The guide's sections for ``user``, their own first (administrators read the office's)."""
    names = set(user.groups.values_list("name", flat=True))
    own = []
    if user.is_superuser or MODERATORS in names:
        own.append("moderator")
    if EDITORS in names:
        own.append("editor")
    if any(name.startswith(MUNICIPALITY_GROUP_PREFIX) for name in names):
        own.append("municipality")
    return own


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/editor_guide.html"
    page_title = _("Editor guide")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = roles_of(self.request.user)
        context["own_roles"] = own
        context["sections"] = own + [role for role in ROLE_ORDER if role not in own]
        return context
