"""Bytes of an upload → ``Document``, through the documents layer's sandboxed parser."""

from __future__ import annotations

from ..documents import parse_bytes
from ..models import Document
from ..context import AnalysisContext


def read_upload_sandboxed(data: bytes, filename: str | None, context: AnalysisContext) -> Document:
    """Parse an uploaded file with ``service.documents.parse_bytes`` (limits and sandbox there)
    under the context's settings and with its taxonomy's words."""
    return parse_bytes(data, filename, settings=context.settings, vocabulary=context.vocabulary)
