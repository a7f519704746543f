"""Guards for pdfminer.six against hostile PDFs, applied by one explicit call.

``install_pdfminer_guards()`` replaces three pdfminer internals (it is idempotent, and every
PDF read calls it first: the reader processes at start-up, ``read_pdf`` before parsing, so no
in-process read goes unguarded):

- ``pdfminer.pdftypes.zlib``: the module pdfminer inflates Flate streams through becomes
  ``BOUNDED_ZLIB`` (size and ratio limits per stream and per document: decompression bombs);
- ``pdfminer.pdftypes.decompress_corrupted``: the fallback for a stream with a bad checksum,
  in linear time instead of pdfminer's quadratic byte-by-byte loop;
- ``PSStackParser.start_type``: arrays and dictionaries nested deeper than ``MAX_NESTING``
  are refused at once.

Each relies on a pdfminer internal (a module attribute, a function's name and use, a method's
signature); ``check_pdfminer_internals()`` says which one is gone, and
``tests/test_documents_pdfguards.py`` fails loudly when pdfminer changes them.
pyproject.toml bounds pdfminer.six to the versions checked.
"""

from __future__ import annotations

import inspect
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pdfminer import pdftypes
from pdfminer.psparser import PSStackParser

from ..errors import Corrupt, TooLarge


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
    inflater = BOUNDED_ZLIB.decompressobj()
    body = inflater.decompress(data[:-3])
    tail = []
    try:
        for index in range(max(0, len(data) - 3), len(data)):
            tail.append(inflater.decompress(data[index:index + 1]))
    except zlib.error:
        pass
    return body + b"".join(tail)


BOUNDED_ZLIB = _BoundedZlib()

# Arrays and dictionaries nested deeper than this are refused (qpdf's limit): no real document
# comes near it, and pdfminer would lex a 100,000-deep nest token by token before giving up.
MAX_NESTING = 500
_pdfminer_start_type = PSStackParser.start_type


def _bounded_start_type(parser: PSStackParser, pos: int, type: str) -> None:
    if len(parser.context) >= MAX_NESTING:
        raise Corrupt(f"The PDF nests arrays or dictionaries more than {MAX_NESTING} deep.")
    _pdfminer_start_type(parser, pos, type)


def check_pdfminer_internals() -> list[str]:
    """What the guards rely on that this pdfminer no longer has (empty when all is there)."""
    problems = []
    if not hasattr(pdftypes, "zlib") or "zlib.decompressobj" not in inspect.getsource(
            pdftypes):
        problems.append("pdfminer.pdftypes no longer inflates through its module attribute "
                        "'zlib' (zlib.decompressobj)")
    if not callable(getattr(pdftypes, "decompress_corrupted", None)) or (
            "decompress_corrupted(" not in inspect.getsource(pdftypes.PDFStream)):
        problems.append("pdfminer.pdftypes.decompress_corrupted is gone or no longer used by "
                        "PDFStream")
    start_type = _pdfminer_start_type
    if list(inspect.signature(start_type).parameters) != ["self", "pos", "type"] or (
            "self.context" not in inspect.getsource(start_type)):
        problems.append("PSStackParser.start_type(self, pos, type) no longer pushes onto "
                        "self.context")
    return problems


def install_pdfminer_guards() -> None:
    """Put the guards in place in this process (once; later calls do nothing)."""
    if pdftypes.zlib is BOUNDED_ZLIB:
        return
    problems = check_pdfminer_internals()
    if problems:
        raise RuntimeError("pdfminer.six changed internals the PDF guards rely on: "
                           + "; ".join(problems))
    pdftypes.decompress_corrupted = _decompress_corrupted
    PSStackParser.start_type = _bounded_start_type  # type: ignore[method-assign]
    pdftypes.zlib = BOUNDED_ZLIB  # last: it marks the guards as installed


def guards_installed() -> bool:
    """Whether ``install_pdfminer_guards`` has run in this process."""
    return (pdftypes.zlib is BOUNDED_ZLIB
            and pdftypes.decompress_corrupted is _decompress_corrupted
            and PSStackParser.start_type is _bounded_start_type)
