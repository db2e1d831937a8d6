"""The accessibility statement's feedback form: stored, mailed to the coordination office,
confirmed to the sender, protected against spam without third parties.

Spam protection: a field hidden from people that bots fill in (honeypot), a signed time stamp
(forms sent within seconds of being shown, or a day later, are refused) and a limit of messages
per address and hour (``ACCESSIBILITY_FEEDBACK_PER_HOUR``). Refused or invalid input gets the
form again with the reasons and status 400; nothing is stored or sent. A mail server that is
down loses no message: the feedback is stored first, the failure is logged.
"""

import logging
from smtplib import SMTPException

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.forms import modelform_factory
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.accounts.network import client_ip
from cms.localization import absolute_url
from cms.models import SiteSettings

logger = logging.getLogger(__name__)

SIGNER = signing.TimestampSigner(salt="home.accessibility.feedback")
MIN_SECONDS = 3  # faster than a person can read the form and write a message
MAX_SECONDS = 60 * 60 * 24


class FeedbackForm(forms.ModelForm):
    """The form of the page's feedback model (``AccessibilityFeedback``), which the page hands
    to ``handle_feedback``: the models call this module, so it does not import them."""

    # Hidden from people (CSS and aria-hidden); bots fill in every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    issued = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        fields = ["name", "email", "page_url", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["issued"] = SIGNER.sign("feedback")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Please leave this field empty."), code="honeypot")
        return ""

    def clean_issued(self):
        value = self.cleaned_data.get("issued", "")
        try:
            SIGNER.unsign(value, max_age=MAX_SECONDS)
        except signing.BadSignature as error:  # forged, or expired
            raise forms.ValidationError(
                _("The form has expired. Please send your message again."), code="expired"
            ) from error
        try:
            SIGNER.unsign(value, max_age=MIN_SECONDS)
        except signing.SignatureExpired:
            return value  # shown long enough ago for a person to have written the message
        raise forms.ValidationError(
            _("That was very fast. Please check your message and send it again."), code="fast"
        )


def rate_limited(request) -> bool:
    """Counts this address's messages of the current hour; True once over the limit."""
    limit = getattr(settings, "ACCESSIBILITY_FEEDBACK_PER_HOUR", 5)
    key = f"a11y-feedback:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > limit


def recipients(request) -> list[str]:
    configured = getattr(settings, "ACCESSIBILITY_FEEDBACK_EMAIL", "")
    if configured:
        return [configured]
    office = SiteSettings.for_request(request).email
    return [office] if office else []


def send_feedback_mails(request, page, feedback) -> None:
    context = {"feedback": feedback, "page": page, "page_url": absolute_url(page)}
    to_office = recipients(request)
    try:
        if to_office:
            with translation.override(settings.LANGUAGE_CODE):
                send_mail(
                    str(_("Accessibility feedback from the website")),
                    render_to_string("home/mail/accessibility_feedback.txt", context),
                    None,
                    to_office,
                )
        else:
            logger.warning("Accessibility feedback %s stored, but no recipient", feedback.pk)
        if feedback.email:
            send_mail(
                str(_("Thank you for your feedback on accessibility")),
                render_to_string("home/mail/accessibility_confirmation.txt", context),
                None,
                [feedback.email],
            )
    except (SMTPException, OSError):
        logger.exception("Accessibility feedback %s stored, but a mail failed", feedback.pk)


def handle_feedback(page, request, feedback_model):
    """GET: the statement with an empty form. POST: store (as a ``feedback_model``), mail,
    redirect to the thanks."""
    form_class = modelform_factory(feedback_model, form=FeedbackForm)
    if request.method != "POST":
        return page.render(request, context_overrides={"form": form_class()})
    form = form_class(request.POST)
    if form.is_valid():
        if rate_limited(request):
            form.add_error(
                None,
                _("Too many messages from your address. Please try again in an hour."),
            )
        else:
            feedback = form.save(commit=False)
            feedback.statement = page
            feedback.language = page.locale.language_code
            feedback.save()
            send_feedback_mails(request, page, feedback)
            return redirect(page.url + page.reverse_subpage("thanks"))
    response = page.render(request, context_overrides={"form": form})
    response.status_code = 400
    return response
