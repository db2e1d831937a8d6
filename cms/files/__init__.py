"""Files are content: documents and images under the same rules as the pages that show them.

* ``policy``: who may change, replace and delete a file. A file a live page uses is locked;
  only the coordination office (the ``delete`` permission on its collection) and
  administrators change it then.
* ``visibility``: a file is as private as the most private place that shows it; public files
  are those a public page shows (``is_public``, ``publicly_visible``).
* ``usage``: where a file is used (Wagtail's reference index, one hop through snippets).
* ``forms``, ``views``, ``wagtail_hooks``: the admin under these rules, and the download check.
* ``api``: the rules on the APIs' document and image endpoints.
"""
