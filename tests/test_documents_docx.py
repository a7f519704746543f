"""DOCX: paragraphs and tables in body order, structure, damaged archives and zip bombs."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest

from service.documents import parse_bytes, read_document_in_process
from service.errors import Corrupt, DocumentError, Empty, TooLarge, UnsupportedFormat
from service.settings import Settings


def _resume_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Jane Example", level=0)
    document.add_heading("Summary", level=1)
    document.add_paragraph("Machine learning engineer building forecasting models.")
    document.add_heading("Technical Skills", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (skill, years) in zip(table.rows, [("Skill", "Years"), ("Python", "6"),
                                                ("SQL", "5")]):
        row.cells[0].text, row.cells[1].text = skill, years
    document.add_heading("Experience", level=1)
    document.add_paragraph("Data Scientist, Acme Analytics")
    document.add_paragraph("Jan 2019 - Present")
    document.add_paragraph("Built churn models with scikit\u2011learn.", style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph("B.Sc. in Mathematics, University of Leeds, 2018")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_resume():
    doc = read_document_in_process(_resume_docx(), "resume.docx")
    assert doc.source_format == "docx"
    assert [s.name for s in doc.sections] == ["summary", "skills", "experience", "education"]
    assert "Skill | Years\nPython | 6\nSQL | 5" in doc.text
    assert doc.text.index("SQL | 5") < doc.text.index("Experience")
    assert [(p.title, p.employer, p.current) for p in doc.positions] == [
        ("Data Scientist", "Acme Analytics", True)]
    assert "scikit-learn" in doc.text
    assert [(e.level, e.field) for e in doc.education] == [("bachelor", "mathematics")]


def test_docx_through_the_pool_matches_in_process():
    data = _resume_docx()
    settings = Settings(parse_workers=1)
    assert parse_bytes(data, settings=settings) == read_document_in_process(data)


def test_empty_docx():
    buf = io.BytesIO()
    docx.Document().save(buf)
    with pytest.raises(Empty):
        read_document_in_process(buf.getvalue())


def _bomb(size_mb: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/zeros.bin", bytes(size_mb << 20))
    return buf.getvalue()


def test_zip_bomb_declared_size():
    data = _bomb(60)
    assert len(data) < 200_000
    with pytest.raises(TooLarge, match="zip bomb"):
        read_document_in_process(data, settings=Settings(max_upload_bytes=1_000_000))


def test_zip_bomb_lying_about_its_size():
    data = bytearray(_bomb(60))
    # rewrite the uncompressed size of the big entry (local header and central directory)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_len = struct.unpack_from("<H", data, start + (26 if offset == 22 else 28))[0]
            name_at = start + (30 if offset == 22 else 46)
            if data[name_at:name_at + name_len] == b"word/media/zeros.bin":
                struct.pack_into("<I", data, start + offset, 1000)
            start += 4
    with pytest.raises((TooLarge, Corrupt)):
        read_document_in_process(bytes(data), settings=Settings(max_upload_bytes=1_000_000))


def test_damaged_docx():
    data = _resume_docx()
    with pytest.raises(DocumentError) as caught:
        read_document_in_process(data[: len(data) // 2])
    assert isinstance(caught.value, (Corrupt, UnsupportedFormat))
    broken = bytearray(data)
    at = broken.find(b"word/document.xml")
    broken[at + 40: at + 400] = b"\x00" * 360
    with pytest.raises((Corrupt, UnsupportedFormat)):
        read_document_in_process(bytes(broken))


def test_layout_table_reads_cell_by_cell():
    """Two-column Word resumes are often one table row: sidebar cell, main cell."""
    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, lines in ((left, ["SKILLS", "Python", "SQL", "EDUCATION",
                                "M.Sc. Computer Science", "University of Edinburgh",
                                "2014 - 2016"]),
                        (right, ["EXPERIENCE", "Data Scientist, Acme Analytics",
                                 "Jan 2019 - Present", "- Built churn models."])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    doc = read_document_in_process(buf.getvalue())
    assert doc.text.startswith("SKILLS\nPython\nSQL\nEDUCATION")
    assert [s.name for s in doc.sections] == ["skills", "education", "experience"]
    assert [(e.level, e.institution, e.year) for e in doc.education] == [
        ("master", "University of Edinburgh", 2016)]
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Data Scientist", "Acme Analytics")]
