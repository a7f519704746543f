"""PDF → ``Document`` with pdfminer.six layout analysis, tuned for resumes.

pdfminer groups characters into text lines (text drawn inside form XObjects too, grouped by
``pdfdevice.figure_lines``); ``pdflayout`` orders them and makes paragraphs. Pages with no text
layer are read by OCR (``ocr``). Flate streams are inflated with a size cap (``pdfguards``,
installed before every read).

Speed: characters are collected by ``pdfdevice.FastPageAggregator`` (pdfminer's boxes, built
with less overhead) with the cyclic garbage collector paused (``gcpause``).
"""

from __future__ import annotations

import io
import re
import struct
import zlib

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
from ..normalize import normalize
from .pdfdevice import FastPageAggregator, figure_lines
from .pdfguards import BOUNDED_ZLIB, install_pdfminer_guards
from .pdflayout import Line, drop_running, order_lines, paragraphs
from .text import build_document
from .timeline import RANGE_RE as _RANGE
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
_OUTLINED_TEXT_CURVES = 40


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


def _page_count(document: PDFDocument) -> int | None:
    """The page count the catalog declares, if it declares one."""
    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) else None


def read_pdf(data: bytes, settings: Settings,
             vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Text, blocks with pages and structure from PDF bytes; typed errors for every failure."""
    install_pdfminer_guards()
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
    with BOUNDED_ZLIB.document(max(settings.worker_memory_mb // 4, 16) * 1024 * 1024):
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
    pages = drop_running(pages, heights)
    has_text = any(pages)
    scanned, warnings = _ocr(data, pictured, has_text, settings)
    pieces = []
    for number, lines in enumerate(pages, start=1):
        if number in scanned:
            pieces += [(part, number) for part in re.split(r"\n\s*\n", scanned[number])]
        else:
            pieces += paragraphs(lines)
    doc = build_document(pieces, "pdf", pages=len(pages), warnings=warnings,
                         vocabulary=vocabulary)
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
