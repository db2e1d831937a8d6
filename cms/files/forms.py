"""The document and image forms of the admin and the API, with the file lock applied.

Configured as Wagtail's base forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
``WAGTAILIMAGES_IMAGE_FORM_BASE``), so the edit views, the multiple upload and the API's writes
all use them. For an existing file the form asks the permission policy (``cms.files.policy``):

* may the user not *replace* the file: the file field is disabled (the browser offers no
  upload), and a file sent anyway is refused with a message;
* may the user not *change* the file at all (it is locked): every field is disabled and a
  submission is refused as a whole, so nothing is saved.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .policy import LOCKED_MESSAGE

REPLACE_REFUSED = _(
    "You may not replace this file: it is used on published pages. Upload a new file instead "
    "and choose it in your draft."
)
FILE_LOCKED_HELP = _("Used on published pages: only the coordination office may replace it.")


class FileLockMixin:
    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, user=user, **kwargs)
        self.may_change = self.may_replace = True
        if self.instance.pk is None or user is None:
            return
        policy = self.permission_policy
        self.may_change = policy.user_has_permission_for_instance(user, "change", self.instance)
        self.may_replace = policy.user_has_permission_for_instance(user, "replace", self.instance)
        if "file" in self.fields and not self.may_replace:
            self.fields["file"].disabled = True
            self.fields["file"].help_text = FILE_LOCKED_HELP
        if not self.may_change:
            for field in self.fields.values():
                field.disabled = True

    def clean(self):
        cleaned_data = super().clean()
        if not self.may_change:
            raise ValidationError(LOCKED_MESSAGE, code="locked")
        if not self.may_replace and self.files.get("file"):
            # A disabled field ignores what was sent; say so rather than drop it silently.
            self.add_error(None, ValidationError(REPLACE_REFUSED, code="replace_refused"))
        return cleaned_data


class DocumentForm(FileLockMixin, BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # Uploads that do not say (the multiple upload, API writes, older clients) keep the
            # document's language, German for a new one.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language


class ImageForm(FileLockMixin, BaseImageForm):
    pass
