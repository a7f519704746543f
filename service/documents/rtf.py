"""RTF (Word, WordPad, TextEdit, LibreOffice, pandoc) → ``Document``: striprtf reads the text.

Three things are done around ``striprtf.rtf_to_text`` (each tested in tests/test_documents_rtf.py
against the installed striprtf):

- before it: long runs of hex digits (pictures, Word's data stores) are dropped, since striprtf
  walks them one character at a time; a field's instruction is written ``\\fldinst {`` so its
  hyperlink regex, which is quadratic on a long line, never runs (the link text is kept, the
  address was never part of the resume's text); table cells end in ``" | "`` as in DOCX;
- after it: UTF-16 surrogate pairs written as two ``\\u`` words are joined, soft hyphens dropped,
  and the separator at the end of a table row removed.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from ..errors import Corrupt, Empty, UnsupportedFormat
from ..models import Document
from ..settings import Settings
from .sniff import decode_text
from .text import clean_decoded, document_from_text
from .vocab import BUILT_IN, Vocabulary

_HEX_BLOB = re.compile(r"[0-9A-Fa-f\r\n]{4096,}")
_FIELD_INSTRUCTION = re.compile(r"\\fldinst\{")
_CELL = re.compile(r"\\(?:nest)?cell(?![A-Za-z])(?:-?\d+)? ?")
_ROW_END = re.compile(r"[ \t]*\|[ \t]*(?=\n|$)")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def rtf_plain_text(source: str) -> str:
    """The text an RTF file shows, one paragraph a line; table cells joined by ``" | "``;
    ``Corrupt`` when striprtf cannot read it."""
    source = _HEX_BLOB.sub("", source)
    source = _FIELD_INSTRUCTION.sub(r"\\fldinst {", source)
    source = _CELL.sub("{ | }", source)
    try:
        text = rtf_to_text(source, errors="replace")
    except (ValueError, OverflowError, LookupError, IndexError) as exc:  # e.g. \u99999999999
        raise Corrupt("This RTF file is damaged and could not be read. Save it again from "
                      "your word processor, or as DOCX or PDF.") from exc
    text = _SURROGATE_PAIR.sub(
        lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    text = _LONE_SURROGATE.sub("\ufffd", text).replace("\xad", "")
    return _ROW_END.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_rtf(data: bytes, settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Read an RTF file; ``Empty`` when it shows no text. (``settings``: the reader's common
    signature; the byte limit is checked before.)"""
    del settings
    source = decode_text(data)
    if source is None:
        raise UnsupportedFormat("This RTF file could not be read as text. Save it again as "
                                "DOCX or PDF.")
    text, warnings = clean_decoded(rtf_plain_text(source))
    if not text.strip():
        raise Empty("This RTF file shows no text.")
    return document_from_text(text, "rtf", warnings=warnings, vocabulary=vocabulary)
