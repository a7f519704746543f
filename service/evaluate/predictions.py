"""What one system found in one document (folded skill name → evidence lines), and, for our
extractor, a note on each skill it saw but did not claim, to explain its misses."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DocumentError
from ..models import Extraction
from .gold import GoldDoc, fold

_LINE_CHARS = 140


@dataclass
class Prediction:
    """What one system found in one document: folded name → evidence lines."""

    found: dict[str, list[str]]
    notes: dict[str, str] = field(default_factory=dict)


def clip(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= _LINE_CHARS else line[: _LINE_CHARS - 1] + "…"


def line_at(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)]


def extraction_prediction(extraction: Extraction, dictionary: Prediction) -> Prediction:
    """Our explicit skills with their evidence lines, plus a note on each skill the extractor
    saw but did not claim (negated, implied, or rejected in context) to explain misses;
    ``dictionary``: what the plain dictionary finds in the same text (its forms we rejected)."""
    found = {fold(h.name): [e.line for e in h.evidence] for h in extraction.skills if h.explicit}
    notes: dict[str, str] = {}
    for hit in extraction.not_claimed:
        line = hit.evidence[0].line if hit.evidence else ""
        notes[fold(hit.name)] = f"judged not claimed: {line}"
    for hit in extraction.skills:
        if not hit.explicit:
            notes.setdefault(fold(hit.name), "only implied by " + ", ".join(hit.implied_by))
    for name, lines in dictionary.found.items():
        shown = " | ".join(clip(line) for line in list(dict.fromkeys(lines))[:2])
        notes.setdefault(name, f"form present {len(lines)}×, rejected: {shown}")
    return Prediction(found, notes)


def unreadable_prediction(doc: GoldDoc, exc: DocumentError) -> Prediction:
    """Nothing found in a document that could not be read; each label's miss says why."""
    note = f"document not read ({exc.code}): {exc.message}"
    return Prediction({}, {label: note for label in doc.labels})
