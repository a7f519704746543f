"""Reasons a score may not mean much: the text is not English, or it is not a resume."""

from __future__ import annotations

import re

from ..models import Extraction

LANGUAGE_SAMPLE_CHARS = 20_000  # the checks read the start of the text

LIST_SPLIT = re.compile(r"\s*[,;|•·/]\s*|\s+-\s+|\t")


def is_list_line(line: str) -> bool:
    """True for a line of short items only ("Python", "Spark, Kafka | Airflow"): no prose."""
    pieces = [p for p in LIST_SPLIT.split(line.strip(" -*•\t")) if p.strip()]
    return bool(pieces) and all(len(p.split()) <= 3 for p in pieces)


_EN_STOP = frozenset({
    "the", "and", "of", "to", "in", "for", "with", "on", "at", "by", "from", "as", "an", "a",
    "is", "are", "was", "were", "be", "been", "this", "that", "it", "i", "my", "we", "our", "you",
    "your", "have", "has", "had", "will", "would", "can", "using", "used", "work", "worked",
    "team"
})
_FOREIGN_STOP = frozenset({
    "der", "die", "das", "und", "mit", "für", "ist", "nicht", "ein", "eine", "von", "zu", "auf",
    "le", "la", "les", "et", "des", "du", "pour", "avec", "une", "est", "dans", "sur", "el",
    "los", "las", "y", "con", "para", "una", "por", "del", "que", "em", "com", "uma", "os", "il",
    "di", "che", "per", "gli", "della"
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def warnings(extraction: Extraction, reasons: list[str] | None = None) -> list[str]:
    """Reasons the score may not mean much: not English, not a resume (``reasons``: what
    ``not_a_resume`` answered, when already known)."""
    out: list[str] = list(extraction.document.warnings)  # the reader's: OCR used, pages left
    sample = extraction.text[:LANGUAGE_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(w in _EN_STOP for w in words)
    foreign = sum(w in _FOREIGN_STOP for w in words)
    letters = [c for c in sample if c.isalpha()]
    non_latin = sum(1 for c in letters if not _is_latin(c))
    if (foreign >= 3 and foreign > 1.5 * english) or (
            len(letters) >= 40 and non_latin > 0.3 * len(letters)):
        out.append("The text does not look like English: skills may be missed and the score "
                   "understated.")
    reasons = not_a_resume(extraction) if reasons is None else reasons
    if reasons:
        out.append("This does not look like a resume (" + "; ".join(reasons) + "): the score "
                   "may not be meaningful, and skills found in it earn reduced credit.")
    return out


_POSTING_CUE = re.compile(
    r"\b(?:we(?:'re| are) (?:looking|seeking|hiring)|you will|you'll|you have|you bring"
    r"|what you(?:'ll)? (?:do|bring|need)|who you are|about the (?:role|team|job|position)"
    r"|about us|ideal candidate|successful candidate|join (?:our|us|the team)|(?:what )?we offer"
    r"|equal opportunity|requirements|qualifications|responsibilities|nice to have|must have"
    r"|how to apply|apply now|benefits|compensation|salary range)\b", re.IGNORECASE)
_ADDRESSING = re.compile(
    r"\b(?:we(?:'re| are) (?:looking|seeking|hiring)|you will|you'll|you have|you bring"
    r"|what you|who you are|ideal candidate|successful candidate|join (?:our|us|the team)"
    r"|we offer|equal opportunity|apply)\b", re.IGNORECASE)
RESUME_SECTIONS = frozenset({"experience", "education", "skills", "summary", "projects",
                             "certifications", "publications", "awards"})


def not_a_resume(extraction: Extraction) -> list[str]:
    """Why the document does not look like a resume (empty when it does): a job posting's
    cues, a bare keyword list, or no resume sections and no dated positions."""
    doc = extraction.document
    text = extraction.text[:LANGUAGE_SAMPLE_CHARS]
    reasons: list[str] = []
    cues = {m.group(0).lower() for m in _POSTING_CUE.finditer(text)}
    if len(cues) >= 3 and _ADDRESSING.search(text):
        reasons.append("it reads like a job posting: " + ", ".join(f"'{c}'" for c in sorted(cues)[:3]))
    lines = [line for line in text.splitlines() if line.strip()]
    prose = [line for line in lines if len(line.split()) >= 6 and not is_list_line(line)]
    if lines and len(prose) < 3 and not doc.positions and not doc.education:
        reasons.append("it is a bare list of keywords with no sentences, dates or degrees")
    elif not doc.positions and not any(s.name in RESUME_SECTIONS for s in doc.sections):
        reasons.append("no resume sections (experience, education, skills) and no dated "
                       "positions")
    return reasons


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00
