"""PDF → ``Document`` with pdfminer.six layout analysis, tuned for resumes.

pdfminer groups characters into text lines; we order the lines ourselves: a page whose lines
leave a vertical gutter between two left-aligned columns is read column by column (full-width
lines such as the name header stay in place); otherwise lines sharing a baseline become one row
(table cells, right-aligned dates) joined by " | ". Running headers/footers and page numbers are
dropped, soft-wrapped lines are rejoined, and Flate streams are inflated with a size cap.

Speed: characters are collected by ``pdfdevice.FastPageAggregator`` (pdfminer's boxes, built
with less overhead) with the cyclic garbage collector paused (``gcpause``).
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from pdfminer.layout import (
    LAParams, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer import pdftypes
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.psparser import PSStackParser

from ..errors import Corrupt, Empty, Encrypted, NoTextLayer, TooLarge, TooManyPages
from ..models import Document
from ..settings import Settings
from .gcpause import gc_paused
from .pdfdevice import FastPageAggregator
from .sections import classify_heading
from .text import build_document
from .vocab import BUILT_IN, Vocabulary

# boxes_flow=None: pdfminer's own box ordering (a quadratic clustering of text boxes) is skipped,
# as ``order_lines`` decides the reading order from the lines themselves.
LAPARAMS = dict(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=None,
                detect_vertical=False, all_texts=False)
# What pdfminer raises on damaged input besides its own PSException tree.
PDFMINER_FAILURES = (PSException, RecursionError, IndexError, ValueError, TypeError, KeyError,
                     AttributeError, struct.error, zlib.error, AssertionError, EOFError,
                     OverflowError, ZeroDivisionError, NotImplementedError, UnicodeError,
                     LookupError)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_MARGIN = 0.09
_LABEL_START = re.compile(r"^[A-Z][\w &/-]{0,25}:\s")
_CONTACT = re.compile(r"@|https?:|www\.|^\+?\d[\d ()-]{6,}")
_LIST_START = re.compile(
    r"^\s*(?:[-*+\u2022\u25cf\u25aa\u25a0\u2013\u2014>\uf0b7]|\(cid:\d+\)|\d+[.)])")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:present|current)\b", re.I)


class _Tally:
    """Bytes inflated from bytes consumed: for one stream, or for a whole document (which also
    holds the byte limit for its streams)."""

    __slots__ = ("inflated", "consumed", "limit")

    def __init__(self, limit: int = 0) -> None:
        self.inflated = 0
        self.consumed = 0
        self.limit = limit


class _BoundedZlib:
    """Stand-in for the ``zlib`` module inside ``pdfminer.pdftypes``. A stream, or all of one
    document's streams together, inflating past ``limit`` bytes, or past ``grace`` bytes at more
    than ``ratio`` times the compressed bytes read so far (the zip-bomb rule of Apache POI),
    raises ``TooLarge`` instead of eating the memory. Text, fonts and vector drawings compress
    2-20×; a bomb of zeros ~1,000×, so it is refused after ``grace`` bytes rather than ``limit``,
    and so are many small bombs in one file. Images are never inflated. Apache POI's rule has
    a 100 kB grace; no real resume stream we have seen comes near 100× at any size."""

    error = zlib.error
    # Past ``grace`` inflated bytes the ratio applies: pdfminer lexes a content stream byte by
    # byte (1 MB of NULs: 0.55 s), so a few kB must not buy megabytes. Checked every ``step``.
    grace = 256 * 1024
    ratio = 100
    step = 256 * 1024
    limit = 256 * 1024 * 1024  # outside ``document()``

    def __init__(self) -> None:
        self._document: ContextVar[_Tally | None] = ContextVar("inflated_document", default=None)

    @contextmanager
    def document(self, limit: int) -> Iterator[None]:
        """Count every stream inflated inside the block as one document's, against ``limit``."""
        token = self._document.set(_Tally(limit))
        try:
            yield
        finally:
            self._document.reset(token)

    def check(self, stream: _Tally, inflated: int, consumed: int) -> None:
        """Add a step's bytes to the stream's and the document's tallies; refuse a bomb."""
        document = self._document.get()
        limit = document.limit if document is not None else self.limit
        for tally, what in ((stream, "A compressed stream in the PDF inflates"),
                            (document, "The PDF's compressed streams together inflate")):
            if tally is None:
                continue
            tally.inflated += inflated
            tally.consumed += consumed
            if tally.inflated > limit:
                raise TooLarge(f"{what} to more than {limit // (1024 * 1024)} MB "
                               "(a decompression bomb?).")
            if tally.inflated > self.grace and tally.inflated > self.ratio * tally.consumed:
                raise TooLarge(f"{what} to more than {self.ratio} times the compressed size "
                               "(a decompression bomb?).")

    def decompress(self, data: bytes) -> bytes:
        inflater = self.decompressobj()
        return inflater.decompress(data) + inflater.flush()

    def decompressobj(self) -> _BoundedInflater:
        return _BoundedInflater(self)


class _BoundedInflater:
    """A ``zlib.decompressobj`` that inflates in steps and checks each against the bomb rules."""

    def __init__(self, owner: _BoundedZlib) -> None:
        self._owner = owner
        self._inner = zlib.decompressobj()
        self._tally = _Tally()

    def decompress(self, data: bytes) -> bytes:
        owner, inner, pieces = self._owner, self._inner, []
        pending = data
        while True:
            out = inner.decompress(pending, owner.step)
            owner.check(self._tally, len(out), len(pending) - len(inner.unconsumed_tail))
            pieces.append(out)
            stalled = not out and len(inner.unconsumed_tail) == len(pending)
            pending = inner.unconsumed_tail
            if stalled or not pending and (len(out) < owner.step or inner.eof):
                return b"".join(pieces)

    def flush(self) -> bytes:
        return self._inner.flush()


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a Flate stream with a bad checksum, in linear time: inflate all
    but the last three bytes (an error there propagates), then salvage what the checksum bytes
    give. pdfminer's own feeds one byte at a time onto a growing ``bytes`` (quadratic)."""
    inflater = _ZLIB.decompressobj()
    body = inflater.decompress(data[:-3])
    tail = []
    try:
        for index in range(max(0, len(data) - 3), len(data)):
            tail.append(inflater.decompress(data[index:index + 1]))
    except zlib.error:
        pass
    return body + b"".join(tail)


_ZLIB = _BoundedZlib()
pdftypes.zlib = _ZLIB  # pdfminer inflates Flate streams through this module attribute
pdftypes.decompress_corrupted = _decompress_corrupted

# Arrays and dictionaries nested deeper than this are refused (qpdf's limit): no real document
# comes near it, and pdfminer would lex a 100,000-deep nest token by token before giving up.
MAX_NESTING = 500
_pdfminer_start_type = PSStackParser.start_type


def _bounded_start_type(parser: PSStackParser, pos: int, type: str) -> None:
    if len(parser.context) >= MAX_NESTING:
        raise Corrupt(f"The PDF nests arrays or dictionaries more than {MAX_NESTING} deep.")
    _pdfminer_start_type(parser, pos, type)


PSStackParser.start_type = _bounded_start_type  # type: ignore[method-assign]


@dataclass
class Line:
    """One text line with its box (pdfminer coordinates: y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    box: int
    page: int
    group: str = field(default="")

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def _lines(layout: LTPage, page_no: int) -> tuple[list[Line], bool]:
    """Text lines of a page and whether it holds any image."""
    lines: list[Line] = []
    has_image = False
    stack = list(layout)
    box_id = 0
    while stack:
        item = stack.pop(0)
        if isinstance(item, LTTextBox):
            box_id += 1
            for sub in item:
                if isinstance(sub, LTTextLine):
                    text = sub.get_text().strip()
                    if text:
                        lines.append(Line(text, sub.x0, sub.y0, sub.x1, sub.y1, box_id, page_no))
        elif isinstance(item, LTTextLine):
            box_id += 1
            text = item.get_text().strip()
            if text:
                lines.append(Line(text, item.x0, item.y0, item.x1, item.y1, box_id, page_no))
        elif isinstance(item, LTImage):
            has_image = True
        elif isinstance(item, LTFigure):
            stack[:0] = list(item)
    return lines, has_image


def _gutter(lines: list[Line]) -> float | None:
    """An x between 25% and 75% of the text width that (almost) no line crosses."""
    if len(lines) < 6:
        return None
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width < 100:
        return None
    best: tuple[int, float] | None = None
    steps = 60
    for step in range(steps + 1):
        x = left + width * (0.25 + 0.5 * step / steps)
        crossing = sum(1 for line in lines if line.x0 < x - 2 and line.x1 > x + 2)
        lefts = [line for line in lines if line.x1 <= x + 2]
        rights = [line for line in lines if line.x0 >= x - 2]
        if len(lefts) < 3 or len(rights) < 3 or crossing > max(2, len(lines) // 12):
            continue
        if best is None or crossing < best[0]:
            if _left_aligned(lefts) and _left_aligned(rights):
                best = (crossing, x)
    return best[1] if best else None


def _left_aligned(lines: list[Line]) -> bool:
    """A column shares a left edge; centred headings or right-aligned dates do not."""
    edges = Counter(round(line.x0 / 4) for line in lines)
    top = edges.most_common(2)
    shared = top[0][1] + (top[1][1] if len(top) > 1 and abs(top[0][0] - top[1][0]) <= 4 else 0)
    return shared >= 0.5 * len(lines)


def _aligned(a: list[Line], b: list[Line]) -> float:
    """Share of lines in ``a`` with a line of ``b`` on the same baseline."""
    if not a:
        return 0.0
    hits = sum(1 for line in a if any(abs(line.y0 - other.y0) < 2.0 for other in b))
    return hits / len(a)


def _is_table(left: list[Line], right: list[Line]) -> bool:
    """Aligned rows of short cells on both sides: a table, not two columns."""
    cells = left + right
    short = sum(1 for line in cells if len(line.text) <= 40) / max(len(cells), 1)
    return short > 0.8 and _aligned(left, right) > 0.7 and _aligned(right, left) > 0.7


def _field_column(side: list[Line], other: list[Line]) -> bool:
    """Dates aligned beside entries (right-aligned or in a margin column): one layout, not two."""
    if len(side) < 2:
        return False
    dated = sum(1 for line in side if _YEARISH.search(line.text)) / len(side)
    return dated >= 0.6 and _aligned(side, other) >= 0.7


def _rows(lines: list[Line], group: str) -> list[Line]:
    """Top-to-bottom lines; lines sharing a baseline become one row, cells joined by ' | '."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (-ln.y0, ln.x0)):
        if rows and abs(rows[-1][0].y0 - line.y0) < 0.4 * line.height:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        first = row[0]
        merged.append(Line(" | ".join(ln.text for ln in row), first.x0, min(ln.y0 for ln in row),
                           row[-1].x1, max(ln.y1 for ln in row), first.box, first.page, group))
    return merged


def order_lines(lines: list[Line]) -> list[Line]:
    """Reading order for one page: bands between full-width lines, columns within a band."""
    if not lines:
        return []
    gutter = _gutter(lines)
    if gutter is None:
        return _rows(lines, "page")
    spanning = [ln for ln in lines if ln.x0 < gutter - 2 and ln.x1 > gutter + 2]
    left = [ln for ln in lines if ln.x1 <= gutter + 2 and ln not in spanning]
    right = [ln for ln in lines if ln.x0 >= gutter - 2 and ln not in spanning]
    if _is_table(left, right) or _field_column(right, left) or _field_column(left, right):
        return _rows(lines, "page")
    cuts = sorted(spanning, key=lambda ln: -ln.y1)

    def band(line: Line) -> int:
        return sum(1 for cut in cuts if cut.y0 >= line.y1 - 1.0)

    ordered: list[Line] = []
    for index in range(len(cuts) + 1):
        for name, column in (("left", left), ("right", right)):
            ordered.extend(_rows([ln for ln in column if band(ln) == index], f"{name}{index}"))
        if index < len(cuts):
            ordered.extend(_rows([cuts[index]], f"cut{index}"))
    return ordered


def _drop_running(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers and lines repeated in the top/bottom margin of several pages."""
    def in_margin(line: Line, height: float) -> bool:
        return line.y0 > height * (1 - _MARGIN) or line.y1 < height * _MARGIN

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower()).strip()

    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights):
        counts.update({key(ln.text) for ln in lines if in_margin(ln, height)})
    threshold = max(2, (len(pages) + 1) // 2)
    kept = []
    for lines, height in zip(pages, heights):
        kept.append([
            ln for ln in lines
            if not (in_margin(ln, height)
                    and (_PAGE_NUMBER.match(ln.text) or (len(pages) > 1
                                                         and counts[key(ln.text)] >= threshold)))
        ])
    return kept


def _page_count(document: PDFDocument) -> int | None:
    """The page count the catalog declares, if it declares one."""
    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) else None


def _pieces(lines: list[Line]) -> list[tuple[str, int]]:
    """Paragraph pieces: a new one at a new column/band or a gap clearly wider than both one
    line and the usual spacing between lines in that column (Word's space-after-paragraph).

    Within a piece, a line that runs to the column's right edge and is followed by a line at
    the same left edge (not a bullet) was wrapped by the layout: the two are joined by a space.
    """
    right_edge: dict[tuple[int, str], float] = {}
    gaps: dict[tuple[int, str], Counter[int]] = {}
    for index, line in enumerate(lines):
        key = (line.page, line.group)
        right_edge[key] = max(right_edge.get(key, 0.0), line.x1)
        before = lines[index - 1] if index else None
        if before is not None and (before.page, before.group) == key and line.y1 <= before.y0:
            gaps.setdefault(key, Counter())[round(before.y0 - line.y1)] += 1
    usual = {key: counter.most_common(1)[0][0] for key, counter in gaps.items()}
    pieces: list[tuple[str, int]] = []
    current: list[str] = []
    last: Line | None = None
    for line in lines:
        gap = (last.y0 - line.y1) if last is not None else 0.0
        spacing = usual.get((line.page, line.group), 0)
        new = last is None or line.group != last.group or line.page != last.page or (
            gap > max(0.8 * max(line.height, last.height), 1.5 * spacing + 1)) or (
            line.y0 > last.y0)
        if new and current and last is not None:
            pieces.append(("\n".join(current), last.page))
            current = []
        if current and last is not None and _wrapped(last, line, right_edge[(line.page,
                                                                             line.group)]):
            current[-1] += " " + line.text
        else:
            current.append(line.text)
        last = line
    if current and last is not None:
        pieces.append(("\n".join(current), last.page))
    return pieces


def _wrapped(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether ``line`` continues ``previous`` after a soft line wrap: its first word would not
    have fitted at the end of ``previous`` (greedy wrapping), it starts at the same left edge
    (or a hanging indent), and it is not a bullet, a heading or a new row."""
    words = line.text.split()
    if not words or " | " in previous.text or " | " in line.text:
        return False
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    needed = (len(words[0]) + 1) * char_width
    return (previous.x1 + needed >= right_edge - char_width
            and previous.x0 - 2 <= line.x0 <= previous.x0 + 3 * previous.height
            and len(previous.text.split()) >= 3
            and not previous.text.endswith((":", "-", "\u00ad", ".", "!", "?"))
            and not _LIST_START.match(line.text) and not line.text.isupper()
            and not _LABEL_START.match(line.text) and not _CONTACT.search(words[0])
            and classify_heading(line.text) is None
            and not _YEARISH.search(previous.text[-20:]))


def read_pdf(data: bytes, settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Text, blocks with pages and structure from PDF bytes; typed errors for every failure."""
    try:
        with gc_paused():
            return _read_pdf(data, settings, vocabulary)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise Encrypted() from exc
    except MemoryError as exc:
        raise Corrupt("The PDF needs more memory than allowed to read (it may hold a "
                      "decompression bomb). Export it again and retry.") from exc
    except RecursionError as exc:
        raise Corrupt("The PDF's structure is nested too deeply to read. Export it again "
                      "and retry.") from exc
    except PDFMINER_FAILURES as exc:
        raise Corrupt("The PDF is damaged and could not be read. "
                      "Export it again and retry.") from exc


def _read_pdf(data: bytes, settings: Settings, vocabulary: Vocabulary) -> Document:
    with _ZLIB.document(max(settings.worker_memory_mb // 4, 16) * 1024 * 1024):
        return _read_pdf_pages(data, settings, vocabulary)


def _read_pdf_pages(data: bytes, settings: Settings, vocabulary: Vocabulary) -> Document:
    parser = PDFParser(io.BytesIO(data))
    document = PDFDocument(parser)
    declared = _page_count(document)
    if declared is not None and declared > settings.max_pages:
        raise TooManyPages(f"The PDF has {declared} pages; the limit is {settings.max_pages}.")
    resources = PDFResourceManager(caching=True)
    device = FastPageAggregator(resources, laparams=LAParams(**LAPARAMS))
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[list[Line]] = []
    heights: list[float] = []
    any_image = False
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > settings.max_pages:
            raise TooManyPages(f"The PDF has more than {settings.max_pages} pages; the limit is "
                               f"{settings.max_pages}.")
        interpreter.process_page(page)
        layout = device.get_result()
        lines, has_image = _lines(layout, number)
        any_image = any_image or has_image
        pages.append(order_lines(lines))
        heights.append(max(layout.height, 1.0))
    if not pages:
        raise Corrupt("The PDF has no readable pages. Export it again and retry.")
    pages = _drop_running(pages, heights)
    pieces = [piece for lines in pages for piece in _pieces(lines)]
    doc = build_document(pieces, "pdf", pages=len(pages), vocabulary=vocabulary)
    if not doc.text.strip():
        if any_image:
            raise NoTextLayer()
        raise Empty("The PDF contains no text.")
    return doc
