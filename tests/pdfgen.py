"""Generate resume-like and hostile PDFs inside the tests (reportlab for real ones, raw bytes for
the broken ones). Shared by the documents, extractor, API, batch and reliability tests.

``make_pdf`` lays out sections in one or two columns over one or more pages, with optional running
header/footer, a ruled table and ``fi``/``fl`` ligature characters; the ``*_pdf`` functions below it
build the malformed and adversarial files.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

Sections = Sequence[tuple[str, Sequence[str]]]

_FONT = "SkVera"
_BOLD = "SkVeraBd"
_LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}  # the ligature glyphs Vera has

SAMPLE_SECTIONS: list[tuple[str, list[str]]] = [
    ("Summary", ["Machine learning engineer with six years of experience building and shipping "
                 "recommendation and forecasting models in production."]),
    ("Skills", ["Python, PyTorch, scikit-learn, SQL, Docker, Kubernetes, Airflow, AWS"]),
    ("Experience", [
        "Senior Machine Learning Engineer, Acme Analytics",
        "Jan 2020 - Present",
        "- Built a real-time fraud detection service in Python and PyTorch.",
        "- Deployed models on Kubernetes with Docker and monitored drift.",
        "Data Scientist, Blue Harbor Insurance",
        "Jun 2016 - Dec 2019",
        "- Trained gradient boosting models with scikit-learn and XGBoost.",
        "- Wrote SQL pipelines feeding a Tableau dashboard.",
    ]),
    ("Education", ["M.Sc. in Computer Science, University of Edinburgh, 2016"]),
]


def _fonts() -> None:
    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    base = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(_FONT, os.path.join(base, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(_BOLD, os.path.join(base, "VeraBd.ttf")))


def _ligate(text: str) -> str:
    for plain, glyph in _LIGATURES.items():
        text = text.replace(plain, glyph)
    return text


class _Writer:
    """Flows headings and wrapped lines down columns and onto new pages."""

    def __init__(self, c: canvas.Canvas, columns: int, header: str | None, footer: bool,
                 ligatures: bool, total_pages: int | None, name: str | None) -> None:
        self.c, self.header, self.footer, self.ligatures = c, header, footer, ligatures
        self.width, self.height = LETTER
        self.margin = 54.0
        self.top = self.height - 72.0
        self.bottom = 72.0
        gap = 24.0
        usable = self.width - 2 * self.margin
        if columns == 2:
            left = usable * 0.38
            self.columns = [(self.margin, left), (self.margin + left + gap, usable - left - gap)]
        else:
            self.columns = [(self.margin, usable)]
        self.centred = False
        self.page = 1
        self.total_pages = total_pages
        self.col = 0
        self.name = name
        self._start_page()

    def _start_page(self) -> None:
        self.y = self.top
        if self.page == 1 and self.name:
            self.c.setFont(_BOLD, 18)
            self.c.drawString(self.margin, self.y, self.name)
            self.y -= 30
        self.col_top = self.y
        if self.header:
            self.c.setFont(_FONT, 8)
            self.c.drawString(self.margin, self.height - 40, self.header)

    def _finish_page(self) -> None:
        if self.footer:
            self.c.setFont(_FONT, 8)
            label = f"Page {self.page}" + (f" of {self.total_pages}" if self.total_pages else "")
            self.c.drawCentredString(self.width / 2, 36, label)
        self.c.showPage()
        self.page += 1
        self.col = 0
        self._start_page()

    def next_column(self) -> None:
        if self.col + 1 < len(self.columns):
            self.col += 1
            self.y = self.col_top
        else:
            self._finish_page()

    def new_page(self) -> None:
        self._finish_page()

    def _room(self, needed: float) -> None:
        if self.y - needed < self.bottom:
            self.next_column()

    def heading(self, text: str) -> None:
        self._room(40)
        self.y -= 8
        x, width = self.columns[self.col]
        self.c.setFont(_BOLD, 12)
        if self.centred:
            self.c.drawCentredString(x + width / 2, self.y, text.upper())
        else:
            self.c.drawString(x, self.y, text.upper())
        self.y -= 18

    def line(self, text: str) -> None:
        x, width = self.columns[self.col]
        if "\t" in text:
            left, right = text.split("\t", 1)
            self._room(14)
            x, width = self.columns[self.col]
            self.c.setFont(_FONT, 10)
            self.c.drawString(x, self.y, left)
            self.c.drawRightString(x + width, self.y, right)
            self.y -= 13
            return
        for piece in simpleSplit(text, _FONT, 10, width) or [""]:
            self._room(14)
            x, _ = self.columns[self.col]
            self.c.setFont(_FONT, 10)
            self.c.drawString(x, self.y, _ligate(piece) if self.ligatures else piece)
            self.y -= 13

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        x, width = self.columns[self.col]
        table = Table([list(r) for r in rows])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), _FONT, 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ]))
        _, h = table.wrapOn(self.c, width, self.y - self.bottom)
        self._room(h)
        x, _ = self.columns[self.col]
        table.drawOn(self.c, x, self.y - h)
        self.y -= h + 10

    def close(self) -> None:
        if self.footer:
            self.c.setFont(_FONT, 8)
            label = f"Page {self.page}" + (f" of {self.total_pages}" if self.total_pages else "")
            self.c.drawCentredString(self.width / 2, 36, label)
        self.c.showPage()


def make_pdf(sections: Sections | None = None, *, lines: Sequence[str] | None = None,
             columns: int = 1, pages: int | None = None, left_sections: int | None = None,
             table: Sequence[Sequence[str]] | None = None, table_heading: str = "Skills Matrix",
             ligatures: bool = False, header: str | None = None, footer: bool = False,
             name: str | None = "Jane Example", encrypt: object | None = None,
             centred_headings: bool = False) -> bytes:
    """A resume-like PDF.

    ``sections`` are ``(heading, lines)`` pairs (default ``SAMPLE_SECTIONS``); ``lines`` instead
    writes bare lines; a tab in a line right-aligns the part after it (dates at the right
    margin). ``columns=2`` puts the first ``left_sections`` sections (default half) in a
    narrow left column and the rest in the right one. ``pages=N`` spreads the sections over N
    pages. ``table`` rows are drawn as a ruled table under ``table_heading``. ``header`` repeats a
    line at the top of every page; ``footer`` adds "Page i of n". ``ligatures`` writes fi/fl/ff as
    single ligature characters. ``encrypt`` is a user password or a reportlab ``StandardEncryption``. ``centred_headings`` centres
    the section headings in their column.
    """
    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, encrypt=encrypt, invariant=1)
    w = _Writer(c, columns, header, footer, ligatures, pages, name)
    w.centred = centred_headings
    if lines is not None:
        for text in lines:
            w.line(text)
    else:
        items = list(SAMPLE_SECTIONS if sections is None else sections)
        split = left_sections if left_sections is not None else (len(items) + 1) // 2
        per_page = None if not pages else max(1, -(-len(items) // pages))
        for index, (heading, body) in enumerate(items):
            if per_page and index and index % per_page == 0:
                w.new_page()
            elif columns == 2 and index == split and w.col == 0:
                w.next_column()
            if heading:
                w.heading(heading)
            for text in body:
                w.line(text)
    if table:
        w.heading(table_heading)
        w.table(table)
    if pages and lines is not None:
        while w.page < pages:
            w.new_page()
            w.line(f"Continued notes {w.page}")
    w.close()
    c.save()
    return buf.getvalue()


def resume_pdf_two_pages() -> bytes:
    """A realistic two-page, one-column resume (used for timing)."""
    extra = [("Projects", [
        "Open-source feature store for streaming data built with Kafka and Spark.",
        "- Reduced feature latency from minutes to seconds for 40 models.",
    ] * 6), ("Certifications", ["AWS Certified Machine Learning - Specialty (2021)"])]
    return make_pdf([*SAMPLE_SECTIONS, *extra], pages=2, header="Jane Example - Resume",
                    footer=True)


# --- hostile and broken files -------------------------------------------------------------

def _assemble(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A PDF file from numbered object bodies, with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_page_objects(content: bytes, resources: bytes | None = None) -> list[bytes]:
    resources = resources or b"<< /Font << /F1 4 0 R >> >>"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
    ]


def minimal_pdf(text: str = "Python developer with SQL skills") -> bytes:
    """A hand-written one-page PDF with one line of Helvetica text."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")
    return _assemble(_text_page_objects(b"BT /F1 12 Tf 72 700 Td (" + escaped + b") Tj ET"))


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    """Deterministic noise (to be sent with a .pdf name)."""
    import random

    return random.Random(seed).randbytes(size)


def png_bytes() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    ihdr = (1).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def gif_bytes() -> bytes:
    """A valid 1x1 GIF (an image format never read, with or without OCR)."""
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
            b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def truncated_pdf() -> bytes:
    """A real resume PDF cut off in the middle."""
    data = make_pdf()
    return data[: len(data) // 3]


def encrypted_pdf(password: str = "secret") -> bytes:
    """A resume PDF that needs a user password to open."""
    return make_pdf(encrypt=password)


def restricted_pdf() -> bytes:
    """Encrypted with an owner password only (no copy/print): opens without a password."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return make_pdf(encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0,
                                               canCopy=0, canModify=0))


def image_only_pdf() -> bytes:
    """A page holding one grey image and no text (a 'scanned' resume)."""
    pixels = zlib.compress(bytes([128]) * (64 * 64))
    return _assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        _stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                        b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "),
        _stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
    ])


def many_pages_pdf(count: int = 5000) -> bytes:
    """``count`` pages sharing one small content stream."""
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Font << /F1 4 0 R >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 12 Tf 72 700 Td (Python and SQL) Tj ET"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 3 0 R "
                b"/Contents 5 0 R >>"] * count
    return _assemble(objects)


def zlib_zeros(inflated_mb: int) -> bytes:
    """A valid zlib stream of ``inflated_mb`` MiB of zeros, built in milliseconds.

    After a full flush every further MiB of zeros compresses to the same bytes, so one block is
    repeated; the Adler-32 of n zero bytes is ``(n mod 65521) << 16 | 1``.
    """
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    size = inflated_mb << 20
    checksum = ((size % 65521) << 16) | 1
    return first + block * (inflated_mb - 1) + tail[:-4] + checksum.to_bytes(4, "big")


def flate_stream_pdf(compressed: bytes) -> bytes:
    """A one-page PDF whose content stream is the zlib stream ``compressed``."""
    objects = _text_page_objects(b"")
    objects[4] = _stream(compressed, b"/Filter /FlateDecode ")
    return _assemble(objects)


def spoil_checksum(compressed: bytes) -> bytes:
    """``compressed`` with its Adler-32 checksum wrong (pdfminer then inflates it byte by byte)."""
    return compressed[:-1] + bytes([compressed[-1] ^ 0xFF])


@lru_cache(maxsize=2)
def flate_bomb_pdf(inflated_mb: int = 1100) -> bytes:
    """A content stream of ~1 MB that inflates to ``inflated_mb`` MiB of zeros."""
    return flate_stream_pdf(zlib_zeros(inflated_mb))


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """A page whose /Contents is an array nested ``depth`` deep (and a deep dictionary)."""
    nested = b"[" * depth + b"5 0 R" + b"]" * depth
    deep_dict = b"<< /A " * (depth // 10) + b"1" + b" >>" * (depth // 10)
    objects = _text_page_objects(b"BT /F1 12 Tf 72 700 Td (Python) Tj ET")
    objects[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                  b"/Resources << /Font << /F1 4 0 R >> >> /Contents " + nested
                  + b" /Extra " + deep_dict + b" >>")
    return _assemble(objects)


def cyclic_pages_pdf() -> bytes:
    """A page tree whose /Pages node lists itself among its kids."""
    objects = _text_page_objects(b"BT /F1 12 Tf 72 700 Td (Python) Tj ET")
    objects[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    return _assemble(objects)


def damaged_xref_pdf() -> bytes:
    """A readable PDF whose startxref points nowhere (pdfminer recovers by scanning objects)."""
    data = minimal_pdf("Recovered Python resume")
    head, _, tail = data.rpartition(b"startxref\n")
    offset, _, rest = tail.partition(b"\n")
    return head + b"startxref\n" + str(int(offset) + 977).encode() + b"\n" + rest


def javascript_pdf() -> bytes:
    """A text PDF with an OpenAction JavaScript and an embedded file (both must be ignored)."""
    objects = _text_page_objects(b"BT /F1 12 Tf 72 700 Td (Python developer) Tj ET")
    objects[0] = (b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R "
                  b"/Names << /EmbeddedFiles << /Names [(x.txt) 7 0 R] >> >> >>")
    objects.append(b"<< /S /JavaScript /JS (app.alert\\('hi'\\);) >>")
    objects.append(b"<< /Type /Filespec /F (x.txt) /EF << /F 8 0 R >> >>")
    objects.append(_stream(b"SECRET-EMBEDDED-TEXT", b"/Type /EmbeddedFile "))
    return _assemble(objects)
