"""The fast PDF path gives pdfminer's own result: ``FastPageAggregator`` builds the same
characters, word gaps, lines and boxes as ``PDFPageAggregator`` (text, boxes, matrices,
advances) under every text-state operator, and ``gc_paused`` always hands the collector back."""

from __future__ import annotations

import gc
import io
import os
import threading

import pdfgen
import pytest
import reportlab
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTContainer, LTPage, LTTextLine
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from service.documents import pdf as pdf_reader
from service.documents import read_document_in_process
from service.documents.gcpause import gc_paused
from service.documents.pdfdevice import FastPageAggregator
from service.errors import Corrupt


def _layout(data: bytes, device_class: type, laparams: dict) -> list[tuple]:
    """Every character, word gap and container of the analysed pages, in order."""
    resources = PDFResourceManager(caching=True)
    device = device_class(resources, laparams=LAParams(**laparams))
    interpreter = PDFPageInterpreter(resources, device)
    out: list[tuple] = []

    def walk(item: object) -> None:
        if isinstance(item, LTChar):
            out.append((item.get_text(), item.bbox, item.width, item.height, item.size,
                        item.matrix, item.adv, item.upright, item.fontname))
        elif isinstance(item, LTAnno):
            out.append(("anno", item.get_text()))
        elif isinstance(item, LTContainer):
            kind = "page" if isinstance(item, LTPage) else type(item).__name__
            out.append((kind, item.bbox, item.width, item.height))
            for sub in item:
                walk(sub)

    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        walk(device.get_result())
    return out


def _lines(data: bytes, device_class: type) -> list[tuple]:
    """The text lines of the reader's layout (``pdf.LAPARAMS``), each with its characters,
    sorted (pdfminer nests them in text boxes; the fast page lists them directly)."""
    resources = PDFResourceManager(caching=True)
    device = device_class(resources, laparams=LAParams(**pdf_reader.LAPARAMS))
    interpreter = PDFPageInterpreter(resources, device)
    lines: list[tuple] = []

    def walk(item: object, page: int) -> None:
        if isinstance(item, LTTextLine):
            chars = tuple((ch.get_text(), ch.bbox) if isinstance(ch, LTChar)
                          else (ch.get_text(), None) for ch in item)
            lines.append((page, item.get_text(), item.bbox, chars))
        elif isinstance(item, LTContainer):
            for sub in item:
                walk(sub, page)

    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data))):
        interpreter.process_page(page)
        walk(device.get_result(), number)
    return sorted(lines, key=repr)


def _text_state_pdf() -> bytes:
    """Text under char/word spacing, horizontal scaling, rise, rotation, scaling, kerning
    arrays (TJ), an embedded TrueType subset and the base-14 fonts."""
    vera = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", vera))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 780
    for font in ("Helvetica", "Times-Roman", "Courier-Bold", "Vera"):
        text = pdf.beginText(60, y)
        text.setFont(font, 11)
        text.textLine("Built PyTorch models — naïve Bayes, café, résumé")
        text.setCharSpace(1.5)
        text.textLine("spaced characters")
        text.setCharSpace(0)
        text.setWordSpace(4)
        text.textLine("spaced words in a sentence")
        text.setWordSpace(0)
        text.setHorizScale(80)
        text.textLine("condensed text at eighty percent")
        text.setHorizScale(100)
        text.setRise(3)
        text.textOut("raised")
        text.setRise(-2)
        text.textLine(" lowered")
        text.setRise(0)
        pdf.drawText(text)
        y -= 110
    kerned = pdf.beginText(60, y)
    kerned.setFont("Helvetica", 12)
    kerned._code.append("[(Ker) 120 (ned) -250 (TJ) 40 (array)] TJ")  # no public TJ API
    pdf.drawText(kerned)
    pdf.saveState()
    pdf.translate(300, 200)
    pdf.rotate(30)
    pdf.setFont("Times-Roman", 14)
    pdf.drawString(0, 0, "Rotated line of text")
    pdf.restoreState()
    pdf.saveState()
    pdf.scale(1.7, 0.6)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, 100, "Scaled line of text")
    pdf.restoreState()
    pdf.saveState()
    pdf.transform(-1, 0, 0, 1, 500, 0)
    pdf.drawString(10, 60, "Mirrored line")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


PDFS = [pdfgen.make_pdf(), pdfgen.make_pdf(columns=2), _text_state_pdf()]
PDF_IDS = ["one-column", "two-columns", "text-states"]


@pytest.mark.parametrize("data", PDFS, ids=PDF_IDS)
def test_fast_aggregator_gives_pdfminers_layout(data: bytes):
    """With pdfminer's default box flow the whole tree matches, boxes included."""
    laparams = dict(pdf_reader.LAPARAMS, boxes_flow=0.5)
    expected = _layout(data, PDFPageAggregator, laparams)
    assert sum(1 for item in expected if isinstance(item[0], str) and len(item) > 2) > 200
    assert _layout(data, FastPageAggregator, laparams) == expected


@pytest.mark.parametrize("data", PDFS, ids=PDF_IDS)
def test_fast_aggregator_gives_pdfminers_lines(data: bytes):
    """With the reader's parameters (no box flow) the pages hold pdfminer's very lines."""
    expected = _lines(data, PDFPageAggregator)
    assert len(expected) > 10
    assert _lines(data, FastPageAggregator) == expected


def test_text_states_read_in_order():
    text = read_document_in_process(_text_state_pdf()).text
    for phrase in ("naïve Bayes", "spaced words in a sentence", "condensed text",
                   "Rotated line of text", "Scaled line of text"):
        assert phrase in text


def test_gc_paused_nests_and_restores():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_paused_overlapping_threads_restore_once_all_end():
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    with gc_paused():
        worker.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread is still parsing
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_read_pdf_gives_the_collector_back_on_success_and_failure():
    read_document_in_process(pdfgen.make_pdf())
    assert gc.isenabled()
    with pytest.raises(Corrupt):
        read_document_in_process(
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF")
    assert gc.isenabled()
