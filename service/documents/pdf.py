"""PDF → ``Document`` with pdfminer.six layout analysis, tuned for resumes.

pdfminer groups characters into text lines; we order the lines ourselves: a page whose lines
leave a vertical gutter between two left-aligned columns is read column by column (full-width
lines such as the name header stay in place); otherwise lines sharing a baseline become one row
(table cells, right-aligned dates) joined by " | ". Running headers/footers and page numbers are
dropped, soft-wrapped lines are rejoined, and Flate streams are inflated with a size cap
(``pdfguards``, installed before every read).

Speed: characters are collected by ``pdfdevice.FastPageAggregator`` (pdfminer's boxes, built
with less overhead) with the cyclic garbage collector paused (``gcpause``).
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field

from pdfminer.layout import (
    LAParams, LTChar, LTCurve, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from ..errors import Corrupt, Empty, Encrypted, NoTextLayer, TooManyPages
from ..models import Document
from ..settings import Settings
from . import ocr
from .gcpause import gc_paused
from .normalize import normalize
from .pdfdevice import FastPageAggregator, figure_lines
from .pdfguards import BOUNDED_ZLIB, install_pdfminer_guards
from .sections import classify_heading, heading_like
from .text import build_document
from .timeline import RANGE_RE as _RANGE

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
_OUTLINED_TEXT_CURVES = 40
_LABEL_START = re.compile(r"^[A-Z][\w &/-]{0,25}:\s")
_CONTACT = re.compile(r"@|https?:|www\.|^\+?\d[\d ()-]{6,}")
_LIST_START = re.compile(
    r"^\s*(?:[-*+\u2022\u25cf\u25aa\u25a0\u2013\u2014>\uf0b7]|\(cid:\d+\)|\d+[.)])")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:present|current)\b", re.I)


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


def _lines(layout: LTPage, page_no: int, laparams: LAParams) -> tuple[list[Line], bool]:
    """Text lines of a page and whether it holds an image (or text drawn as outlines)."""
    lines: list[Line] = []
    has_image = False
    curves = 0
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
        elif isinstance(item, LTCurve):
            curves += 1
        elif isinstance(item, LTFigure):
            loose = [obj for obj in item if isinstance(obj, LTChar)]
            if loose:
                box_id += 1
                for sub in figure_lines(loose, laparams):
                    text = sub.get_text().strip()
                    if text:
                        lines.append(Line(text, sub.x0, sub.y0, sub.x1, sub.y1, box_id, page_no))
            stack[:0] = [obj for obj in item if not isinstance(obj, LTChar)]
    # text drawn as outlines is hundreds of curves; a few are rules and boxes
    return _join_stacked_dates(lines), has_image or curves >= _OUTLINED_TEXT_CURVES


def _join_stacked_dates(lines: list[Line]) -> list[Line]:
    """A text box of short lines that together read as one date range ("Oct' / 2024 / - /
    Jan' / 2025", a narrow date column) becomes one line at the box's top."""
    by_box: dict[int, list[Line]] = {}
    for line in lines:
        by_box.setdefault(line.box, []).append(line)
    joined: dict[int, Line] = {}
    for box, members in by_box.items():
        if not 2 <= len(members) <= 6 or any(len(line.text) > 14 for line in members):
            continue
        text = normalize(" ".join(line.text for line in members))
        if _RANGE.fullmatch(text):
            top = members[0]
            joined[box] = Line(text, min(m.x0 for m in members), top.y0,
                               max(m.x1 for m in members), top.y1, box, top.page)
    if not joined:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.box not in joined:
            out.append(line)
        elif line is by_box[line.box][0]:
            out.append(joined[line.box])
    return out


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
        columns = [_rows([ln for ln in column if band(ln) == index], f"{name}{index}")
                   for name, column in (("left", left), ("right", right))]
        if _opens_with_heading(columns[0]) and not _opens_with_heading(columns[1]):
            columns.reverse()  # a main column continuing the page before, beside a sidebar
        for column_rows in columns:
            ordered.extend(column_rows)
        if index < len(cuts):
            ordered.extend(_rows([cuts[index]], f"cut{index}"))
    return ordered


def _opens_with_heading(rows: list[Line]) -> bool:
    """Whether a column's first row is a section heading: text above a column's first heading
    belongs to what was read before it (the previous page's section), not to the other column's
    last section."""
    return bool(rows) and heading_like(rows[0].text)


def _drop_running(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers and lines repeated in the top/bottom margin of several pages (a
    section heading repeated atop each page stays: it reopens its section there)."""
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
                    and (_PAGE_NUMBER.match(ln.text) or (
                        len(pages) > 1 and counts[key(ln.text)] >= threshold
                        and classify_heading(ln.text) is None)))
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


def read_pdf(data: bytes, settings: Settings) -> Document:
    """Text, blocks with pages and structure from PDF bytes; typed errors for every failure."""
    install_pdfminer_guards()
    try:
        with gc_paused():
            return _read_pdf(data, settings)
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


def _read_pdf(data: bytes, settings: Settings) -> Document:
    with BOUNDED_ZLIB.document(max(settings.worker_memory_mb // 4, 16) * 1024 * 1024):
        return _read_pdf_pages(data, settings)


def _read_pdf_pages(data: bytes, settings: Settings) -> Document:
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
    pictured: list[int] = []  # pages with an image (or outlined text) and no text: for OCR
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > settings.max_pages:
            raise TooManyPages(f"The PDF has more than {settings.max_pages} pages; the limit is "
                               f"{settings.max_pages}.")
        interpreter.process_page(page)
        layout = device.get_result()
        lines, has_image = _lines(layout, number, device.laparams)
        if has_image and not lines:
            pictured.append(number)
        pages.append(order_lines(lines))
        heights.append(max(layout.height, 1.0))
    if not pages:
        raise Corrupt("The PDF has no readable pages. Export it again and retry.")
    pages = _drop_running(pages, heights)
    has_text = any(pages)
    scanned, warnings = _ocr(data, pictured, has_text, settings)
    pieces = []
    for number, lines in enumerate(pages, start=1):
        if number in scanned:
            pieces += [(part, number) for part in re.split(r"\n\s*\n", scanned[number])]
        else:
            pieces += _pieces(lines)
    doc = build_document(pieces, "pdf", pages=len(pages), warnings=warnings)
    if not doc.text.strip():
        if pictured:
            raise NoTextLayer(None if not scanned else
                              "The PDF has no text layer, and OCR found no text on its "
                              "pages. Export the resume with its text, or upload DOCX or TXT.")
        raise Empty("The PDF contains no text.")
    doc.ocr_pages = sorted(number for number, text in scanned.items() if text.strip())
    return doc


def _ocr(data: bytes, pictured: list[int], has_text: bool,
         settings: Settings) -> tuple[dict[int, str], list[str]]:
    """OCR text of the pages without a text layer, and warnings for the document. A document
    of scans past ``ocr_max_pages`` is refused; beside pages with text, the scans past it are
    left out with a warning."""
    if not pictured or not ocr.enabled(settings):
        return {}, []
    limit = settings.ocr_max_pages
    warnings: list[str] = []
    if len(pictured) > limit:
        if not has_text:
            raise TooManyPages(f"The PDF has {len(pictured)} scanned pages; OCR reads at most "
                               f"{limit}. Export the resume with its text, or upload DOCX or "
                               "TXT.")
        warnings.append(f"{len(pictured) - limit} scanned pages were not read (OCR reads at "
                        f"most {limit} per document).")
        pictured = pictured[:limit]
    scanned = ocr.ocr_pages(data, pictured, settings)
    if any(text.strip() for text in scanned.values()):
        pages = ", ".join(str(n) for n, text in scanned.items() if text.strip())
        warnings.append(f"Read by OCR (page{'s' if ',' in pages else ''} {pages}): check the "
                        "result.")
    return scanned, warnings
