"""A StreamField whose migrations do not carry its blocks.

Wagtail's own StreamField writes the whole block tree (every block, label and help text) into
each migration, so editing a help text made migrations in four apps. The column is JSON either
way: the blocks only say how the admin edits and how templates and the API read that JSON. This
field leaves them out of ``deconstruct()``, so a migration reads ``cms.fields.StreamField(...)``
and a block edit makes no migration at all.

The price: a data migration's historical model has no blocks, so it works on the raw JSON
(``page.body.raw_data``). How to write one: README, section "Data migrations". Modelled on
ONSdigital/dis-wagtail's ``cms/core/fields.py``.
"""

import json

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField as WagtailStreamField

# Keyword arguments that change only what editors see; a migration need not know them.
EDITOR_ONLY_KWARGS = ("block_lookup", "verbose_name", "help_text")


class StreamField(WagtailStreamField):
    """Use this instead of ``wagtail.fields.StreamField`` in every model of ours."""

    def __init__(self, block_types=None, *args, **kwargs):
        # Built from a migration, the field gets no blocks: an empty stream block stands in.
        super().__init__([] if block_types is None else block_types, *args, **kwargs)

    def deconstruct(self):
        name, path, __, kwargs = super().deconstruct()
        for key in EDITOR_ONLY_KWARGS:
            kwargs.pop(key, None)
        return name, path, [], kwargs

    def to_python(self, value):
        """Keep the raw JSON where the field has no blocks (a migration's historical model).

        Wagtail's stream block drops every item whose type it does not know; with no blocks
        that is every item, and saving the object in a data migration would then empty the
        field. Here the items stay as they are, readable and writable through ``raw_data``.
        """
        stream_value = super().to_python(value)
        if self.stream_block.child_blocks or stream_value.raw_data:
            return stream_value
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return stream_value  # not JSON: Wagtail keeps it as ``raw_text``
        if not (isinstance(value, list) and value and isinstance(value[0], dict)):
            return stream_value
        raw = StreamValue(self.stream_block, value, is_lazy=True)
        raw._stream_field = self  # as Wagtail's to_python does, for pickling
        return raw
