"""Frozen code that the data migrations of ``profiles`` run: never edit a module here (see
``cms.migration_support``)."""
