"""The hostile-file table shared by every door (API, CLI extract, CLI batch, load tests, bench).

Each case builds its bytes inside the test run (nothing is copied from anywhere) and says what
every door must answer: an HTTP status and error ``code`` from ``docs/errors.md``, or ``None`` for
a file that must be read successfully (recoverable damage, ignored JavaScript).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tests import pdfgen

GOOD_LINE = "Python developer with SQL, PyTorch and Docker experience"


@dataclass(frozen=True)
class Case:
    """One hostile file: its name, how to build it, and the typed answer every door gives."""

    id: str
    filename: str
    make: Callable[[], bytes]
    status: int
    code: str | None
    budget_s: float | None = None  # wall-clock bound when extraction, not reading, dominates

    @property
    def ok(self) -> bool:
        return self.code is None

    def accepts(self, status: int, code: str | None) -> bool:
        """Whether ``status``/``code`` is this case's answer (``code`` None for a success)."""
        return code is None if self.ok else (status, code) == (self.status, self.code)

    def accepts_code(self, code: str | None) -> bool:
        """Whether an error ``code`` (None for a success) is this case's answer, status aside."""
        return code == self.code


def _raw_deflate_zeros(size: int) -> tuple[bytes, int]:
    """A raw DEFLATE stream of ``size`` zero bytes (a multiple of 1 MiB) and its CRC-32, fast."""
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(chunk, crc)
    return first + block * ((size >> 20) - 1) + tail, crc


def _zip_entry(name: bytes, payload: bytes, crc: int, compressed: int, size: int,
               offset: int) -> tuple[bytes, bytes]:
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, compressed, size,
                        len(name), 0) + name + payload
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, compressed,
                          size, len(name), 0, 0, 0, 0, 0, offset) + name
    return local, central


@lru_cache(maxsize=2)
def docx_zip_bomb(inflated_mb: int = 1024, declared_mb: int | None = None) -> bytes:
    """A DOCX whose ``word/document.xml`` inflates to ``inflated_mb`` MiB of zeros.

    ``declared_mb`` writes a smaller (lying) size into the zip headers.
    """
    size = inflated_mb << 20
    payload, crc = _raw_deflate_zeros(size)
    declared = size if declared_mb is None else declared_mb << 20
    entries = [(b"[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
               (b"word/document.xml", None)]
    body, directory = bytearray(), bytearray()
    for name, content in entries:
        if content is None:
            local, central = _zip_entry(name, payload, crc, len(payload), declared, len(body))
        else:
            packed = zlib.compress(content, 9)[2:-4]
            local, central = _zip_entry(name, packed, zlib.crc32(content), len(packed),
                                        len(content), len(body))
        body += local
        directory += central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory),
                      len(body), 0)
    return bytes(body + directory + end)


def zip_archive() -> bytes:
    """A plain ZIP (not a DOCX) named .pdf."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Python and SQL")
    return buffer.getvalue()


def exe_bytes() -> bytes:
    """A Windows executable header (MZ + PE stub) named .pdf."""
    return b"MZ\x90\x00\x03" + bytes(59) + b"PE\x00\x00" + pdfgen.random_bytes(2048, seed=3)


def text_with_controls() -> bytes:
    """A resume with a NUL byte, right-to-left overrides and zero-width characters."""
    text = ("Skills\nPython\x00, SQL, \u202eKubernetes\u202c, \u2066Docker\u2069, "
            "Py\u200btorch\n" + GOOD_LINE + "\n")
    return text.encode("utf-8")


def surrogate_bytes() -> bytes:
    """A lone UTF-16 surrogate encoded into 'UTF-8' (not valid UTF-8): refused, not crashed."""
    return ("Skills: Python \ud800 SQL\n" * 20).encode("utf-8", "surrogatepass")


def one_line(chars: int) -> bytes:
    """``chars`` characters on a single line, skills sprinkled in (no newline anywhere)."""
    unit = "python sql docker pytorch kubernetes, "
    return (unit * (chars // len(unit) + 1))[:chars].encode("ascii")


CASES: list[Case] = [
    Case("empty", "empty.pdf", lambda: b"", 422, "empty"),
    Case("random-bytes", "noise.pdf", lambda: pdfgen.random_bytes(8192, seed=11), 415,
         "unsupported_format"),
    Case("gif-renamed", "photo.pdf", pdfgen.gif_bytes, 415, "unsupported_format"),
    Case("zip-renamed", "archive.pdf", zip_archive, 415, "unsupported_format"),
    Case("exe-renamed", "setup.pdf", exe_bytes, 415, "unsupported_format"),
    Case("truncated-pdf", "truncated.pdf", pdfgen.truncated_pdf, 422, "corrupt"),
    Case("damaged-xref", "xref.pdf", pdfgen.damaged_xref_pdf, 200, None),
    Case("encrypted-pdf", "locked.pdf", pdfgen.encrypted_pdf, 422, "encrypted"),
    Case("image-only-pdf", "scan.pdf", pdfgen.image_only_pdf, 422, "no_text_layer"),
    Case("5000-pages", "pages.pdf", lambda: pdfgen.many_pages_pdf(5000), 422, "too_many_pages"),
    Case("flate-bomb", "bomb.pdf", pdfgen.flate_bomb_pdf, 413, "too_large"),
    Case("deep-nesting", "nested.pdf", lambda: pdfgen.nested_arrays_pdf(100_000), 422, "corrupt"),
    Case("cyclic-pages", "cycle.pdf", pdfgen.cyclic_pages_pdf, 200, None),
    Case("javascript-embedded", "js.pdf", pdfgen.javascript_pdf, 200, None),
    Case("docx-zip-bomb", "bomb.docx", docx_zip_bomb, 413, "too_large"),
    Case("docx-lying-bomb", "liar.docx", lambda: docx_zip_bomb(1024, declared_mb=1), 422,
         "corrupt"),
    Case("nul-rtl-controls", "controls.txt", text_with_controls, 200, None),
    Case("lone-surrogates", "surrogates.txt", surrogate_bytes, 415, "unsupported_format"),
    Case("1mb-one-line", "line.txt", lambda: one_line(1 << 20), 413, "text_too_long"),
    Case("long-line-in-limit", "line-ok.txt", lambda: one_line(40_000), 200, None,
         budget_s=45.0),
]

BY_ID = {case.id: case for case in CASES}
