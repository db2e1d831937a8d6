"""Migration-friendly StreamFields (cms.fields): block edits make no migration, and data
migrations still read and write the raw JSON."""

import ast
import io
import re
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations import operations
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState
from django.utils import translation

from wagtail.fields import StreamField as WagtailStreamField

import pytest

from cms.fields import StreamField
from home.models import ContentPage
from tests.home.factories import ContentPageFactory

OUR_APPS = ("cms", "home", "profiles", "knowledge", "events", "search")


def our_stream_fields():
    return [
        field
        for app_label in OUR_APPS
        for model in apps.get_app_config(app_label).get_models()
        for field in model._meta.local_fields
        if isinstance(field, WagtailStreamField)
    ]


def test_every_stream_field_of_ours_is_the_migration_friendly_one():
    fields = our_stream_fields()
    assert len(fields) >= 17  # home 2, profiles 7, knowledge 5, events 3
    wagtails_own = [f"{f.model.__name__}.{f.name}" for f in fields if type(f) is not StreamField]
    assert not wagtails_own, "use cms.fields.StreamField instead of Wagtail's"


def test_deconstruct_leaves_out_blocks_and_editor_texts():
    for field in our_stream_fields():
        __, path, args, kwargs = field.deconstruct()
        assert path == "cms.fields.StreamField"
        assert args == []
        assert not {"block_lookup", "block_types", "verbose_name", "help_text"} & kwargs.keys()


def test_the_field_is_rebuilt_from_its_deconstructed_form():
    """What a migration holds builds a working field (with no blocks) again."""
    field = ContentPage._meta.get_field("body")
    __, __, args, kwargs = field.deconstruct()
    rebuilt = StreamField(*args, **kwargs)
    assert rebuilt.blank
    assert not rebuilt.stream_block.child_blocks
    assert StreamField([], blank=True).deconstruct()[1:] == field.deconstruct()[1:]


@pytest.fixture
def changed_help_text(monkeypatch):
    """A block's help text edited, as a developer would in cms/blocks/text.py."""
    field = ContentPage._meta.get_field("body")
    level = field.stream_block.child_blocks["heading"].child_blocks["level"]
    before = WagtailStreamField.deconstruct(field)
    # what Wagtail's deconstruct() writes out for a choice block
    changed = {**level._constructor_kwargs, "help_text": "Ein neuer Hilfetext."}
    monkeypatch.setattr(level, "_constructor_kwargs", changed)
    # Wagtail's own field would now write a migration: the edit is visible to it.
    assert WagtailStreamField.deconstruct(field) != before
    return field


def test_a_help_text_change_leaves_the_deconstructed_field_alone(changed_help_text):
    assert changed_help_text.deconstruct() == (
        "body",
        "cms.fields.StreamField",
        [],
        {"blank": True},
    )


@pytest.mark.django_db
def test_a_help_text_change_makes_no_migration(changed_help_text):
    # What makemigrations compares (with translations off, as it does): the state the
    # migration files build against the models.
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    with translation.override(None):
        changes = MigrationAutodetector(
            loader.project_state(), ProjectState.from_apps(apps)
        ).changes(graph=loader.graph)
    assert not changes, f"a block's help text made a migration: {changes}"
    out = io.StringIO()
    # --check exits with status 1 if any migration would be written
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


def historical(model_label: str, migration: tuple[str, str]):
    state = MigrationExecutor(connection).loader.project_state([migration])
    return state.apps.get_model(model_label)


@pytest.mark.django_db
def test_a_data_migration_reads_and_writes_the_raw_json(home):
    """In a migration the field has no blocks; the stored items stay readable through
    ``raw_data`` and saving the object writes them back unchanged (Wagtail's field would drop
    every item it does not know, i.e. all of them)."""
    page = ContentPageFactory(parent=home)
    OldContentPage = historical("home.ContentPage", ("home", "0003_streamfields_without_blocks"))

    old = OldContentPage.objects.get(pk=page.pk)
    raw = list(old.body.raw_data)
    assert [item["type"] for item in raw] == ["heading", "paragraph"]
    old.save(update_fields=["body"])
    page.refresh_from_db()
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]

    old.body.raw_data[1]["value"] = "<p>Neuer Text.</p>"
    old.save(update_fields=["body"])
    page.refresh_from_db()
    assert page.body[1].value.source == "<p>Neuer Text.</p>"

    old.body = [{"type": "paragraph", "value": "<p>Nur noch das.</p>", "id": "x1"}]
    old.save(update_fields=["body"])
    page.refresh_from_db()
    assert [(block.block_type, block.value.source) for block in page.body] == [
        ("paragraph", "<p>Nur noch das.</p>")
    ]


def test_with_blocks_the_field_behaves_as_wagtails():
    field = ContentPage._meta.get_field("body")
    value = field.to_python(
        [{"type": "unknown", "value": "x"}, {"type": "paragraph", "value": ""}]
    )
    assert [block.block_type for block in value] == ["paragraph"]
    assert not field.to_python("")
    assert field.to_python("kein JSON").raw_text == "kein JSON"


# How Wagtail writes a field's blocks into a migration: a list of (name, block) pairs (or
# indexes into ``block_lookup``) as first argument, ``block_lookup``, block class paths.
SERIALIZED_BLOCKS = re.compile(
    r"block_lookup|wagtail\.blocks\.|\w+\.blocks\.\w+Block\b|blocks\.\w+Block\("
)


def migration_files():
    files = [
        path
        for app_label in OUR_APPS
        for path in sorted(
            (Path(apps.get_app_config(app_label).path) / "migrations").glob("0*.py")
        )
    ]
    assert len(files) >= 30
    return files


def stream_field_calls(tree):
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("StreamField")
    ]


def test_no_migration_of_ours_holds_block_definitions():
    """Every migration, the old ones included, writes a StreamField as
    ``cms.fields.StreamField(blank=True)``: blocks, labels and help texts never reach a
    migration, so editing them can never make one (README, "Data migrations")."""
    offenders = []
    for path in migration_files():
        source = path.read_text()
        where = path.relative_to(Path(apps.get_app_config("cms").path).parent)
        offenders += [f"{where}: {match}" for match in SERIALIZED_BLOCKS.findall(source)]
        for call in stream_field_calls(ast.parse(source)):
            keywords = {keyword.arg for keyword in call.keywords}
            if (
                ast.unparse(call.func) != "cms.fields.StreamField"
                or call.args
                or keywords & {"block_lookup", "block_types", "verbose_name", "help_text"}
            ):
                offenders.append(f"{where}:{call.lineno}: {ast.unparse(call)[:120]}")
    assert not offenders, "migrations serialize StreamField blocks:\n" + "\n".join(offenders)


def test_migrated_stream_fields_have_no_blocks_at_any_step():
    """The same, read from the migration graph: every StreamField a migration adds or alters
    is block-less, so the historical models of data migrations all work on raw JSON."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    seen = 0
    for (app_label, name), migration in loader.disk_migrations.items():
        if app_label not in OUR_APPS:
            continue
        for operation in migration.operations:
            if isinstance(operation, operations.CreateModel):
                fields = [field for __, field in operation.fields]
            elif isinstance(operation, (operations.AddField, operations.AlterField)):
                fields = [operation.field]
            else:
                continue
            for field in fields:
                if isinstance(field, WagtailStreamField):
                    seen += 1
                    assert type(field) is StreamField, (app_label, name)
                    assert not field.stream_block.child_blocks, (app_label, name)
    assert seen >= 17
