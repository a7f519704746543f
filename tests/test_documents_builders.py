"""The builder matrix: one invented resume made the ways resume builders make it must give the
same skills and the same years as its text version. LibreOffice (DOCX → PDF), Chromium (a
two-column HTML page printed to PDF), text in form XObjects (Canva-like) and image-only PDFs
(clean and degraded, read by OCR: at least 90% of the skills on the clean scan, same years).
Each case skips when its tool is missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import resume_builders as rb

from service.documents import document_from_text, ocr, parse_bytes
from tests.installed import extract

pytestmark = pytest.mark.slow
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and Path(p).exists()),
                None)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def expected():
    doc = document_from_text(rb.text_version())
    return {hit.id for hit in extract(doc).skills if hit.explicit}, doc.total_years


def _read(data: bytes):
    doc = parse_bytes(data, "resume.pdf")
    return {hit.id for hit in extract(doc).skills if hit.explicit}, doc


def _libreoffice_pdf(tmp_path: Path) -> bytes:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "resume.docx"
    source.write_bytes(rb.docx_bytes())
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=180, check=True)
    return (tmp_path / "resume.pdf").read_bytes()


def _chromium_pdf(tmp_path: Path) -> bytes:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed")
    page = tmp_path / "resume.html"
    page.write_text(rb.html_two_columns(), encoding="utf-8")
    out = tmp_path / "resume.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", page.as_uri()],
                   capture_output=True, timeout=180, check=True)
    return out.read_bytes()


@pytest.mark.parametrize("builder", ["libreoffice", "chromium", "form_xobjects"])
def test_text_pdfs_give_the_text_versions_skills_and_years(builder, tmp_path, expected):
    data = {"libreoffice": _libreoffice_pdf, "chromium": _chromium_pdf,
            "form_xobjects": lambda _: rb.form_xobject_pdf()}[builder](tmp_path)
    skills, doc = _read(data)
    want, years = expected
    assert skills == want
    assert doc.total_years == years
    assert [p.start for p in doc.positions] == rb.STARTS
    assert not doc.ocr_pages


@pytest.mark.skipif(not ocr.available(), reason="OCR is not installed: " + ocr.INSTALL_HINT)
@pytest.mark.parametrize(("damage", "share"), [
    ({}, 0.9),
    ({"noise": 0.3, "skew": 2.0, "jpeg_quality": 35}, 0.8),
], ids=["clean-scan", "degraded-scan"])
def test_scans_give_the_skills_and_years_by_ocr(damage, share, expected):
    skills, doc = _read(rb.image_pdf(rb.page_image(**damage)))
    want, years = expected
    assert len(skills & want) >= share * len(want)
    assert doc.ocr_pages == [1]
    assert doc.total_years == years
