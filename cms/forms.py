"""Admin forms shared by all page types."""

from django.utils.translation import gettext as _

from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm


class BasePageForm(WagtailAdminPageForm):
    """Refuses topics that are not in the vocabulary, with a message, instead of dropping them.

    Wagtail's tag field silently discards unknown names when free tagging is off; an editor who
    typed a topic would lose it without noticing.
    """

    topic_field = "topics"

    def clean(self):
        cleaned_data = super().clean()
        name = self.topic_field
        if name in self.fields and name not in self.errors:
            requested = parse_tags(self.data.get(self.add_prefix(name), "") or "")
            known = set(cleaned_data.get(name) or [])
            unknown = [topic for topic in requested if topic not in known]
            if unknown:
                self.add_error(
                    name,
                    _(
                        "Unknown topic(s): %(topics)s. Choose topics from the list; new topics "
                        "are added by the coordination office."
                    )
                    % {"topics": ", ".join(unknown)},
                )
        return cleaned_data
