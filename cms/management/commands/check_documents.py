"""Check documents that were uploaded before the PDF accessibility check existed.

New uploads are checked when they are saved (``CMSDocument.extract_text``). This command checks
the PDFs without a result (or all with ``--all``) and prints what it found; run it once after the
migration ``cms/0007_document_pdf_accessibility``.
"""

from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model


class Command(BaseCommand):
    help = "Check PDFs for tags and document language (accessibility) and store the result."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check every PDF again.")

    def handle(self, *args, all=False, **options):
        documents = get_document_model().objects.filter(file__iendswith=".pdf")
        if not all:
            documents = documents.filter(pdf_accessibility="")
        checked = barriers = 0
        for document in documents.iterator():
            document.extract_text()
            checked += 1
            if document.is_accessibility_barrier:
                barriers += 1
                self.stdout.write(f"{document.pk}\t{document.pdf_accessibility}\t{document.title}")
        self.stdout.write(f"{checked} PDFs checked, {barriers} with accessibility barriers.")
