"""Yearly review of the district profiles: reminders and the "Als geprüft markieren" action.

* Each municipality's editors get one e-mail per profile when it reaches 12 months without a
  review (``last_reviewed`` older than a year, or never reviewed and first published more than a
  year ago), and no more until the profile has been reviewed and is due again
  (``ReviewReminder``).
* The coordination office gets one summary a month of every profile due, by municipality, so it
  knows whom to ask (``ReviewSummary``); recipients are the active members of the
  Koordinierungsstelle group with an e-mail address, else the site settings' e-mail.
* Editors confirm a review with one action that sets today's date (live page and latest
  revision, so a later publish keeps it) and writes ``profiles.mark_reviewed`` to the audit log.
  Visitors never see the date, so this needs no approval.

``send_review_reminders`` runs hourly in the scheduler (``profiles/jobs.py``) and can be run by
hand (``manage.py send_review_reminders``).
"""

import datetime
import logging
from collections import defaultdict
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Page, PageLogEntry, Site

from cms.models import SiteSettings
from cms.roles import MODERATORS

from .dashboard import review_due_before
from .models import DistrictProfilePage, ReviewReminder, ReviewSummary
from .roles import municipality_group_of

logger = logging.getLogger(__name__)

MARK_REVIEWED = "profiles.mark_reviewed"


def due_profiles(today: datetime.date):
    """Live German profiles 12 months without review, with their municipality (the parent)."""
    due = review_due_before(today)
    due_moment = timezone.make_aware(datetime.datetime.combine(due, datetime.time.min))
    return (
        DistrictProfilePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(
            Q(last_reviewed__lt=due)
            | Q(last_reviewed__isnull=True, first_published_at__lt=due_moment)
        )
        .order_by("path")
    )


def addresses(users) -> list[str]:
    return sorted({user.email for user in users if user.is_active and user.email})


def municipality_addresses(municipality) -> list[str]:
    group = municipality_group_of(municipality)
    if group is None:
        return []
    return addresses(get_user_model().objects.filter(groups=group))


def office_addresses() -> list[str]:
    found = addresses(get_user_model().objects.filter(groups__name=MODERATORS))
    if found:
        return found
    site = Site.objects.filter(is_default_site=True).first()
    office = SiteSettings.for_site(site).email if site else ""
    return [office] if office else []


def _send(subject: str, template: str, context: dict, to: list[str]) -> bool:
    with translation.override(settings.LANGUAGE_CODE):
        try:
            send_mail(subject, render_to_string(template, context), None, to)
        except (SMTPException, OSError):
            logger.exception("Review reminder to %s failed; it is sent again next time.", to)
            return False
    return True


def send_review_reminders(today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    profiles = list(due_profiles(today))
    # One query each for the municipalities (the profiles' parents) and the reminders already
    # sent; the addresses once per municipality.
    parents = Page.objects.in_bulk(
        [profile.path[: -Page.steplen] for profile in profiles], field_name="path"
    )
    sent = set(
        ReviewReminder.objects.filter(page__in=profiles).values_list("page_id", "reviewed_on")
    )
    recipients_of = {}
    by_municipality = defaultdict(list)
    reminded = 0
    for profile in profiles:
        municipality = parents[profile.path[: -Page.steplen]]
        by_municipality[municipality.title].append(profile)
        period = profile.last_reviewed or ReviewReminder.NEVER_REVIEWED
        if (profile.pk, period) in sent:
            continue
        if municipality.pk not in recipients_of:
            recipients_of[municipality.pk] = municipality_addresses(municipality)
        to = recipients_of[municipality.pk]
        edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailadmin_pages:edit", args=(profile.pk,)
        )
        context = {"profile": profile, "municipality": municipality, "edit_url": edit_url}
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Please review the district profile “%(title)s”") % {
                "title": profile.title
            }
        if to and not _send(subject, "profiles/mail/review_reminder.txt", context, to):
            continue
        ReviewReminder.objects.create(page=profile, reviewed_on=period, recipients=len(to))
        reminded += 1

    summary = 0
    month = today.replace(day=1)
    if profiles and not ReviewSummary.objects.filter(month=month).exists():
        to = office_addresses()
        context = {"municipalities": sorted(by_municipality.items()), "count": len(profiles)}
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("District profiles due for review: %(count)d") % {"count": len(profiles)}
        if not to or _send(subject, "profiles/mail/review_summary.txt", context, to):
            ReviewSummary.objects.create(month=month, profiles=len(profiles))
            summary = 1
    return f"{reminded} reminders, {summary} summary" if reminded or summary else ""


def mark_reviewed(page: DistrictProfilePage, user, today: datetime.date | None = None) -> None:
    """Set ``last_reviewed`` to today on the live page and its latest revision; log it."""
    today = today or timezone.localdate()
    with transaction.atomic():
        DistrictProfilePage.objects.filter(pk=page.pk).update(last_reviewed=today)
        revision = page.get_latest_revision()
        if revision is not None:
            revision.content["last_reviewed"] = today.isoformat()
            revision.save(update_fields=["content"])
        page.last_reviewed = today
        PageLogEntry.objects.log_action(
            page, MARK_REVIEWED, user=user, data={"last_reviewed": today.isoformat()}
        )
