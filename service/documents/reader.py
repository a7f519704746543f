"""``read_document_in_process``: bytes → ``Document`` in the current process, with no sandbox
(what a sandbox worker runs; elsewhere use ``parse_bytes``)."""

from __future__ import annotations

from ..errors import UnsupportedFormat
from ..models import Document
from ..settings import DEFAULTS, Settings
from .docx import read_docx
from .image import image_kind, read_image
from .jsonresume import read_json_resume
from .pdf import read_pdf
from .rtf import read_rtf
from .sniff import check_size, decode_text, sniff
from .text import check_text_length, clean_decoded, document_from_text
from .vocab import BUILT_IN, Vocabulary


def read_document_in_process(data: bytes, filename: str | None = None, *,
                  settings: Settings | None = None,
                  vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Sniff ``data`` by content and read it in this process (no sandbox: see ``sandbox``).

    ``filename`` is never used to choose the format. Raises ``DocumentError`` subclasses.
    """
    settings = settings or DEFAULTS
    check_size(data, settings.max_upload_bytes)
    kind = sniff(data)
    if kind == "pdf":
        doc = read_pdf(data, settings, vocabulary)
    elif kind == "docx":
        doc = read_docx(data, settings, vocabulary)
    elif kind == "rtf":
        doc = read_rtf(data, settings, vocabulary)
    elif kind == "image":
        doc = read_image(data, image_kind(data) or "png", settings, vocabulary)
    else:
        text = decode_text(data)
        if text is None:
            raise UnsupportedFormat()
        return read_decoded(text, kind, settings, vocabulary)
    check_text_length(len(doc.text), settings)
    return doc


def read_decoded(text: str, kind: str, settings: Settings,
                 vocabulary: Vocabulary = BUILT_IN) -> Document:
    """A text, Markdown or JSON file's decoded text as a ``Document`` (JSON by
    ``read_json_resume``), its length checked before and after; the decoding's warnings
    carried."""
    text, warnings = clean_decoded(text)
    check_text_length(len(text), settings)
    doc = (read_json_resume(text, vocabulary=vocabulary, warnings=warnings) if kind == "json"
           else document_from_text(text, kind, warnings=warnings, vocabulary=vocabulary))
    check_text_length(len(doc.text), settings)
    return doc
