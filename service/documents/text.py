"""Plain text and Markdown → ``Document``."""

from __future__ import annotations

import re

from ..models import Block, Document
from .normalize import normalize

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def document_from_text(text: str, source_format: str = "text") -> Document:
    """Normalise ``text`` and split it into paragraph blocks."""
    clean = normalize(text)
    blocks = [Block(start=m.start(), end=m.end(), page=None) for m in _PARAGRAPH.finditer(clean)]
    return Document(text=clean, source_format=source_format, pages=1, blocks=blocks)
