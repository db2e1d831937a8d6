"""The editors' dashboard panel "my drafts".

Wagtail's dashboard shows what awaits the user's review, the user's pages in a workflow, their
recent edits and locked pages; what it lacks is the list of pages the user changed and left
unpublished. Those are the user's drafts: pages with unpublished changes whose latest revision
the user saved.
"""

from wagtail.admin.ui.components import Component
from wagtail.models import Page


def my_drafts(user):
    """Pages with unpublished changes whose latest revision is the user's, newest first."""
    return (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .only(
            "id",
            "title",
            "draft_title",
            "live",
            "locale_id",
            "content_type_id",
            "latest_revision_created_at",
            "has_unpublished_changes",
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


class MyDraftsPanel(Component):
    name = "my_drafts"
    template_name = "cms/admin/my_drafts_panel.html"
    order = 240  # between Wagtail's "your pages in a workflow" (210–220) and recent edits (250)
    limit = 10

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = [
            {"page": page, "type": page.specific_class._meta.verbose_name}
            for page in my_drafts(parent_context["request"].user)[: self.limit]
        ]
        return context
