"""Create one demo login per editorial role and print them.

Refused outside the dev and test settings unless forced (cms.management.demo_guard).

So that anyone can walk through draft → approval → publish on the demo site: log in as
"redaktion" or "essen", change a page and submit it; log in as "koordination" and approve it.
The municipal groups come from the demo content (``load_demo_content`` first).
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from cms.management.demo_guard import DemoCommandMixin
from cms.roles import EDITORS, MODERATORS, MUNICIPALITY_GROUP_PREFIX

from .ensure_dev_superuser import DEFAULT_PASSWORD, DEV_LOGIN_SETTINGS

# login, first name, last name, group, role as shown in the table
DEMO_USERS = [
    ("koordination", "Kira", "Koordination", MODERATORS, "Koordinierungsstelle: freigeben"),
    ("redaktion", "Rea", "Redaktion", EDITORS, "Redaktion: Entwürfe, zur Freigabe einreichen"),
    ("essen", "Emil", "Essen", f"{MUNICIPALITY_GROUP_PREFIX}Essen", "Kommune Essen"),
    ("dortmund", "Doris", "Dortmund", f"{MUNICIPALITY_GROUP_PREFIX}Dortmund", "Kommune Dortmund"),
]


class Command(DemoCommandMixin, BaseCommand):
    help = "Create (or keep) one demo login per editorial role and print them (dev only)."
    creates = (
        "Demo-Logins mit bekanntem Passwort (statt: Benutzer im Admin anlegen)",
        "demo logins with a known password (instead: create users in the admin)",
    )
    required_settings = DEV_LOGIN_SETTINGS

    def handle(self, *args, **options):
        password = os.environ.get("DEV_SUPERUSER_PASSWORD", DEFAULT_PASSWORD)
        User = get_user_model()
        rows = []
        for username, first_name, last_name, group_name, role in DEMO_USERS:
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                self.stderr.write(
                    f"Skipping '{username}': group '{group_name}' does not exist "
                    "(run 'manage.py load_demo_content' first)."
                )
                continue
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": first_name,
                    "last_name": last_name,
                },
            )
            if created or not user.check_password(password):
                user.set_password(password)
                user.save()
            user.groups.add(group)
            rows.append((username, role))

        width = max((len(login) for login, __ in rows), default=5)
        self.stdout.write(f"Demo logins (development only, password: {password}):")
        for login, role in rows:
            self.stdout.write(f"  {login.ljust(width)}  {role}")
