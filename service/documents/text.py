"""Plain text and Markdown → ``Document``, and the assembler every format ends in.

Each reader produces text pieces with their page; ``build_document`` normalises them, joins them
with blank lines (so block offsets index ``Document.text``) and adds sections, positions,
education and total years.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from ..errors import TextTooLong
from ..models import Block, Document, EducationEntry, Position
from .education import find_education
from .escapes import unescape_json_text
from ..normalize import TRAILING_PAD, latex_document, latex_fields, normalize, org_source, unmark
from ..settings import Settings
from .headers import FILLER
from .sections import detect_sections, fenced, in_spans
from .timeline import find_positions, total_years, untied_ranges
from .vocab import BUILT_IN, Vocabulary
from .wordlines import rejoin_word_lines

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
REPLACEMENT = "\ufffd"
DAMAGE_SHARE = 50
"""A text file may have at most one character in this many damaged (and at least 2)."""
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S[^\n]*)", re.MULTILINE)
_MD_MARKUP = re.compile(r"^(\s{0,3})(#{1,6})\s+|(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)", re.MULTILINE)


def build_document(pieces: Iterable[tuple[str, int | None]], source_format: str = "text",
                   pages: int = 1, warnings: list[str] | None = None,
                   today: date | None = None, vocabulary: Vocabulary = BUILT_IN,
                   marked: Sequence[tuple[str, int, int]] = ()) -> Document:
    """A ``Document`` from ``(text, page)`` pieces in reading order; ``marked``: the headings
    whose marks a conversion dropped, as (words, how many lines of the same words come before
    it, level)."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for raw, page in pieces:
        clean = normalize(raw)
        if not clean:
            continue
        if parts:
            offset += 2
        for match in _PARAGRAPH.finditer(clean):
            blocks.append(Block(start=offset + match.start(), end=offset + match.end(), page=page))
        parts.append(clean)
        offset += len(clean)
    text = "\n\n".join(parts)
    doc = Document(text=text, source_format=source_format, pages=pages, blocks=blocks,
                   warnings=list(warnings or []))
    return add_structure(doc, today=today, vocabulary=vocabulary, marked=marked)


# the padding an entity or an escape leaves after its character ("Johnson &amp; Johnson",
# "AT\\&T", "C\\#") joins words rather than parting them: it becomes FILLER, which no column
# split reads as a space and which the strings read from the text drop (a tag's or a link
# address's blanks part words, as a column would: '<a href="...">Acme</a> (2019 - 2021)')
# (``headers.FILLER``: a header's pieces are cleaned of it at their edges)
# (the marks after which padding joins, beside letters and digits; not ``normalize``'s marks
# that join the parts of one word)
_NAME_JOINING = frozenset("&'\u2019#+")
_NO_BREAK_SPACES = frozenset("\xa0\u202f\u2007")


# an emphasis element's one tag between two words of a line joins them too: "<b>Senior</b>
# Data Scientist" (not a link, a span or a block, nor one emphasis closed and another opened,
# "<b>Data Scientist</b> <i>Acme</i>": those may part a title from its employer)
_EMPHASIS_TAG = re.compile(r"[ \t]*</?(?i:b|strong|em|i|u)>[ \t]*(?!<)")


def padding_filled(text: str, plain: str, pads: bytearray | None) -> str:
    """``unmark``'s ``plain`` text of ``text`` with an entity's or an escape's padding
    (``pads``) after a letter, a digit or a joining mark, and the blanks of an emphasis element
    between two words, as ``FILLER``; same length, so every offset holds."""
    emphasis = list(_EMPHASIS_TAG.finditer(text)) if "<" in text else []
    padded = pads is not None and TRAILING_PAD in pads
    if not padded and not emphasis:
        return plain
    chars = list(plain)
    for run in emphasis:
        start, end = run.span()
        if (0 < start and end < len(text) and text[start - 1].isalnum()
                and text[end].isalnum()):
            for index in range(start, end):
                if not text[index].isspace() and chars[index] == " ":
                    chars[index] = FILLER
    # (only after a letter, a digit or a joining mark: after a dash, a comma, a full stop or a
    # bullet the padding stays space, "2019&ndash;2021" a range, "Jan&#46; 2019" a date)
    joining = False
    for index, pad in enumerate(pads if padded else ()):
        if pad != TRAILING_PAD:
            joining = chars[index].isalnum() or chars[index] in _NAME_JOINING
        elif joining and chars[index] == " ":
            chars[index] = FILLER
    if padded and not _NO_BREAK_SPACES.isdisjoint(plain):
        _close_up_no_break_runs(chars, pads)
    return "".join(chars)


def _close_up_no_break_runs(chars: list[str], pads: bytearray) -> None:
    """Words joined by no-break space entities ("Senior&nbsp;Data&nbsp;Scientist") closed up in
    ``chars``: one space between each two, the entities' padding moved before the first word as
    ``FILLER`` (same length; the header reads one title, not columns)."""
    size = len(chars)

    def no_break_at(index: int) -> bool:  # (an entity's no-break space, padding after it)
        return (chars[index] in _NO_BREAK_SPACES and pads[index] == 0
                and index + 1 < size and pads[index + 1] == TRAILING_PAD)

    index = 1
    while index < size:
        if not (no_break_at(index) and chars[index - 1].isalnum()):
            index += 1
            continue
        start = index
        while start > 0 and not chars[start - 1].isspace() and chars[start - 1] != FILLER:
            start -= 1
        kept, fill, at = chars[start:index], 0, index
        while at < size and no_break_at(at):
            kept.append(" ")
            at += 1
            while at < size and pads[at] == TRAILING_PAD:
                fill, at = fill + 1, at + 1
            word = at
            while at < size and not chars[at].isspace() and not no_break_at(at):
                at += 1
            kept += chars[word:at]
        chars[start:at] = [FILLER] * fill + kept
        index = at


_Read = TypeVar("_Read", Position, EducationEntry)


def _unfilled(entry: _Read) -> _Read:
    """``entry`` with ``FILLER`` dropped from its strings and their blank runs closed up
    ("AT&", FILLER, "T" → "AT&T"; "Math &     Physics" → "Math & Physics")."""
    update = {name: " ".join(value.replace(FILLER, "").split())
              for name, value in entry.__dict__.items()
              if isinstance(value, str) and (FILLER in value or "  " in value)}
    return entry.model_copy(update=update) if update else entry


# where ``unmarked`` keeps a document's plain text: its ``__dict__``, beside the fields, as pydantic
# keeps a cached property's value (no field: its JSON, equality, ``repr``, ``dict()`` and schema
# ignore it; a pickled document, such as a sandbox worker's, carries it)
_UNMARKED = "_unmarked"


def unmarked(doc: Document) -> tuple[str, bytearray | None]:
    """``normalize.unmark(doc.text)``, computed once per document: ``add_structure`` reads its
    dates, titles and degrees from the plain text, the extractor its mentions. Kept with the
    text it read, so a document whose text was replaced since (or a copy with another text)
    computes it again; a document no reader structured computes it on first use. The mask is
    shared: not to be changed."""
    text = doc.text
    kept = doc.__dict__.get(_UNMARKED)
    if kept is not None and kept[0] is text:
        return kept[1], kept[2]
    plain, pads = unmark(text)
    doc.__dict__[_UNMARKED] = (text, plain, pads)
    return plain, pads


def add_structure(doc: Document, today: date | None = None,
                  vocabulary: Vocabulary = BUILT_IN,
                  marked: Sequence[tuple[str, int, int]] = ()) -> Document:
    """Fill sections, positions, education and total years of ``doc`` from its text."""
    text = doc.text
    page_at = None
    if any(block.page is not None for block in doc.blocks):
        page_at = first_holding(doc.blocks, doc.page_at, lambda block: block.page)
    elif doc.blocks:
        page_at = _no_page
    doc.sections = detect_sections(text, page_at, marked, org=org_source(text))
    section_at = first_holding(doc.sections, doc.section_at)
    # (dates, titles and degrees read without markup: "<h3>Data Scientist</h3>" is a title;
    # same length, so every offset still holds)
    plain, pads = unmarked(doc)
    headers = padding_filled(text, plain, pads)
    if latex_document(text):  # ("\cventry{2021--Present}{Research Scientist}{Acme}")
        headers = latex_fields(text, headers, FILLER)
    doc.positions = [_unfilled(p) for p in find_positions(
        headers, doc.sections, today=today, section_at=section_at, vocabulary=vocabulary)]
    # (a degree's field reads on over padding: "Math &amp; Physics")
    doc.education = [_unfilled(e) for e in find_education(
        plain, doc.sections, today=today, vocabulary=vocabulary)]
    doc.total_years = total_years(doc.positions, doc.sections, section_at)
    if doc.total_years is None:  # only then does it matter (and it costs a pass over dates)
        doc.untied_dates = untied_ranges(plain, doc.positions, section_at)
    return doc


def _no_page(offset: int) -> None:
    """``Document.page_at`` when no block knows its page: always None."""


def first_holding(
    spans: Sequence[Any], scan: Callable[[int], Any], value: Callable[[Any], Any] = lambda s: s,
) -> Callable[[int], Any]:
    """``offset → value(the first of spans holding offset)`` or None, as ``scan`` (a
    ``Document`` method) answers it: by bisection when the spans are sorted and disjoint (as
    this layer makes them), else ``scan`` itself."""
    starts = [span.start for span in spans]
    ends = [span.end for span in spans]
    if any(start > end for start, end in zip(starts, ends, strict=True)) or any(
        ends[i] > starts[i + 1] for i in range(len(spans) - 1)
    ):
        return scan

    def find(offset: int) -> Any:
        index = bisect_right(starts, offset) - 1
        return value(spans[index]) if index >= 0 and offset < ends[index] else None

    return find


_REPLACED = re.compile(REPLACEMENT + "+")


def _controls(text: str) -> int:
    """Control characters other than whitespace and NUL."""
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\x00\n\r\t\f\v")


def decode_damaged(data: bytes) -> str | None:
    """UTF-8 text with a few flaws (NUL bytes; bytes that are not UTF-8, such as a broken
    sequence or an encoded lone surrogate, read as U+FFFD), or None when it is not text: more
    than one damaged spot in ``DAMAGE_SHARE`` characters, or control characters."""
    text = data.decode("utf-8", errors="replace")
    sample = text[:20000].replace("\x00", "")
    if not sample.strip() or len(_REPLACED.findall(text)) > max(2, len(text) // DAMAGE_SHARE) \
            or _controls(sample) > max(2, len(sample) // 100):
        return None
    return text


def check_text_length(length: int, settings: Settings) -> None:
    """``TextTooLong`` past ``settings.max_text_chars``."""
    if length > settings.max_text_chars:
        raise TextTooLong(f"The text has {length:,} characters; the limit is "
                          f"{settings.max_text_chars:,}.")


def clean_decoded(text: str) -> tuple[str, list[str]]:
    """``text`` without NUL characters and with each run of U+FFFD as one, and a warning when
    it had either, so the reader knows why a word may look wrong."""
    nuls = text.count("\x00")
    text = text.replace("\x00", "") if nuls else text
    lost = len(_REPLACED.findall(text))
    if lost:
        text = _REPLACED.sub(REPLACEMENT, text)
    damage = []
    if lost:
        damage.append(f"{lost} unreadable character{'s are' if lost > 1 else ' is'} shown as "
                      + REPLACEMENT)
    if nuls:
        damage.append(f"{nuls} NUL byte{'s were' if nuls > 1 else ' was'} dropped")
    if not damage:
        return text, []
    return text, [f"This file is not clean text: {' and '.join(damage)}. If a word looks "
                  "wrong, save the file again as UTF-8 text."]


def document_from_text(text: str, source_format: str = "text", *,
                       today: date | None = None, warnings: list[str] | None = None,
                       vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Normalise ``text`` (Markdown emphasis and heading marks dropped) into a ``Document``;
    ``vocabulary``: the taxonomy's title and degree words (default: the installed taxonomy's).
    Text still holding a JSON string's escapes ("\\n", "\\u00a0") is decoded first, and text
    saved one word per line (a PDF reader's items) joined back into lines."""
    text = rejoin_word_lines(unescape_json_text(text))
    marked: list[tuple[str, int, int]] = []
    if source_format == "markdown":
        fences = fenced(text)
        headings = {m.start(): m for m in _MD_HEADING.finditer(text)
                    if not (fences and in_spans(fences, m.start()))}
        if headings:
            # each heading's words, and how many lines of the same words come before it
            seen: dict[str, int] = {}
            offset = 0
            for line in text.split("\n"):
                match = headings.get(offset)
                plain = normalize(_MD_MARKUP.sub(lambda m: m.group(1) or "",
                                                 match.group(2) if match else line)).strip()
                if match:
                    marked.append((plain, seen.get(plain, 0), len(match.group(1))))
                seen[plain] = seen.get(plain, 0) + 1
                offset += len(line) + 1
        text = _MD_MARKUP.sub(lambda m: m.group(1) or "", text)
    return build_document([(text, None)], source_format, pages=1, warnings=warnings, today=today,
                          vocabulary=vocabulary, marked=marked)
