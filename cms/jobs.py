"""Periodic jobs the scheduler runs (``manage.py run_scheduler``) besides scheduled publishing.

``cms`` must not import the content apps, so each app registers its jobs in its own ``jobs``
module with ``@periodic_job(every=...)``; the scheduler discovers them with Django's module
autodiscovery. A job runs at most once per interval per scheduler process and must be
idempotent (a restarted scheduler runs every job at once): it records what it did in the
database, e.g. which reminders it has sent.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger("cms.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], object]
    every: datetime.timedelta


_jobs: dict[str, Job] = {}


def periodic_job(every: datetime.timedelta):
    """Register ``run()`` as a job the scheduler runs every ``every``."""

    def register(func: Callable) -> Callable:
        name = f"{func.__module__}.{func.__name__}"
        _jobs[name] = Job(name=name, run=func, every=every)
        return func

    return register


def discover_jobs() -> list[Job]:
    autodiscover_modules("jobs")
    return sorted(_jobs.values(), key=lambda job: job.name)


def run_due_jobs(last_runs: dict[str, datetime.datetime], *, raise_errors: bool) -> list[str]:
    """Run the jobs whose interval has passed since ``last_runs[name]``; update it. A failing job
    is logged (or raised with ``raise_errors``) and does not stop the others."""
    ran = []
    for job in discover_jobs():
        now = timezone.now()
        previous = last_runs.get(job.name)
        if previous is not None and now - previous < job.every:
            continue
        last_runs[job.name] = now
        try:
            result = job.run()
        except Exception:
            if raise_errors:
                raise
            logger.exception("Job %s failed; trying again after its interval.", job.name)
            continue
        ran.append(job.name)
        if result:
            logger.info("%s: %s", job.name, result)
    return ran
