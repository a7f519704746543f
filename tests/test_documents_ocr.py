"""OCR of PDF pages without a text layer: only those pages, inside the reader sandbox, within
its own budget, marked as OCR in the evidence and the report through every door."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pdfgen
import pytest
import resume_builders as rb

from service.documents import document_from_text, parse_bytes, read_document_in_process
from service.documents import ocr
from service.errors import NoTextLayer, ParseTimeout, TooManyPages
from tests.installed import extract
from service.settings import Settings

pytestmark = pytest.mark.skipif(not ocr.available(), reason="OCR needs tesseract-ocr and "
                                "pypdfium2 (" + ocr.INSTALL_HINT + ")")
ROOT = Path(__file__).resolve().parents[1]


def _skills(doc) -> set[str]:
    return {hit.id for hit in extract(doc).skills if hit.explicit}


@pytest.fixture(scope="module")
def text_doc():
    return document_from_text(rb.text_version())


@pytest.fixture(scope="module")
def clean_scan() -> bytes:
    return rb.image_pdf(rb.page_image())


def test_clean_scan_is_read_in_the_sandbox_with_the_same_years(clean_scan, text_doc):
    doc = parse_bytes(clean_scan, "scan.pdf")
    want = _skills(text_doc)
    assert len(_skills(doc) & want) >= 0.9 * len(want)
    assert doc.total_years == text_doc.total_years
    assert [p.start for p in doc.positions] == rb.STARTS
    assert doc.ocr_pages == [1]
    assert any("Read by OCR" in w for w in doc.warnings)


@pytest.mark.slow
@pytest.mark.parametrize("damage", [dict(noise=0.5), dict(skew=3.0), dict(jpeg_quality=20),
                                    dict(shade=True, blur=1.0, skew=1.5, jpeg_quality=40,
                                         noise=0.2)],
                         ids=["noisy", "skewed", "jpeg", "phone"])
def test_degraded_scans_still_give_most_skills(damage, text_doc):
    doc = read_document_in_process(rb.image_pdf(rb.page_image(**damage)))
    want = _skills(text_doc)
    assert len(_skills(doc) & want) >= 0.8 * len(want)


def test_evidence_from_ocr_pages_says_so(clean_scan):
    extraction = extract(read_document_in_process(clean_scan))
    sources = {ev.source for hit in extraction.skills for ev in hit.evidence}
    methods = {ev.method for hit in extraction.skills for ev in hit.evidence}
    assert sources == {"ocr"} and methods <= {"exact", "fuzzy", "context"}


def _merged(*pdfs: bytes) -> bytes:
    import io

    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    for data in pdfs:
        src = pypdfium2.PdfDocument(data)
        out.import_pages(src)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def test_text_pages_keep_their_text_and_the_scanned_page_is_ocrd(clean_scan):
    text_page = pdfgen.make_pdf([("Projects", ["Built a chess engine in Rust."])], name=None)
    doc = read_document_in_process(_merged(text_page, clean_scan))
    assert doc.ocr_pages == [2]
    assert "chess engine in Rust" in doc.text
    found = extract(doc)
    rust = found.skill("rust")
    assert rust is not None and {ev.source for ev in rust.evidence} == {"text"}
    assert {ev.source for ev in found.skill("pytorch").evidence} == {"ocr"}


def test_too_many_scanned_pages_is_refused_with_an_ocr_message(clean_scan):
    data = _merged(*[clean_scan] * 3)
    with pytest.raises(TooManyPages, match="OCR reads at most 2"):
        read_document_in_process(data, settings=Settings(ocr_max_pages=2))


def test_scanned_pages_past_the_budget_beside_text_are_left_out_with_a_warning(clean_scan):
    text_page = pdfgen.make_pdf([("Skills", ["Go, Rust"])], name=None)
    doc = read_document_in_process(_merged(text_page, clean_scan, clean_scan),
                        settings=Settings(ocr_max_pages=1))
    assert doc.ocr_pages == [2]
    assert any("1 scanned pages were not read" in w for w in doc.warnings)


def test_a_page_over_its_ocr_time_is_a_timeout_that_says_ocr(clean_scan):
    with pytest.raises(ParseTimeout, match="OCR of page 1 took longer than 0.01 s"):
        read_document_in_process(clean_scan, settings=Settings(ocr_page_timeout_s=0.01))


def test_sandbox_waits_for_the_ocr_budget_not_just_the_parse_timeout(clean_scan):
    settings = Settings(parse_timeout_s=0.8, ocr_page_timeout_s=20)
    from service.documents import DocumentPool

    with DocumentPool(settings, workers=1) as pool:
        pool.warm()
        assert pool.parse(clean_scan, settings=settings).ocr_pages == [1]


def test_ocr_switched_off_names_the_install():
    with pytest.raises(NoTextLayer, match="tesseract-ocr"):
        read_document_in_process(rb.image_pdf(rb.page_image()), settings=Settings(ocr_max_pages=0))


def test_blank_scan_is_no_text_layer_saying_ocr_found_nothing():
    with pytest.raises(NoTextLayer, match="OCR found no text"):
        read_document_in_process(pdfgen.image_only_pdf())


def test_analyze_api_marks_the_report_and_evidence(api_client, clean_scan):
    response = api_client.post("/v1/analyze",
                               files={"file": ("scan.pdf", clean_scan, "application/pdf")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["report"]["warning_codes"] == ["ocr_used"]
    assert any("Read by OCR" in w for w in body["report"]["warnings"])
    found = {s["id"] for s in body["extraction"]["skills"]}
    assert len(found & rb.SKILL_IDS) >= 0.8 * len(rb.SKILL_IDS)
    assert {ev["source"] for s in body["extraction"]["skills"] for ev in s["evidence"]} == {"ocr"}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from service.cli import app; app()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.mark.slow
def test_extract_and_batch_commands_mark_ocr(tmp_path, clean_scan):
    (tmp_path / "scan.pdf").write_bytes(clean_scan)
    result = _cli("extract", "scan.pdf", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    body = body[0] if isinstance(body, list) else body
    skills = body.get("skills") or body.get("extraction", {}).get("skills")
    assert len({s["id"] for s in skills} & rb.SKILL_IDS) >= 0.8 * len(rb.SKILL_IDS)
    assert {ev["source"] for s in skills for ev in s["evidence"]} == {"ocr"}
    result = _cli("batch", "scan.pdf", "--out", "rows.jsonl", "--out", "rows.html",
                  "--out", "rows.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    row = json.loads((tmp_path / "rows.jsonl").read_text().splitlines()[0])
    assert row["report"]["warning_codes"] == ["ocr_used"]
    assert "Read by OCR" in (tmp_path / "rows.html").read_text()
    with (tmp_path / "rows.csv").open(newline="", encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["warnings"] == "ocr_used"


def test_a_huge_page_is_rendered_within_the_pixel_cap():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (400, 400), 255).save(buffer, "PDF", resolution=1.0)  # 400 x 400 inches
    image = ocr.render_pages(buffer.getvalue(), [1])[0]
    assert image.width * image.height <= ocr.MAX_RENDER_PIXELS


def test_a_process_that_is_its_own_sandbox_gives_ocr_its_budget(clean_scan):
    from service.documents import read_document_limited

    settings = Settings(parse_timeout_s=0.5, ocr_page_timeout_s=30)
    assert read_document_limited(clean_scan, settings=settings).ocr_pages == [1]
