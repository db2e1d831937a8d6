"""Admin forms shared by all page types."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from cms.models.topics import Topic
from cms.slugs import GermanSlugInput, german_slug_for


class TopicChoiceField(forms.ModelMultipleChoiceField):
    """The network's whole topic vocabulary as checkboxes with the German labels.

    Replaces taggit's free-text tag field, which showed none of the allowed topics and needed
    quoting. A value that is not a topic of the vocabulary is refused with a message naming it,
    never dropped; empty values (an empty field) mean "no topics".
    """

    widget = forms.CheckboxSelectMultiple(attrs={"class": "topic-choices"})
    default_error_messages = {
        "invalid_choice": _(
            "Unknown topic: %(value)s. Choose topics from the list; new topics are added by the "
            "coordination office."
        ),
        "invalid_pk_value": _(
            "Unknown topic: %(pk)s. Choose topics from the list; new topics are added by the "
            "coordination office."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(queryset=Topic.objects.order_by("name"), **kwargs)

    def label_from_instance(self, topic):
        return topic.name

    def clean(self, value):
        if isinstance(value, list | tuple):
            value = [item for item in value if item not in ("", None)]
        return list(super().clean(value))


class BasePageForm(WagtailAdminPageForm):
    """Every page type's admin form: topics are chosen from the vocabulary (TopicChoiceField);
    new slugs spell umlauts the German way (``cms.slugs``)."""

    topic_field = "topics"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "seo_title" in self.fields:
            # cms.seo: a <title> of at most 70 characters; the site name only while it fits
            self.fields["seo_title"].help_text = _(
                "Shown instead of the title in search results and browser tabs. Write one of at "
                "most 70 characters if the title is longer; “– Soziale Stadt NRW” is added "
                "while the whole fits in 70 characters."
            )
        name = self.topic_field
        if name in self.fields:
            original = self.fields[name]
            self.fields[name] = TopicChoiceField(
                required=False, label=original.label, help_text=original.help_text
            )
            if self.instance.pk:
                self.initial[name] = list(self.instance.topics.all())
        if "slug" in self.fields:
            widget = self.fields["slug"].widget
            self.fields["slug"].widget = GermanSlugInput(
                attrs={
                    key: value
                    for key, value in widget.attrs.items()
                    if not key.startswith("data-")
                }
            )

    def clean_slug(self):
        """Wagtail's transliteration of the title ("forderrunde-fur") becomes the German one
        ("foerderrunde-fuer") on a new page or a changed slug; the slug a page already has and
        a slug typed by hand stay as they are."""
        slug = self.cleaned_data.get("slug", "")
        if slug and slug == self.instance.slug:
            return slug
        title = self.cleaned_data.get("title")
        if title is None:
            title = self.data.get(self.add_prefix("title"), "")
        return german_slug_for(str(title), slug)
