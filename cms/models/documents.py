"""Documents (downloads) with content checks and full-text extraction.

Uploads are checked by what they contain, not only by their name: a file called ``bericht.pdf``
must be a PDF. The text of PDFs is extracted when a file is saved, so that the page offering the
document is found by phrases that only occur inside it. Extraction problems (encrypted, damaged
or scanned files) are logged and recorded, never a reason to refuse an upload.
"""

import logging
import re
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

import magic
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .topics import german_slugify

logger = logging.getLogger(__name__)

MAX_EXTRACTED_PAGES = 500
MAX_EXTRACTED_CHARACTERS = 2_000_000
SNIFF_BYTES = 8192

OOXML = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
}
OPEN_DOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
TEXT_TYPES = {"csv": {"text/csv", "text/plain", "application/csv"}, "txt": {"text/plain"}}
# Sign-language videos and their captions (home.SignLanguagePage), played from this site.
VIDEO_TYPES = {"mp4": {"video/mp4"}, "webm": {"video/webm"}}
KIND_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "OpenDocument Text",
    "ods": "OpenDocument Spreadsheet",
    "odp": "OpenDocument Presentation",
    "csv": "CSV",
    "txt": "Text",
    "mp4": "MP4-Video",
    "webm": "WebM-Video",
    "vtt": "WebVTT",
}


def safe_document_path(instance, filename: str) -> str:
    """``documents/abschlussdokumentation-werkstattreihe.pdf``: ASCII, lower case, no spaces."""
    path = PurePosixPath(filename)
    stem = german_slugify(path.stem)[:80].strip("-") or "dokument"
    extension = re.sub(r"[^a-z0-9]", "", path.suffix.lower())[:10]
    return f"documents/{stem}.{extension}" if extension else f"documents/{stem}"


def _extension(name: str) -> str:
    return PurePosixPath(name or "").suffix.lower().lstrip(".")


def detect_content(file) -> tuple[str, bool]:
    """(MIME type libmagic sees, whether that matches the file's extension)."""
    extension = _extension(file.name)
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    mime = magic.from_buffer(head, mime=True)
    if extension == "pdf":
        matches = mime == "application/pdf"
    elif extension in OOXML:
        expected, folder = OOXML[extension]
        matches = mime == expected or (mime in _ZIP_TYPES and _zip_has(file, folder=folder))
    elif extension in OPEN_DOCUMENT:
        matches = mime == OPEN_DOCUMENT[extension] or (
            mime in _ZIP_TYPES and _zip_has(file, mimetype=OPEN_DOCUMENT[extension])
        )
    elif extension in TEXT_TYPES:
        matches = mime in TEXT_TYPES[extension] and b"\x00" not in head
    elif extension in VIDEO_TYPES:
        matches = mime in VIDEO_TYPES[extension]
    elif extension == "vtt":  # WebVTT: plain text whose first line starts with "WEBVTT"
        matches = head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT") and b"\x00" not in head
    else:
        matches = False
    file.seek(position)
    return mime, matches


_ZIP_TYPES = {"application/zip", "application/octet-stream", "application/x-zip-compressed"}


def _zip_has(file, folder: str = "", mimetype: str = "") -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if mimetype:
                return "mimetype" in names and archive.read("mimetype").decode() == mimetype
            return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, KeyError):
        return False
    finally:
        file.seek(0)


def pdf_opens(file) -> bool:
    """Does pypdf read the file as a PDF (its structure, not its text)?

    A file that merely starts with ``%PDF`` passes libmagic; one that no PDF reader opens is
    as useless to visitors as a disguised file. Encrypted PDFs open (their text may not).
    """
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        reader = PdfReader(file)
        if not reader.is_encrypted:
            len(reader.pages)
    except Exception as error:  # pypdf raises many kinds of errors on broken input
        logger.info("Refused a PDF that does not open (%s): %s", getattr(file, "name", ""), error)
        return False
    finally:
        file.seek(position)
    return True


def validate_document_file(file) -> None:
    """Refuse files whose content is not what their name claims, and oversized files."""
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit and file.size and file.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). Maximum file size %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    extension = _extension(file.name)
    mime, matches = detect_content(file)
    if not matches:
        raise ValidationError(
            _(
                "“%(name)s” is not a %(kind)s file (its content looks like %(mime)s). Please "
                "upload the file in the format its name says, or correct the file ending."
            ),
            code="content_mismatch",
            params={
                "name": PurePosixPath(file.name).name,
                "kind": KIND_LABELS.get(extension, extension.upper()),
                "mime": mime,
            },
        )
    if extension == "pdf" and not pdf_opens(file):
        raise ValidationError(
            _(
                "“%(name)s” cannot be opened as a PDF file: it is damaged or only looks like a "
                "PDF. Please export the PDF again and upload the new file."
            ),
            code="content_mismatch",
            params={"name": PurePosixPath(file.name).name},
        )


def extract_pdf_text(file) -> tuple[str, str]:
    """(text, status): status is "ok", "empty" (e.g. a scan without text layer) or "failed"."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return "", "encrypted"
        parts, length = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_EXTRACTED_PAGES or length >= MAX_EXTRACTED_CHARACTERS:
                break
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
    except (PdfReadError, ValueError, TypeError, KeyError, OSError, RecursionError) as error:
        logger.warning("Text extraction failed for %s: %s", getattr(file, "name", file), error)
        return "", "failed"
    text = re.sub(r"[ \t]+", " ", "\n".join(parts)).strip()[:MAX_EXTRACTED_CHARACTERS]
    return (text, "ok") if text else ("", "empty")


class PdfAccessibility(models.TextChoices):
    """What pypdf sees of a PDF's accessibility: a structure tree (tags) and a document language
    are what screen readers need first (PDF/UA, BITV 2.0). Not a full PDF/UA check."""

    NOT_CHECKED = "", _("not checked")
    ACCESSIBLE = "tagged", _("tagged, with document language")
    UNTAGGED = "untagged", _("not tagged")
    NO_LANGUAGE = "no-language", _("tagged, but no document language")
    UNREADABLE = "unreadable", _("could not be checked")

    @classmethod
    def barriers(cls) -> list[str]:
        return [cls.UNTAGGED, cls.NO_LANGUAGE, cls.UNREADABLE]


def check_pdf_accessibility(file) -> str:
    """Is the PDF tagged (``/MarkInfo /Marked true`` and a ``/StructTreeRoot``) and does it
    declare its language (``/Lang``)?"""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return PdfAccessibility.UNREADABLE
        catalog = reader.trailer["/Root"]
        mark_info = catalog.get("/MarkInfo") or {}
        tagged = bool(mark_info.get("/Marked")) and "/StructTreeRoot" in catalog
        language = str(catalog.get("/Lang") or "").strip()
    except (PdfReadError, ValueError, TypeError, KeyError, OSError, RecursionError) as error:
        logger.warning("PDF check failed for %s: %s", getattr(file, "name", file), error)
        return PdfAccessibility.UNREADABLE
    if not tagged:
        return PdfAccessibility.UNTAGGED
    return PdfAccessibility.ACCESSIBLE if language else PdfAccessibility.NO_LANGUAGE


class TextExtraction(models.TextChoices):
    NONE = "", _("not extracted")
    OK = "ok", _("text extracted")
    EMPTY = "empty", _("no text found (scanned?)")
    ENCRYPTED = "encrypted", _("encrypted")
    FAILED = "failed", _("could not be read")
    UNSUPPORTED = "unsupported", _("format without text extraction")


def document_languages():
    """The content languages a document can be written in (a callable, so that migrations do
    not copy the list)."""
    return settings.WAGTAIL_CONTENT_LANGUAGES


class CMSDocument(AbstractDocument):
    """A download: publications, workshop documentation, materials of district profiles."""

    file = models.FileField(upload_to=safe_document_path, verbose_name=_("file"))
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_extraction = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=TextExtraction.choices,
        blank=True,
        editable=False,
    )
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)
    pdf_accessibility = models.CharField(
        _("PDF accessibility"),
        max_length=20,
        choices=PdfAccessibility.choices,
        blank=True,
        editable=False,
        help_text=_("Checked on upload: tagged structure and document language."),
    )

    language = models.CharField(
        _("language of the document"),
        max_length=8,
        choices=document_languages,
        default="de",
        help_text=_(
            "The language the file is written in. Pages in another language mark the link, "
            "so that screen readers pronounce the title correctly."
        ),
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "language")
    search_fields = [*AbstractDocument.search_fields, index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        if not self.file:
            # No file: the form has already said why (empty, too big, missing). Wagtail's
            # extension check would add a second, wrong message about an extension "".
            return
        super().clean()
        if not getattr(self.file, "_committed", True):
            try:
                validate_document_file(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error

    def save(self, *args, **kwargs):
        if self.file and not self.file_hash:
            self._set_document_file_metadata()
        super().save(*args, **kwargs)
        if self.file and self.file_hash != self.extracted_from_hash:
            self.extract_text()

    @property
    def is_accessibility_barrier(self) -> bool:
        """A PDF that screen readers cannot read well (untagged, no language): marked for
        visitors and listed in the accessibility statement."""
        return self.pdf_accessibility in PdfAccessibility.barriers()

    def extract_text(self) -> None:
        """Store the text of the file (PDF only) and what the accessibility check found, and
        re-index the pages that offer it."""
        accessibility = PdfAccessibility.NOT_CHECKED
        if self.file_extension.lower() == "pdf":
            with self.open_file() as file:
                text, status = extract_pdf_text(file)
                file.seek(0)
                accessibility = check_pdf_accessibility(file)
        else:
            text, status = "", TextExtraction.UNSUPPORTED
        type(self).objects.filter(pk=self.pk).update(
            extracted_text=text,
            text_extraction=status,
            extracted_from_hash=self.file_hash,
            pdf_accessibility=accessibility,
        )
        self.extracted_text, self.text_extraction = text, status
        self.pdf_accessibility = accessibility
        self.extracted_from_hash = self.file_hash
        index.insert_or_update_object(self)
        reindex_pages_using(self)


def reindex_pages_using(document) -> None:
    """Pages index the text of the documents they offer; refresh them when a file changes."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific():
        index.insert_or_update_object(page)
