"""Resume and posting text is data, never markup or formulas: a real ``skillmatch batch`` over
payload-laden resumes and a job whose title is a script writes an HTML report with no injected
element or handler and a CSV with no cell a spreadsheet would run; the API answers JSON only."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import RESUME_TEXT

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(2)>',
            "javascript:alert(3)", "<iframe src=//evil.example>", "{{ 7*7 }}", "=1+1",
            "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3"]
JOB = ('<script>alert("title")</script> Engineer <img src=x onerror=alert(9)>\n'
       "Requirements:\n- Python and SQL\n- Docker <b onmouseover=alert(4)>and</b> Kubernetes\n")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


@pytest.mark.slow
def test_batch_html_and_csv_carry_payloads_as_inert_text(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index, payload in enumerate(PAYLOADS):
        body = RESUME_TEXT.replace("Python, SQL", f"Python, {payload}, SQL")
        body += f"\nProjects\n{payload} Built with Docker {payload}\n"
        name = payload.replace("/", "_")[:40] + f"-{index}.txt"
        (inputs / name).write_text(body)
    (tmp_path / "job.txt").write_text(JOB)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", "from service.cli import app; app()", "batch", "*.txt", "--job",
         "../job.txt", "--workers", "1", "--out", "../r.csv", "--out", "../r.html"],
        cwd=inputs, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]

    html = (tmp_path / "r.html").read_text()
    parser = _Elements()
    parser.feed(html)
    assert not {"script", "img", "svg", "iframe"} & set(parser.tags), set(parser.tags)
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
    assert not [value for _, value in parser.attrs if value and "javascript:" in value]
    assert "&lt;script&gt;alert(" in html  # the title and the evidence are shown, escaped
    assert "49" not in html.split("{{ 7*7 }}")[0][-5:]  # no template evaluation of resume text

    with (tmp_path / "r.csv").open(newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(PAYLOADS) + 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    paths = [row[0] for row in rows[1:]]
    assert "'=1+1-6.txt" in paths and "'@SUM(A1)-7.txt" in paths, paths  # escaped, not dropped


def test_the_api_never_answers_resume_text_as_html(api_client) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = RESUME_TEXT.replace("Python, SQL", f"Python, {payload}, SQL")
    response = api_client.post("/v1/analyze",
                               files={"file": ("<b>cv</b>.html", text.encode(), "text/html")})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert payload in response.json()["extraction"]["text"]  # data, returned as JSON
    page = api_client.get("/")
    assert payload not in page.text and "<b>cv</b>" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
