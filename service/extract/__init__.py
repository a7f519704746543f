"""Skill extraction: text or a ``Document`` → skill hits with evidence.

``extract(document)`` and ``extract_text(text)`` are the public entry points; the spaCy
pipeline behind them is built once per process (``get_pipeline``).
"""

from .extractor import extract, extract_text
from .pipeline import Pipeline, get_pipeline

__all__ = ["Pipeline", "extract", "extract_text", "get_pipeline"]
