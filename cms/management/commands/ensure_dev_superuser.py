"""Create the local development login that `make demo` prints.

Refused outside the dev and test settings unless forced (cms.management.demo_guard); on a real
site use 'manage.py createsuperuser'."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.management.demo_guard import DemoCommandMixin

# The login's password is printed and known to everyone who read the README.
DEV_LOGIN_SETTINGS = ("DEMO_COMMANDS_ALLOWED", "DEV_SUPERUSER_ALLOWED")

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "soziale-stadt-demo"


class Command(DemoCommandMixin, BaseCommand):
    help = "Create (or keep) a superuser for local development and print its credentials."
    creates = (
        "einen Administrator mit bekanntem Passwort (statt: manage.py createsuperuser)",
        "an administrator with a known password (instead: manage.py createsuperuser)",
    )
    required_settings = DEV_LOGIN_SETTINGS

    def handle(self, *args, **options):
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
