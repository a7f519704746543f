"""DOCX → ``Document`` with python-docx: paragraphs, text boxes and table rows in body order.

The zip is checked first: entry count, declared sizes and the sizes actually inflated (read in
chunks with an early stop), so a zip bomb fails fast with ``TooLarge``.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import Corrupt, Empty, TooLarge
from ..models import Document
from ..settings import Settings
from .text import build_document
from .vocab import BUILT_IN, Vocabulary

MAX_ENTRIES = 2000
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def unzipped_limit(settings: Settings) -> int:
    """How many inflated bytes a DOCX may hold: 10x the upload limit, at least 50 MB."""
    return max(10 * settings.max_upload_bytes, 50 * 1024 * 1024)


def check_zip(data: bytes, limit: int) -> None:
    """Refuse archives whose declared or actual inflated size exceeds ``limit``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise TooLarge(f"The DOCX holds {len(infos)} files; the limit is {MAX_ENTRIES}.")
            declared = sum(info.file_size for info in infos)
            if declared > limit:
                raise TooLarge("The DOCX would unpack to more than "
                               f"{limit // (1024 * 1024)} MB (a zip bomb?).")
            total = 0
            for info in infos:
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > limit:
                            raise TooLarge("The DOCX unpacks to more than "
                                           f"{limit // (1024 * 1024)} MB (a zip bomb?).")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            NotImplementedError, ValueError) as exc:
        raise Corrupt("The DOCX archive is damaged. Save it again "
                      "and retry.") from exc


def _paragraph_lines(element: etree._Element) -> list[str]:
    """The paragraph's own text and the paragraphs of text boxes inside it."""
    own = "".join(
        node.text or "" for node in element.iter(qn("w:t"))
        if _owner(node) is element
    )
    lines = [own] if own.strip() else []
    for box in element.iter(qn("w:txbxContent")):
        if any(parent.tag == _FALLBACK for parent in box.iterancestors()):
            continue
        for para in box.iter(qn("w:p")):
            text = "".join(t.text or "" for t in para.iter(qn("w:t")) if _owner(t) is para)
            if text.strip():
                lines.append(text)
    return lines


def _owner(node: etree._Element) -> etree._Element | None:
    for parent in node.iterancestors(qn("w:p")):
        return parent
    return None


def _table_rows(table: etree._Element) -> list[str]:
    """Data rows as ``cell | cell`` lines; a layout row (a cell holding several paragraphs, as
    in two-column Word resumes) as each cell's lines, one cell after the other."""
    rows: list[str] = []
    for row in table.iter(qn("w:tr")):
        cells: list[list[str]] = []
        for cell in row.iter(qn("w:tc")):
            lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                     for p in cell.iter(qn("w:p"))]
            lines = [line for line in lines if line]
            if lines and (not cells or cells[-1] != lines):
                cells.append(lines)
        if any(len(lines) > 1 for lines in cells):
            rows.extend(line for lines in cells for line in lines)
        elif cells:
            rows.append(" | ".join(lines[0] for lines in cells))
    return rows


def read_docx(data: bytes, settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Text and structure of a DOCX file; typed errors for damaged or oversized archives."""
    check_zip(data, unzipped_limit(settings))
    try:
        body = open_docx(io.BytesIO(data)).element.body
        pieces: list[tuple[str, int | None]] = []
        current: list[str] = []
        for child in body.iterchildren():
            if child.tag == qn("w:p"):
                lines = _paragraph_lines(child)
                if lines:
                    current.extend(lines)
                    continue
            elif child.tag == qn("w:tbl"):
                if current:
                    pieces.append(("\n".join(current), None))
                current = _table_rows(child)
            if current:
                pieces.append(("\n".join(current), None))
                current = []
        if current:
            pieces.append(("\n".join(current), None))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError,
            zipfile.BadZipFile, AttributeError) as exc:
        raise Corrupt("The DOCX file is damaged. Save it again "
                      "and retry.") from exc
    doc = build_document(pieces, "docx", pages=1, vocabulary=vocabulary)
    if not doc.text.strip():
        raise Empty("The DOCX contains no text.")
    return doc
