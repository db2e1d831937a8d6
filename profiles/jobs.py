"""Periodic jobs of the district profiles, run by the scheduler (``cms.jobs``)."""

import datetime

from cms.jobs import periodic_job

from .reviews import send_review_reminders


@periodic_job(every=datetime.timedelta(hours=1))
def review_reminders():
    return send_review_reminders()
