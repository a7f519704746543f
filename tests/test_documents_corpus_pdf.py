"""The corpus text resumes exported to PDF (one and two columns): extraction from the PDF finds
the same skills as extraction from the text."""

from __future__ import annotations

import os
from pathlib import Path

import pdfgen
import pytest

from service.documents import document_from_text, read_document_in_process
from service.settings import Settings

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _resumes() -> list[Path]:
    shared = os.environ.get("SKILLMATCH_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[1].parent / "shared"
    folder = root / "corpus" / "resumes"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def test_pdf_and_text_give_the_same_skills():
    files = _resumes()
    if not files:
        pytest.skip("../shared/corpus is absent")
    from tests.installed import extract

    settings = Settings(max_pages=60)
    same = missing = extra = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        expected = {hit.id for hit in extract(document_from_text(text)).skills if hit.explicit}
        half = len(lines) // 2
        for data in (pdfgen.make_pdf(lines=lines, name=None),
                     pdfgen.make_pdf([("", lines[:half]), ("", lines[half:])], columns=2,
                                     left_sections=1, name=None)):
            document = read_document_in_process(data, settings=settings)
            found = {hit.id for hit in extract(document).skills if hit.explicit}
            same += len(expected & found)
            missing += len(expected - found)
            extra += len(found - expected)
    assert same / (same + missing) >= 0.97
    assert extra / (same + extra) <= 0.01
