"""Wagtail's user admin, limited for the coordination office to municipal editors' accounts
(see ``views``). Installed in place of ``wagtail.users`` through ``apps.UsersConfig``."""
