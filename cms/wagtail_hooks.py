"""Admin registrations: the core snippets with German labels and useful listings."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import pagecache
from cms.dashboard import MyDraftsPanel
from cms.guide import EditorGuideView
from cms.models import ContactPerson, FooterText, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name", "synonyms"]
    ordering = ["name"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact persons")
    list_display = ["name", "role", "organisation", "email"]
    list_filter = ["locale"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer text")


class CoreSnippets(SnippetViewSetGroup):
    items = (TopicViewSet, ContactPersonViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(CoreSnippets)


@hooks.register("construct_homepage_panels")
def add_my_drafts_panel(request, panels):
    panels.append(MyDraftsPanel())


@hooks.register("before_serve_page")
def keep_restricted_pages_out_of_the_page_cache(page, request, serve_args, serve_kwargs):
    """A page under a view restriction (its own or an ancestor's) is never stored in the
    anonymous page cache, even when a visitor may see it."""
    if settings.PAGE_CACHE_SECONDS > 0 and page.get_view_restrictions().exists():
        pagecache.mark_private(request)


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("hilfe/", EditorGuideView.as_view(), name="cms_editor_guide")]


@hooks.register("register_admin_menu_item")
def guide_menu_item():
    return MenuItem(
        _("Help"), reverse("cms_editor_guide"), name="help", icon_name="help", order=100000
    )
