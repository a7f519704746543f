"""Documents: bytes of a PDF, DOCX or text file → a normalised ``Document``."""

from .normalize import normalize
from .text import document_from_text

__all__ = ["document_from_text", "normalize"]
