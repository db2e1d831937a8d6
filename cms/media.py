"""``/media/…``: uploaded images, served by the application under the privacy rule of files.

Images are as private as the most private page that shows them (``cms.files.visibility``), so no
web server may hand out ``MEDIA_ROOT`` as a folder. Everything below ``/media/`` goes through
this view instead, from the local disk or an S3 bucket alike (``cms.storage``):

- ``images/…`` (renditions, the sizes pages show): public ones for a year, ``immutable`` (a
  changed image gets a new file name);
- ``original_images/…`` (the uploaded originals): public ones for a day;
- an image nobody may see publicly: only to logged-in users who may see it in the admin, never
  stored by a cache; to everybody else a 404, as for a file that does not exist;
- ``documents/…`` and anything else: 404 (downloads go through ``/documents/<id>/<name>``,
  Wagtail's permission-checked view).
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.images import get_image_model

from cms.files.visibility import is_public, may_see_in_admin

RENDITION_MAX_AGE = 365 * 24 * 60 * 60
ORIGINAL_MAX_AGE = 24 * 60 * 60


def image_for(path: str):
    """The image a media path belongs to, and how long a public copy may be cached."""
    image_model = get_image_model()
    if path.startswith("images/"):
        rendition = (
            image_model.get_rendition_model()
            .objects.select_related("image")
            .filter(file=path)
            .first()
        )
        return (rendition.image if rendition else None), RENDITION_MAX_AGE
    if path.startswith("original_images/"):
        return image_model.objects.filter(file=path).first(), ORIGINAL_MAX_AGE
    return None, 0


@require_safe
def serve_media(request, path: str):
    normalised = posixpath.normpath(path)
    if normalised != path or normalised.startswith(("/", "..")) or "\x00" in path:
        raise Http404
    image, max_age = image_for(path)
    if image is None:
        raise Http404
    public = is_public(image)
    user = request.user
    if not public and not (user.is_authenticated and may_see_in_admin(user, image)):
        raise Http404
    try:
        file = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    if public:
        patch_cache_control(response, public=True, max_age=max_age)
        if max_age == RENDITION_MAX_AGE:
            patch_cache_control(response, immutable=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
