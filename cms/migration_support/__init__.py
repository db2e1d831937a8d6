"""Frozen code that data migrations run: never edit a module here.

A migration must do the same on every database, whenever it runs. Each ``*_vN`` module is a copy
of live code as it was when a migration was written (``roles_v1``: ``cms/roles.py`` of the
commit that added ``cms/0004_editorial_roles``). A later change of a rule is a new migration,
with a new ``_vN+1`` module if it needs one; these modules import nothing of ours but each other.
"""
