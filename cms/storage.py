"""Uploaded files in an S3-compatible bucket (MinIO, Ceph, a cloud provider), shared by every
application server (``MEDIA_STORAGE=s3``, settings ``AWS_*``; see the README).

The bucket stays private: file URLs point at the site's own ``/media/`` view (``cms.media``),
which checks the privacy of each image and streams it from the bucket, and documents keep going
through Wagtail's permission-checked ``/documents/`` view.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from storages.backends.s3 import S3Storage


class S3MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"
