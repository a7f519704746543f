"""The sample resumes exported by LibreOffice (headless) to PDF, DOCX and RTF read like the text:
same skills, sections and positions. Skips without ``soffice``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from service.documents import document_from_text, read_document_in_process

pytestmark = pytest.mark.slow
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "resumes"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    sources = sorted(SAMPLES.glob("*.txt"))
    if soffice is None or not sources:
        pytest.skip("LibreOffice (soffice) or samples/resumes is missing")
    out = tmp_path_factory.mktemp("office")
    profile = out / "profile"
    for target in ("pdf", "docx:MS Word 2007 XML", "rtf:Rich Text Format"):
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", target, "--outdir", str(out), *map(str, sources)],
                       check=True, capture_output=True, timeout=300)
    return out, sources


@pytest.mark.parametrize("kind", ["pdf", "docx", "rtf"])
def test_office_exports_read_like_the_text(exported, kind):
    from tests.installed import extract

    out, sources = exported
    same = missing = extra = 0
    for source in sources:
        text_doc = document_from_text(source.read_text(encoding="utf-8"))
        doc = read_document_in_process((out / f"{source.stem}.{kind}").read_bytes())
        assert doc.source_format == kind
        expected = {h.id for h in extract(text_doc).skills if h.explicit}
        found = {h.id for h in extract(doc).skills if h.explicit}
        same, missing, extra = (same + len(expected & found), missing + len(expected - found),
                                extra + len(found - expected))
        assert [(p.start, p.current) for p in doc.positions] == [
            (p.start, p.current) for p in text_doc.positions], source.name
        assert [e.level for e in doc.education] == [e.level for e in text_doc.education]
    assert missing <= 0.01 * (same + missing)
    assert extra <= 0.01 * (same + extra)
