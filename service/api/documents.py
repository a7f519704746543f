"""Bytes of an upload → ``Document``, through the documents layer's sandboxed parser."""

from __future__ import annotations

from ..documents import parse_bytes
from ..models import Document
from ..settings import Settings


def read_document(data: bytes, filename: str | None, settings: Settings) -> Document:
    """Parse an uploaded file with ``service.documents.parse_bytes`` (limits and sandbox there)."""
    return parse_bytes(data, filename, settings=settings)
