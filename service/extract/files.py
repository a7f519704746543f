"""Paths → ``Extraction`` records for the CLI (and anything else that reads files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import documents
from ..errors import InputError, NotFound, SkillmatchError, UnsupportedFormat
from ..models import Document, Extraction, SkillHit

_TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", "": "text"}


def read_path(path: Path) -> Document:
    """Read a file into a ``Document`` with the documents layer (``parse_bytes`` when
    available, plain text otherwise); every failure is a typed ``SkillmatchError``."""
    if not path.exists():
        raise NotFound(f"No such file: {path}")
    if path.is_dir():
        raise InputError(f"Is a directory, not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}") from None
    parse_bytes = getattr(documents, "parse_bytes", None)
    if parse_bytes is not None:
        return parse_bytes(data, path.name)
    kind = _TEXT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFormat(f"{path.suffix} files are not supported yet; use .txt or .md.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsupportedFormat("The text file is not UTF-8.") from None
    return documents.document_from_text(text, source_format=kind)


def hit_record(hit: SkillHit) -> dict[str, Any]:
    """A skill hit as the CLI's JSON object."""
    return hit.model_dump(
        include={"id", "name", "category", "explicit", "confidence", "implied_by", "evidence",
                 "years", "last_used"}
    )


def extraction_record(path: str, extraction: Extraction) -> dict[str, Any]:
    """``{"path", "skills", "not_claimed", "versions"}`` for one input."""
    return {
        "path": path,
        "skills": [hit_record(h) for h in extraction.skills],
        "not_claimed": [hit_record(h) for h in extraction.not_claimed],
        "versions": extraction.versions.model_dump(exclude_none=True),
    }


def error_record(path: str, error: SkillmatchError) -> dict[str, Any]:
    """``{"path", "error": {"code", "message"}}`` for a failed input."""
    return {"path": path, "error": error.to_dict()}
