"""A posting's text → heading-delimited sections (required / preferred / duties …) and
sentences: the spans a cue applies to and an item cites."""

from __future__ import annotations

import itertools
import re

from ..models import Citation
from .cues import HEADING_KINDS, I, Kind

_HEADING_LINE = re.compile(r"^[#*\s-]*([A-Za-z][^\n]{0,60}?)[:\s*#]*$")


def sections_of(body: str) -> list[tuple[int, int, Kind | None]]:
    """Heading-delimited spans classified as required / preferred / duties / other / excluded.

    Text before the first heading (the company blurb) counts as "other" when there are headings.
    """
    marks: list[tuple[int, Kind | None]] = []
    offset = 0
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if index > 0 and is_heading(line):
            marks.append((offset, heading_kind(line)))
        elif index > 0 and (label := _INLINE_LABEL.match(line)) and heading_kind(label.group(1)):
            # "Education: B.S. in ..." — the label governs this line only
            resume = marks[-1][1] if marks else None
            marks.append((offset, heading_kind(label.group(1))))
            marks.append((offset + len(line) + 1, resume))
        offset += len(line) + 1
    if not marks:
        return []
    spans: list[tuple[int, int, Kind | None]] = [(0, marks[0][0], "other")]
    for i, (start, kind) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(body)
        if end > start:
            spans.append((start, end, kind))
    return spans


def is_heading(line: str) -> bool:
    """A short line that introduces a list: "Requirements", "NICE TO HAVE:", "## Bonus"."""
    stripped = line.strip()
    if not stripped or len(stripped) > 50 or not _HEADING_LINE.match(stripped):
        return False
    if stripped[0] in "-*•+" and not stripped.startswith(("**", "#")):
        return False
    core = stripped.strip("#* ").rstrip(":").strip()
    if not core or not core[0].isupper() or core.endswith((".", ",", ";")) or "," in core:
        return False
    return len(re.findall(r"[A-Za-z'()/-]+", core)) <= 6


def heading_kind(line: str) -> Kind | None:
    stripped = line.strip()
    for kind, pattern in HEADING_KINDS:
        if pattern.search(stripped):
            return kind
    return None


def section_at(sections: list[tuple[int, int, Kind | None]], offset: int) -> Kind | None:
    for start, end, kind in sections:
        if start <= offset < end:
            return kind
    return None


_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|vs|incl|approx|sr|jr|no|ph\.d|[a-z]\.[a-z])|\b[A-Za-z])\.$", I)
_INLINE_LABEL = re.compile(r"^\s*([A-Z][A-Za-z' /-]{2,30}):\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when paragraphs are single lines."""
    lengths = [len(line) for line in lines if line.strip()]
    if not lengths or max(lengths) > 110:
        return None
    width = max(lengths)
    return width if sum(n >= 0.8 * width for n in lengths) >= 3 else None


def _units(body: str) -> list[tuple[int, int]]:
    """Paragraph units: a blank line, a list item or a heading starts a new one; in hard-wrapped
    text a line continues the previous one when that one ran to the wrap width."""
    lines = body.split("\n")
    width = _wrap_width(lines)
    units: list[list[int]] = []
    offset = 0
    previous_heading = True
    previous_length = 0
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            previous_heading = True
            continue
        heading = is_heading(line) or not units  # the first line is the title
        wrapped = width is not None and previous_length >= 0.6 * width
        if units and wrapped and not (previous_heading or heading or _LIST_ITEM.match(line)):
            units[-1][1] = end
        else:
            units.append([start, end])
        previous_heading = heading
        previous_length = len(line)
    return [(u[0], u[1]) for u in units]


def sentences_of(body: str) -> list[tuple[int, int]]:
    """Sentences (and ;-clauses) inside paragraph units: the span a cue applies to and the
    span an item cites. List markers are left out."""
    spans = []
    for u_start, u_end in _units(body):
        cuts = [u_start]
        for m in re.finditer(r"[.!?;]+(?=\s)", body[u_start:u_end]):
            stop = u_start + m.end()
            if m.group() == "." and _ABBREVIATION.search(body[max(u_start, stop - 6):stop]):
                continue
            cuts.append(stop)
        cuts.append(u_end)
        for start, end in itertools.pairwise(cuts):
            text = body[start:end]
            lead = len(text) - len(_LIST_ITEM.sub("", text, count=1).lstrip())
            if body[start + lead:end].strip():
                spans.append((start + lead, end))
    return spans


def sentence_at(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= offset < end:
            return start, end
    return offset, offset + 1


def cite(body: str, start: int, end: int) -> Citation:
    """The posting's own words for ``body[start:end]``, whitespace collapsed."""
    return Citation(text=" ".join(body[start:end].split()), start=start, end=end)


def clause(body: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The comma/"but"-delimited clause of ``sentence`` around a mention."""
    text = body[sentence[0]:sentence[1]]
    rel_s, rel_e = start - sentence[0], end - sentence[0]
    left = max((m.end() for m in re.finditer(r",|\bbut\b|\bwhile\b|\bwhereas\b", text[:rel_s])),
               default=0)
    right_m = re.search(r",|\bbut\b|\bwhile\b|\bwhereas\b", text[rel_e:])
    right = rel_e + right_m.start() if right_m else len(text)
    return text[left:right]
