"""Create the local development login that `make demo` prints (refused outside dev settings)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "soziale-stadt-demo"


class Command(BaseCommand):
    help = "Create (or keep) a superuser for local development and print its credentials."

    def handle(self, *args, **options):
        if not getattr(settings, "DEV_SUPERUSER_ALLOWED", False):
            raise CommandError(
                "Refusing to create a development superuser: only allowed with the dev settings "
                "(DJANGO_SETTINGS_MODULE=cms.settings.dev). Use 'manage.py createsuperuser'."
            )
        username = os.environ.get("DEV_SUPERUSER_NAME", DEFAULT_USERNAME)
        password = os.environ.get("DEV_SUPERUSER_PASSWORD", DEFAULT_PASSWORD)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": "Demo",
                "last_name": "Admin",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login (development only): http://127.0.0.1:8000/admin/  "
                f"user: {username}  password: {password}"
            )
        )
