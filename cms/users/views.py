"""The user admin, limited for everyone but administrators to municipal editors' accounts.

The coordination office creates the accounts of municipal staff and puts them in their
municipality's group. Wagtail's own user admin would let anyone with the "change user"
permission tick "Administrator" or put an account (their own helpers included) into any group,
which makes that permission as strong as being an administrator. So, unless the acting user is
a superuser:

- the list, edit and delete views show only accounts that are no administrators and belong to
  no group other than municipal groups ("Kommune …"); anything else is refused;
- the forms offer only municipal groups and have no "Administrator" box;
- bulk actions (assign role, activate, delete) are refused for other accounts and other groups.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.users import forms
from wagtail.users.views import users

from cms.roles import MUNICIPALITY_GROUP_PREFIX

User = get_user_model()


def municipal_groups():
    return Group.objects.filter(name__startswith=MUNICIPALITY_GROUP_PREFIX)


def manageable_users(request_user, queryset):
    """The accounts ``request_user`` may see and change in the user admin."""
    if request_user.is_superuser:
        return queryset
    other_groups = Group.objects.exclude(name__startswith=MUNICIPALITY_GROUP_PREFIX)
    return queryset.filter(is_superuser=False).exclude(groups__in=other_groups)


def may_manage(request_user, user) -> bool:
    return manageable_users(request_user, User.objects.filter(pk=user.pk)).exists()


class MunicipalGroupsOnly:
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = municipal_groups()


class UserCreationForm(MunicipalGroupsOnly, forms.UserCreationForm):
    pass


class UserEditForm(MunicipalGroupsOnly, forms.UserEditForm):
    pass


class ForUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(users.IndexView):
    def get_base_queryset(self):
        return manageable_users(self.request.user, super().get_base_queryset())


class CreateView(ForUserFormMixin, users.CreateView):
    pass


class EditView(ForUserFormMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def refuse_other_accounts_in_bulk(request, action_type, objects, action):
    if request.user.is_superuser or getattr(action, "model", None) is not User:
        return None
    if any(not may_manage(request.user, user) for user in objects):
        return permission_denied(request)
    role = (action.cleaned_form.cleaned_data or {}).get("role") if action.cleaned_form else None
    if role is not None and not municipal_groups().filter(pk=role.pk).exists():
        return permission_denied(request)
    return None


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm

    def on_register(self):
        super().on_register()
        hooks.register("before_bulk_action", refuse_other_accounts_in_bulk)
