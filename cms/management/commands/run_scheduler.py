"""A small worker that runs Wagtail's ``publish_scheduled`` every minute, and the periodic jobs
the apps register (``cms.jobs``, e.g. the review reminders of the district profiles).

Pages (and snippets with draft state) scheduled with "Go-live date" or "Expiry date" only change
when ``publish_scheduled`` runs. Where no cron is available (a container, a PaaS), this command
is the one long-running process next to the web server that does it (``make scheduler``). A cron
line calling ``manage.py publish_scheduled`` every minute does the same job.
"""

import io
import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from cms.jobs import run_due_jobs

logger = logging.getLogger("cms.scheduler")

PUBLISHED = "wagtail.publish.scheduled"
UNPUBLISHED = "wagtail.unpublish.scheduled"


def close_stale_connections() -> None:
    """Drop a connection the database has closed or that is older than CONN_MAX_AGE, as Django
    does around each request; a long-running worker must do it itself. Never inside a
    transaction (tests run the command in one)."""
    if not connection.in_atomic_block:
        close_old_connections()


class Command(BaseCommand):
    help = (
        "Publish and unpublish scheduled pages every --interval seconds (default 60) until "
        "stopped with SIGTERM or Ctrl+C; --once runs a single pass."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help="Seconds between two runs of publish_scheduled (default: 60).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Run publish_scheduled once and exit."
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_job_runs = {}  # job name → when this process last ran it

    def handle(self, *args, interval: int, once: bool, **options):
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if once:
            self.run_pass(raise_errors=True)
            return

        stop = threading.Event()
        previous = self.install_signal_handlers(stop)
        logger.info("Scheduler started: publish_scheduled every %d s.", interval)
        try:
            while not stop.is_set():
                self.run_pass(raise_errors=False)
                stop.wait(interval)
        except KeyboardInterrupt:
            pass
        finally:
            self.restore_signal_handlers(previous)
            logger.info("Scheduler stopped.")

    def run_pass(self, *, raise_errors: bool) -> None:
        """One run of publish_scheduled, then the periodic jobs that are due. In the loop a
        failure (say, the database restarting) is logged and retried at the next interval
        instead of ending the worker."""
        close_stale_connections()
        started = timezone.now()
        try:
            try:
                # publish_scheduled prints only in --dryrun mode; log_changes reports instead.
                call_command("publish_scheduled", stdout=io.StringIO())
                self.log_changes(since=started)
            except Exception:
                if raise_errors:
                    raise
                logger.exception("publish_scheduled failed; trying again at the next interval.")
            run_due_jobs(self.last_job_runs, raise_errors=raise_errors)
        finally:
            close_stale_connections()

    @staticmethod
    def log_changes(since) -> None:
        """Say what the pass did: publish_scheduled itself prints nothing, but it writes a log
        entry (the page history) for every object it publishes or unpublishes."""
        counts = dict.fromkeys((PUBLISHED, UNPUBLISHED), 0)
        for model in (PageLogEntry, ModelLogEntry):
            for action in model.objects.filter(
                action__in=counts, timestamp__gte=since
            ).values_list("action", flat=True):
                counts[action] += 1
        if any(counts.values()):
            logger.info(
                "publish_scheduled: %d published, %d unpublished.",
                counts[PUBLISHED],
                counts[UNPUBLISHED],
            )

    @staticmethod
    def install_signal_handlers(stop: threading.Event) -> dict:
        """Stop after the current pass on SIGTERM (container shutdown) and SIGINT (Ctrl+C)."""
        if threading.current_thread() is not threading.main_thread():
            return {}  # signal handlers can only be set from the main thread

        def request_stop(signum, frame):
            logger.info("Received %s, stopping.", signal.Signals(signum).name)
            stop.set()

        previous = {}
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.getsignal(signum)
            signal.signal(signum, request_stop)
        return previous

    @staticmethod
    def restore_signal_handlers(previous: dict) -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
