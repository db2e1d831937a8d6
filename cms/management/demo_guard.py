"""Demo and development commands refuse production settings unless forced.

``load_demo_content``, ``generate_content``, ``ensure_dev_superuser`` and ``ensure_dev_users``
write invented pages or logins with a printed password. On a live site that is at best clutter
and at worst an open door, so they run only where the settings allow them
(``DEMO_COMMANDS_ALLOWED``: on in ``cms.settings.dev`` and ``cms.settings.test``, off in
``cms.settings.base`` and ``cms.settings.production``). ``--force-production`` runs them anyway,
for the rare deliberate case (a staging copy on production settings).
"""

from django.conf import settings
from django.core.management.base import CommandError, OutputWrapper

FORCE_FLAG = "--force-production"


class DemoCommandMixin:
    """Put before ``BaseCommand``; set ``creates`` to what the command makes, German and
    English, and ``required_settings`` to the settings that must all be on."""

    creates: tuple[str, str] = ("Demo-Inhalte", "demo content")
    required_settings: tuple[str, ...] = ("DEMO_COMMANDS_ALLOWED",)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            FORCE_FLAG,
            action="store_true",
            dest="force_production",
            help="run even though the settings forbid demo commands (production)",
        )

    def execute(self, *args, **options):
        if not options.get("force_production"):
            self.refuse_unless_allowed()
        elif not self.allowed():
            # BaseCommand.execute sets up self.stderr only after this point
            stderr = OutputWrapper(options["stderr"]) if options.get("stderr") else self.stderr
            stderr.write(f"{FORCE_FLAG}: running despite the production settings.")
        return super().execute(*args, **options)

    def allowed(self) -> bool:
        return all(getattr(settings, name, False) for name in self.required_settings)

    def refuse_unless_allowed(self) -> None:
        off = [name for name in self.required_settings if not getattr(settings, name, False)]
        if not off:
            return
        command = type(self).__module__.rsplit(".", 1)[-1]
        german, english = self.creates
        names = ", ".join(off)
        is_off = ("ist aus", "is off") if len(off) == 1 else ("sind aus", "are off")
        raise CommandError(
            f"'{command}' legt {german} an und ist mit diesen Einstellungen gesperrt ({names} "
            f"{is_off[0]}, so in cms.settings.production). Nur für die Entwicklung: "
            f"DJANGO_SETTINGS_MODULE=cms.settings.dev; bewusst trotzdem: {FORCE_FLAG}.\n"
            f"'{command}' creates {english} and is refused under these settings ({names} "
            f"{is_off[1]}, as in cms.settings.production). For development only: "
            f"DJANGO_SETTINGS_MODULE=cms.settings.dev; deliberately anyway: {FORCE_FLAG}."
        )
