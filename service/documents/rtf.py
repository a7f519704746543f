"""RTF (Word, WordPad, TextEdit, LibreOffice, pandoc) → ``Document``: striprtf reads the text.

What is done around ``striprtf.rtf_to_text`` (each tested in tests/test_documents_rtf.py against
the installed striprtf):

- on the bytes: binary data (``\\binN`` and its N bytes) is cut out, so the rest decodes;
- before striprtf, in one linear pass over the groups: pictures (``{\\pict …}``) are dropped, a
  shape's text box (``{\\shp … {\\shptxt …}}``) is kept in its place (striprtf drops shapes),
  and the font table is rebuilt as short entries (striprtf's font-table pattern is polynomial
  on a long one) with Mac and Asian charsets Python lacks given their equivalents;
- long runs of hex (Word's data stores) are dropped; a field's instruction is written
  ``\\fldinst {`` so striprtf's hyperlink pattern, quadratic on a long line, never runs; table
  cells end in ``" | "`` as in DOCX and a nested table's rows end its lines; column breaks are
  paragraph breaks; a Mac code page
  (``\\ansicpg10000``) is passed as its Python codec;
- after it: UTF-16 surrogate pairs written as two ``\\u`` words are joined, soft hyphens dropped,
  and the separator this module put at the end of a table row removed.
"""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from ..errors import Corrupt, Empty, UnsupportedFormat
from ..models import Document
from ..settings import Settings
from .sniff import decode_text
from .text import check_text_length, clean_decoded, document_from_text
from .vocab import BUILT_IN, Vocabulary

_BINARY = re.compile(rb"(?<!\\)((?:\\\\)*)\\bin(\d{1,10}) ?")
_HEX_RUN = re.compile(r"[0-9A-Fa-f\r\n]+")
_HEX_RUN_AT_LEAST = 4096
# a control word or symbol not itself escaped: an even number of backslashes before it
_UNESCAPED = r"(?<!\\)((?:\\\\)*)"
_FIELD_INSTRUCTION = re.compile(_UNESCAPED + r"\\fldinst\{", re.IGNORECASE)
_CELL = re.compile(_UNESCAPED + r"\\(?:nest)?cell(?![A-Za-z])(?:-?\d+)? ?")
_BREAK = re.compile(_UNESCAPED + r"\\(?:column|softline|softcol|softpage)(?![A-Za-z])(?:-?\d+)? ?")
_ANSI_CODE_PAGE = re.compile(_UNESCAPED + r"\\ansicpg(\d{1,6}) ?")
_CELL_MARK = "\ue000"  # (a private-use character: where a table cell ended)
_ROW_END = re.compile(f"(?:[ \\t]*{_CELL_MARK})+[ \\t]*(?=\\n|$)")
# a nested table's row end, which Word writes inside an ignored group
_NESTED_ROW = re.compile(r"\{\\\*\\nesttableprops[^{}]*\\nestrow\}")
_GROUP_TOKEN = re.compile(
    r"\\[{}\\]|[{}]|\\(?:pict|shpgrp|shp|shptxt|shprslt|fonttbl)(?![A-Za-z])")
_SHAPES = ("shp", "shpgrp")
_FONT_WORD = re.compile(r"\\f(\d{1,6})(?![A-Za-z])|\\fcharset(\d{1,4})|;")
_FONTS_AT_MOST = 2000
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# font charsets whose striprtf codec Python lacks → an equivalent charset it has
_CHARSET_EQUIVALENT = {78: 128, 79: 136, 80: 129, 82: 177, 85: 134, 86: 238, 87: 204, 88: 222,
                       89: 238}
# Mac code pages (\ansicpg100xx) → Python's codec names
_MAC_CODE_PAGES = {10000: "mac_roman", 10006: "mac_greek", 10007: "mac_cyrillic",
                   10029: "mac_latin2", 10079: "mac_iceland", 10081: "mac_turkish",
                   10010: "mac_romanian", 10004: "mac_arabic"}
_DAMAGED = ("This RTF file is damaged and could not be read. Save it again from your word "
            "processor, or as DOCX or PDF.")


def _without_binary(data: bytes) -> bytes:
    """``data`` without each ``\\binN`` and the N raw bytes after it."""
    if b"\\bin" not in data:
        return data
    kept, position = [], 0
    for match in _BINARY.finditer(data):
        if match.start() < position:
            continue
        kept.append(data[position:match.start()] + match.group(1))
        position = match.end() + int(match.group(2))
    kept.append(data[position:])
    return b"".join(kept)


def _font_table(body: str) -> str:
    """A font table's fonts as short ``{\\fN\\fcharsetM x;}`` entries (at most 2000)."""
    fonts: dict[str, int | None] = {}
    current: str | None = None
    for match in _FONT_WORD.finditer(body):
        if match.group(1) is not None:
            current = match.group(1)
            fonts.setdefault(current, None)
        elif match.group(2) is not None and current is not None:
            charset = int(match.group(2))
            fonts[current] = _CHARSET_EQUIVALENT.get(charset, charset)
        else:
            current = None
        if len(fonts) > _FONTS_AT_MOST:
            break
    return "{\\fonttbl" + "".join(
        f"{{\\f{font}\\fcharset{1 if charset is None else charset} x;}}"
        for font, charset in fonts.items()) + "}"


def _regroup(source: str) -> str:
    """``source`` with pictures dropped, shapes replaced by their text boxes' text and the font
    table rebuilt; one pass, counting braces (escaped ones are text)."""
    if not any(word in source for word in ("\\pict", "\\shp", "\\fonttbl")):
        return source
    out: list[str] = []
    position = 0
    depth = 0
    # (depth a skipped group opened at, what it is) for the groups being replaced
    skipping: list[tuple[int, str]] = []
    shape_text: list[list[str]] = []
    text_start = -1
    group_start = 0
    table_start = -1
    for match in _GROUP_TOKEN.finditer(source):
        token = match.group()
        if token in ("\\{", "\\}", "\\\\"):
            continue
        if token == "{":
            depth += 1
            group_start = match.start()
            continue
        if token == "}":
            if skipping and skipping[-1][0] == depth:
                kind = skipping.pop()[1]
                if kind == "shptxt" and shape_text:
                    shape_text[-1].append(source[text_start:match.start()])
                elif kind in _SHAPES and not skipping:
                    position = match.end()
                    texts = shape_text.pop()
                    # (in a group of its own, so its fonts and \\uc stay inside)
                    out.append("{" + " ".join(texts) + "}\\par " if texts else "{}")
                elif kind == "fonttbl":
                    out.append(_font_table(source[table_start:match.start()]))
                    position = match.end()
                elif kind == "pict" and not skipping:
                    out.append("{}")  # (an empty group: "\\par{\\pict…}Python" stays two words)
                    position = match.end()
            depth -= 1
            continue
        word = token[1:]
        inside = [kind for _, kind in skipping]
        if word == "pict" and "pict" not in inside:
            if not skipping:
                out.append(source[position:group_start])
            skipping.append((depth, "pict"))
        elif word in _SHAPES and not skipping:
            out.append(source[position:group_start])
            skipping.append((depth, word))
            shape_text.append([])
        elif word == "shptxt" and inside and all(kind in _SHAPES for kind in inside):
            skipping.append((depth, "shptxt"))
            text_start = match.end()
        elif word == "shprslt" and inside and all(kind in _SHAPES for kind in inside):
            skipping.append((depth, "shprslt"))
        elif word == "fonttbl" and not skipping:
            out.append(source[position:group_start])
            skipping.append((depth, "fonttbl"))
            table_start = match.end()
    if skipping:  # an unclosed group: drop what it held
        return "".join(out)
    out.append(source[position:])
    return "".join(out)


def rtf_plain_text(source: str) -> str:
    """The text an RTF file shows, one paragraph a line; table cells joined by ``" | "``;
    ``Corrupt`` when striprtf cannot read it."""
    source = _regroup(source)
    source = _HEX_RUN.sub(lambda m: "" if len(m.group()) >= _HEX_RUN_AT_LEAST else m.group(),
                          source)
    source = _FIELD_INSTRUCTION.sub(r"\1\\fldinst {", source)
    if "nesttableprops" in source:
        source = _NESTED_ROW.sub(r"\\par ", source)
    source = _CELL.sub(r"\1{ " + _CELL_MARK + " }", source)
    source = _BREAK.sub(r"\1\\par ", source)
    encoding = "cp1252"
    code_page = _ANSI_CODE_PAGE.search(source)
    if code_page is not None:
        number = int(code_page.group(2))
        try:
            codecs.lookup(f"cp{number}")
        except LookupError:
            encoding = _MAC_CODE_PAGES.get(number, "cp1252")
            source = _ANSI_CODE_PAGE.sub(r"\1", source)
    # an escaped backslash as its hex escape, so text such as "C:\\pictures\\bin" never
    # looks like a picture to striprtf's own picture pass
    source = source.replace("\\\\", "\\'5c")
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except (ValueError, OverflowError, LookupError, IndexError, TypeError) as exc:
        raise Corrupt(_DAMAGED) from exc  # e.g. "\u99999999999", a "\uc" without a number
    text = _SURROGATE_PAIR.sub(
        lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    text = _LONE_SURROGATE.sub("\ufffd", text).replace("\xad", "")
    text = _ROW_END.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace(_CELL_MARK, "|")


def read_rtf(data: bytes, settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Read an RTF file; ``Empty`` when it shows no text, ``TextTooLong`` past the limit."""
    source = decode_text(_without_binary(data))
    if source is None:
        raise UnsupportedFormat("This RTF file could not be read as text. Save it again as "
                                "DOCX or PDF.")
    text, warnings = clean_decoded(rtf_plain_text(source))
    if not text.strip():
        raise Empty("This RTF file shows no text.")
    check_text_length(len(text), settings)
    return document_from_text(text, "rtf", warnings=warnings, vocabulary=vocabulary)
