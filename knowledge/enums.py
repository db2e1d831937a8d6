"""Vocabularies of the knowledge library that are not model fields."""

from django.utils.translation import gettext_lazy

# The two kinds of library entries (the values are URL and API contracts).
KINDS = {
    "publikation": gettext_lazy("Publication"),
    "werkstatt": gettext_lazy("Workshop documentation"),
}
