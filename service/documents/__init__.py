"""Documents: bytes of a PDF, DOCX, RTF, text or JSON Resume file → a normalised ``Document``.

``parse_bytes`` is the entry point for untrusted uploads: it sniffs and checks limits here, reads
plain text in-process and sends PDF/DOCX/RTF to the sandboxed worker pool.
``read_document_in_process`` does the same in the current process, with no sandbox (what a
worker runs).
"""

from __future__ import annotations

from ..models import Document
from ..settings import DEFAULTS, Settings
from ..normalize import normalize
from .reader import read_decoded, read_document_in_process
from .sandbox import DocumentPool, apply_worker_limits, default_pool, read_document_limited
from .sniff import check_size, decode_text, sniff
from .text import document_from_text
from .vocab import BUILT_IN, Vocabulary


def parse_bytes(data: bytes, filename: str | None = None, *,
                settings: Settings | None = None,
                vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Read an uploaded file: text in-process, PDF, DOCX, RTF and images in the default sandbox pool
    (images only reach it where OCR is on: ``read_image``), with the
    taxonomy's ``vocabulary`` (titles, degrees; default: the installed taxonomy's).

    Raises ``DocumentError`` subclasses (see ``docs/errors.md``); never anything else for bad
    input.
    """
    settings = settings or DEFAULTS
    check_size(data, settings.max_upload_bytes)
    kind = sniff(data)
    if kind in ("pdf", "docx", "rtf", "image"):
        return default_pool(settings).parse(data, filename, settings=settings,
                                            vocabulary=vocabulary)
    return read_decoded(decode_text(data) or "", kind, settings, vocabulary)


__all__ = [
    "DocumentPool", "apply_worker_limits", "default_pool", "document_from_text", "normalize",
    "parse_bytes", "read_document_in_process", "read_document_limited",
]
