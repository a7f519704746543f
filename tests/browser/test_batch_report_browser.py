"""The coach's batch HTML report in a real Chromium: it fits a phone without sideways scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batch_fakes import fake_report

from service.batch.journal import GroupColumn, Journal, RunHeader, error_record, ok_line
from service.batch.writers import render_outputs

pytestmark = pytest.mark.browser

HEADER = RunHeader(profile="ml-engineer", title="Machine Learning Engineer",
                   groups=[GroupColumn(id="languages", name="Programming languages")])
TEXTS = ["Skills: Python, SQL, PyTorch, statistics, Docker", "Skills: Python and SQL",
         "Skills: docker", "Skills: statistics and PyTorch"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch-report")
    journal_path = folder / "report.html.journal.jsonl"
    with Journal(journal_path, HEADER, resume=False) as journal:
        for i, text in enumerate(TEXTS):
            path = f"coaching/cohort-2026/candidates/resume-of-candidate-number-{i}.txt"
            journal.append_line(ok_line(path, f"/{i}", f"h{i}",
                                        fake_report(text).model_dump_json()), f"/{i}", f"h{i}")
        journal.append(error_record("coaching/cohort-2026/candidates/scanned-resume-export.pdf",
                                    "/x", "hx", "no_text_layer",
                                    "This PDF has no text layer: export it again as text."))
    out = folder / "report.html"
    render_outputs(journal_path, [out])
    return out


@pytest.mark.parametrize("width", [320, 390])
def test_the_report_fits_a_phone_without_sideways_scrolling(browser: Any, report: Path,
                                                            width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(report.as_uri())
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(e => e.tagName + '.' + e.className)""")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert scroll_width <= width and wide == [], (scroll_width, wide[:5])


def test_on_a_phone_each_ranking_row_names_its_fields(browser: Any, report: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(report.as_uri())
    labels = page.evaluate("""() => [...document.querySelectorAll('#ranking + table tbody tr')]
        .slice(0, 1).flatMap(tr => [...tr.cells])
        .map(td => getComputedStyle(td, '::before').content)""")
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    wide_page = desktop.new_page()
    wide_page.goto(report.as_uri())
    header_visible = wide_page.locator("#ranking + table thead").is_visible()
    context.close()
    desktop.close()
    assert labels == ['"#"', "none", '"Score: "', '"Fit: "', '"Biggest gaps: "',
                      '"Required missing: "']
    assert header_visible
