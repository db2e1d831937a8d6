"""A process made ready to serve before its first request.

What a worker would otherwise build on its first requests: the compiled public templates (the
cached template loader keeps them), the translation catalogs of every language and the URL
resolver's tables. ``cms.wsgi`` calls ``warm_up`` once the application is loaded; with
gunicorn's ``preload_app`` (``deploy/gunicorn.conf.py``) that is once, in the master, so that
every worker forked from it, also one that replaces a worker after ``max_requests``, starts warm
instead of importing and compiling for seconds while the other worker serves alone.

Nothing here touches the database or a cache: the master must not hold a connection that its
workers would share.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

# The apps whose templates visitors' pages render (the admin's are compiled on first use).
PUBLIC_APPS = ("cms", "home", "profiles", "events", "knowledge", "search")


def public_template_names() -> list[str]:
    """The HTML templates of the public apps, as the template loader names them."""
    names = []
    for label in PUBLIC_APPS:
        root = Path(apps.get_app_config(label).path) / "templates"
        names += sorted(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
    return names


def warm_up() -> None:
    for name in public_template_names():
        get_template(name)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")  # loads the language's catalogs
    get_resolver().reverse_dict  # noqa: B018 - populates the resolver's tables
