from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app (same label, models and templates) with our user viewset."""

    user_viewset = "cms.users.views.UserViewSet"
