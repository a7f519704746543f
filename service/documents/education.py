"""Education entries: degree level, field, institution and year."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..models import EducationEntry, Section
from .vocab import BUILT_IN, Vocabulary, looks_like_education

_INSTITUTION = re.compile(
    r"\b(universit\w*|college|institute|school|academy|polytechnic|iit|nit|conservatory|"
    r"ecole|école|hochschule|universidad|politecnico)\b", re.IGNORECASE)
_CONNECTORS = {"of", "and", "&", "the", "for", "de", "di"}
_MONTHS_WORD = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_FIELD_AFTER = re.compile(r"\b(?:in|of)\s+([A-Za-z&][A-Za-z &/-]{2,60})")
_SEGMENTS = re.compile(r"\s*(?:,|\||;|\s-\s|\s{2,}|\(|\))\s*")
_NOT_DEGREES = re.compile(
    r"\bMS[\s-]*(?:Office|Excel|Word|PowerPoint|Access|Project|Visio|Teams|SQL|Outlook|"
    r"Dynamics|Paint|DOS|Azure|Windows)\b"
    r"|\b(?:scrum|web|quiz|toast)\s*master\b|\bmaster\s+(?:data|class|chef|trainer|plan)\b",
    re.IGNORECASE)
_DEGREE_WORDS = re.compile(r"\b(science|arts|engineering|technology|philosophy|business)\b", re.IGNORECASE)


def degree_level(text: str, vocabulary: Vocabulary = BUILT_IN) -> str | None:
    """The highest degree level named in ``text`` ("MS Office" is not a master's degree)."""
    text = _NOT_DEGREES.sub(" ", text)
    for level, pattern in vocabulary.levels:
        if pattern.search(text):
            return level
    return None


def _field(text: str, vocabulary: Vocabulary) -> tuple[str | None, str | None]:
    field_text = None
    for match in _FIELD_AFTER.finditer(text):
        if _INSTITUTION.search(text[max(0, match.start() - 16): match.start()]):
            continue
        candidate = re.split(r"\s+(?:from|at|with|and minor|minor)\b|\s*[,|(]", match.group(1))[0]
        candidate = candidate.strip(" -&/")
        if candidate and not _DEGREE_WORDS.fullmatch(candidate.split()[0] if candidate else ""):
            field_text = candidate
            break
        if candidate:
            field_text = field_text or candidate
    patterns = vocabulary.fields
    for haystack in ([field_text] if field_text else []) + [text]:
        for field_id, pattern in patterns:
            match = pattern.search(haystack)
            if match:
                return field_id, field_text or match.group(0)
    return None, field_text


def _institution(text: str, vocabulary: Vocabulary) -> str | None:
    """The school's name: the capitalised run around "University", "Institute", "College"…"""
    for line in text.split("\n"):
        for segment in _SEGMENTS.split(line):
            match = _INSTITUTION.search(segment)
            if not match or len(segment) > 160:
                continue
            words = segment[: match.start()].split()
            kept: list[str] = []
            for word in reversed(words[-6:]):
                bare = word.strip(".,;:()")
                if not bare or not (bare[0].isupper() or bare.lower() in _CONNECTORS):
                    break
                if _MONTHS_WORD.fullmatch(bare) or degree_level(bare, vocabulary) not in (
                        None, "other") or _is_field(bare, vocabulary):
                    break
                kept.insert(0, word)
            while kept and kept[0].lower() in _CONNECTORS:
                kept.pop(0)
            tail = re.match(r"[A-Za-z]*(?:\s+(?:of|for|and|&|the|de|di)\s+[A-Z][\w.'&-]*"
                            r"(?:\s+(?:and|&)\s+[A-Z][\w.'&-]*)?)*", segment[match.start():])
            name = " ".join([*kept, tail.group(0) if tail else match.group(0)])
            cleaned = _YEAR.sub("", name).strip(" -,:")
            if cleaned:
                return cleaned
    return None


def _is_field(word: str, vocabulary: Vocabulary) -> bool:
    return any(pattern.fullmatch(word) for _, pattern in vocabulary.fields)


def entry_from_text(text: str, start: int, today: date | None = None,
                    vocabulary: Vocabulary = BUILT_IN) -> EducationEntry | None:
    """One education entry from the text of a chunk starting at ``start``, if it is one."""
    today = today or date.today()
    level = degree_level(text, vocabulary)
    institution = _institution(text, vocabulary)
    if level is None and institution is None:
        return None
    field_id, field_text = _field(text, vocabulary) if level != "other" else (None, None)
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year + 7]
    return EducationEntry(level=level, field=field_id, field_text=field_text,
                          institution=institution, year=max(years) if years else None,
                          start=start, end=start + len(text))


def _chunks(text: str, base: int, vocabulary: Vocabulary) -> list[tuple[int, str]]:
    """Split a section body into entries: a line naming a degree (or a school) when the current
    entry already has one starts a new entry; blank lines alone do not (PDFs add them)."""
    chunks: list[tuple[int, str]] = []
    current: list[str] = []
    current_start = base
    has_level = has_school = False
    offset = base
    for line in text.split("\n"):
        if line.strip():
            line_level = degree_level(line, vocabulary) is not None
            line_school = _INSTITUTION.search(line) is not None
            if current and ((line_level and has_level) or (line_school and has_school
                                                           and not line_level)):
                chunks.append((current_start, "\n".join(current)))
                current, has_level, has_school = [], False, False
            if not current:
                current_start = offset
            current.append(line)
            has_level = has_level or line_level
            has_school = has_school or line_school
        elif current:
            current.append(line)
        offset += len(line) + 1
    if current:
        chunks.append((current_start, "\n".join(current).rstrip()))
    return chunks


def find_education(text: str, sections: Sequence[Section], today: date | None = None,
                   vocabulary: Vocabulary = BUILT_IN) -> list[EducationEntry]:
    """Entries in education sections; without one, lines naming both a degree and a school."""
    entries: list[EducationEntry] = []
    edu_sections = [s for s in sections if s.name == "education"]
    if edu_sections:
        for section in edu_sections:
            body_start = text.find("\n", section.start, section.end)
            heading_line = text[section.start: body_start if body_start != -1 else section.end]
            inline = heading_line.split(":", 1)[1] if ":" in heading_line else ""
            if body_start == -1 and not inline:
                continue
            if inline.strip():
                entry = entry_from_text(inline, section.start + heading_line.index(inline), today,
                                        vocabulary)
                if entry:
                    entries.append(entry)
            if body_start != -1:
                for start, chunk in _chunks(text[body_start + 1: section.end], body_start + 1,
                                            vocabulary):
                    entry = entry_from_text(chunk, start, today, vocabulary)
                    if entry:
                        entries.append(entry)
        return entries
    offset = 0
    for line in text.split("\n"):
        if (degree_level(line, vocabulary) and len(line) < 300
                and looks_like_education(_strip_levels(line, vocabulary))):
            entry = entry_from_text(line, offset, today, vocabulary)
            if entry:
                entries.append(entry)
        offset += len(line) + 1
    return entries


def _strip_levels(line: str, vocabulary: Vocabulary) -> str:
    for _, pattern in vocabulary.levels[:-1]:
        line = pattern.sub(" ", line)
    return line
