"""Send the review reminders and the monthly summary now (the scheduler does this hourly)."""

from django.core.management.base import BaseCommand

from profiles.reviews import send_review_reminders


class Command(BaseCommand):
    help = "E-mail the reminders for district profiles due for review, and the monthly summary."

    def handle(self, *args, **options):
        self.stdout.write(send_review_reminders() or "Nothing to send.")
