"""Decide what a file is from its bytes (never its name) and enforce the byte limit."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Literal

from ..errors import Empty, TooLarge, UnsupportedFormat
from ..normalize import yaml_source
from .image import image_kind
from .jsonresume import looks_like_json
from .text import decode_damaged

Kind = Literal["pdf", "docx", "rtf", "text", "markdown", "json", "image"]

_MAGIC_REJECT = {
    b"GIF8": "a GIF image",
    b"MZ": "a Windows program",
    b"\x7fELF": "a Linux program",
    b"\xd0\xcf\x11\xe0": "an old Word/Office file (save it as DOCX or PDF)",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
_UTF8_SHAPED = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_MARKDOWN = re.compile(r"^(#{1,6} \S|[-*] \S|\*\*[^*\n]+\*\*)", re.MULTILINE)


def check_size(data: bytes, max_bytes: int) -> None:
    """Raise ``Empty`` for no bytes, ``TooLarge`` past ``max_bytes``."""
    if not data or not data.strip():
        raise Empty()
    if len(data) > max_bytes:
        raise TooLarge(f"The file is {len(data) / 1e6:.1f} MB; the limit is "
                       f"{max_bytes / 1e6:.1f} MB.")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False


def _pdf_body(data: bytes) -> bool:
    """A PDF that lost its header: a startxref/%%EOF marker, or indirect objects plus a trailer
    or xref near the start."""
    head = data[:65536]
    if b"startxref" in head or b"%%EOF" in data[-1024:]:
        return True
    return (re.search(rb"\d+\s+\d+\s+obj\b", head) is not None
            and (b"endobj" in head or b"trailer" in head or b"xref" in head))


def decode_text(data: bytes) -> str | None:
    """The text of ``data`` if it is UTF-8/UTF-16 (BOM or not) with few control characters;
    bytes that are not UTF-8 and hold no UTF-8-shaped sequence are read as Windows-1252; UTF-8
    with a few bad bytes or NULs is read by ``decode_damaged``."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    else:
        encodings = ["utf-8"]
        if not _UTF8_SHAPED.search(data):  # legacy Windows text, not broken UTF-8
            encodings += ["cp1252", "latin-1"]
        sample = data[:4096]
        if sample and sample.count(b"\x00") > len(sample) // 4:
            encodings = ["utf-16-le" if sample[1::2].count(0) > sample[::2].count(0)
                         else "utf-16-be"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
        if controls <= max(2, len(text[:20000]) // 100):
            return text
    return decode_damaged(data)


def _is_rtf(data: bytes) -> bool:
    """``{\\rtf`` at the start, after a BOM, blanks, NULs or form feeds; UTF-16 too."""
    head = data[:64]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("latin-1", errors="ignore")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\f\x00").startswith(b"{\\rtf")


def sniff(data: bytes) -> Kind:
    """The document kind of ``data`` by magic bytes (``image`` for a PNG or JPEG: read by OCR),
    or by shape for text (``json`` for a JSON object or array: a JSON Resume or not, told by
    ``jsonresume``); ``UnsupportedFormat`` otherwise."""
    if image_kind(data) is not None:
        return "image"
    if _is_rtf(data):
        return "rtf"
    if b"%PDF-" in data[:1024] or data.startswith(b"%PDF") or _pdf_body(data):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        raise UnsupportedFormat("This is a ZIP archive, not a Word document. Upload a PDF, "
                                "DOCX, RTF, TXT or Markdown file.")
    for magic, what in _MAGIC_REJECT.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"This file is {what}, which is not supported. Upload a PDF, "
                                    "DOCX, RTF, TXT or Markdown file.")
    text = decode_text(data)
    if text is None:
        raise UnsupportedFormat()
    if looks_like_json(text):
        return "json"
    if len(_MARKDOWN.findall(text[:20000])) < 2 or yaml_source(text):
        return "text"  # (a YAML file's "- key:" items are no Markdown, its "# …" lines comments)
    return "markdown"
