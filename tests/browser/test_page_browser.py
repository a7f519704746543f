"""The candidate page in a real Chromium against the real app: upload, job text, errors, escaping,
keyboard-only use, phone width, contrast."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

RESUME = [
    ("Summary", ["Data scientist with four years of experience training retail demand models."]),
    ("Skills", ["Python, pandas, scikit-learn, SQL, Git"]),
    ("Experience", [
        "Data Scientist, Northwind Retail",
        "Mar 2021 - Present",
        "- Built demand forecasting models in Python with scikit-learn and pandas.",
        "- Wrote SQL feature pipelines and tracked experiments in Git.",
        "Analyst, Contoso Foods",
        "Jan 2019 - Feb 2021",
        "- Reported weekly sales with SQL and Excel.",
    ]),
    ("Education", ["M.Sc. in Statistics, University of Leeds, 2018"]),
]

JOB = """Senior Data Engineer, Fabrikam
Requirements:
- 5+ years of experience building data pipelines in Java or Scala
- Strong experience with Apache Spark and Kafka
- Experience with Snowflake, dbt and Airflow
Nice to have: Terraform and Go.
"""

CONTRAST_JS = """
() => {
  function rgb(s) { const m = s.match(/[\\d.]+/g) || []; return m.map(Number); }
  function lum(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) { return c; }
    }
    return [255, 255, 255];
  }
  const bad = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || el.closest("[hidden]")) { continue; }
    const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) {
      const text = el.textContent.trim().slice(0, 40);
      bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} ${text}`);
    }
  }
  return bad;
}
"""


@pytest.fixture(scope="module")
def pdf(make_pdf: Callable[[list[tuple[str, list[str]]]], bytes]) -> bytes:
    """The resume above as a text PDF."""
    return make_pdf(RESUME)


def upload(page: Any, name: str, data: bytes, mime: str) -> None:
    page.set_input_files("#resume-file", files=[{"name": name, "mimeType": mime, "buffer": data}])


def wait_for_result(page: Any) -> str:
    page.wait_for_selector("#results:not([hidden]) #score", timeout=60_000)
    return str(page.text_content("#score .score-num"))


def profile_item_label(item_id: str) -> str:
    from service.taxonomy import get_profile

    profile = get_profile("ml-engineer")
    items = [item for group in profile.groups for item in group.items]
    return next(item.label for item in items if item.id == item_id)


def test_pdf_upload_shows_score_breakdown_evidence_and_a_named_gap(page: Any, pdf: bytes) -> None:
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    score = float(wait_for_result(page))
    assert 0 < score < 100
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert "Machine Learning Engineer" in page.text_content(".score-target") or \
        "machine-learning engineer" in page.text_content(".score-target")
    assert page.locator(".groups .group").count() >= 3
    python = page.locator(".match", has_text="Python").first
    assert "Python" in python.locator(".evidence").inner_text()
    gaps = page.locator(".gap-list > li")
    if gaps.count() > 5:
        assert page.locator(".gap-list > li:visible").count() == 5
        page.click("button.more")
        assert page.locator(".gap-list > li:visible").count() == gaps.count()
        assert page.get_attribute("button.more", "aria-expanded") == "true"
    platform = profile_item_label("ml-platform")  # named in the full list, with its next step
    assert platform in page.inner_text(".gap-list")
    gap = page.locator(".gap", has_text=platform).first
    assert gap.locator(".next").inner_text().startswith("Next step:")
    assert "Nothing you uploaded was stored." in page.inner_text("#results")


def test_pasting_a_job_description_changes_the_score(page: Any, pdf: bytes) -> None:
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    profile_score = wait_for_result(page)
    page.fill("#job-text", JOB)
    page.click("#submit")
    page.wait_for_selector(".score-target:has-text('for the job')", timeout=60_000)
    job_score = page.text_content("#score .score-num")
    assert job_score != profile_score
    assert page.locator(".salary").count() == 0
    gaps = str(page.text_content(".gap-list"))
    assert "Spark" in gaps or "Kafka" in gaps or "Scala" in gaps


def test_salary_band_for_the_profile_uses_the_candidate_years(page: Any, pdf: bytes) -> None:
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    wait_for_result(page)
    salary = page.inner_text(".salary")
    assert "Salary guide" in salary and "$" in salary
    assert "years of experience" in salary


def test_a_gif_is_refused_with_a_clear_message(page: Any) -> None:
    gif = b"GIF89a" + bytes(200)
    upload(page, "photo.pdf", gif, "application/pdf")
    page.click("#submit")
    status = page.wait_for_selector("#status.status-error", timeout=30_000)
    text = status.inner_text()
    assert "We could not check this resume" in text
    assert "PDF, DOCX, RTF, TXT" in text and "JSON Resume" in text and "PNG" in text
    assert page.get_attribute("#status", "data-code") == "unsupported_format"
    assert page.is_hidden("#results")


@pytest.mark.parametrize(("maker", "code", "words"), [
    ("encrypted_pdf", "encrypted", "password"),
    ("image_only_pdf", "no_text_layer", "OCR"),
    ("truncated_pdf", "corrupt", "damaged"),
])
def test_broken_pdfs_get_the_candidate_message_from_the_real_server(
    page: Any, pdfgen: Any, maker: str, code: str, words: str,
) -> None:
    upload(page, "resume.pdf", getattr(pdfgen, maker)(), "application/pdf")
    page.click("#submit")
    status = page.wait_for_selector("#status.status-error", timeout=30_000)
    assert page.get_attribute("#status", "data-code") == code
    assert words in status.inner_text()


MOCK_ERRORS = [
    ("no_text_layer", 422, "no text layer, and OCR"),
    ("too_large", 413, "MB limit"),
    ("encrypted", 422, "password-protected"),
    ("unsupported_format", 415, "PDF, DOCX, RTF, TXT"),
    ("corrupt", 422, "damaged"),
    ("too_many_pages", 422, "page limit"),
    ("timeout", 422, "took too long"),
    ("empty", 422, "No text was found"),
    ("text_too_long", 413, "too long"),
    ("rate_limited", 429, "wait a moment"),
    ("busy", 429, "busy"),
    ("invalid_request", 422, "not accepted"),
]


@pytest.mark.parametrize(("code", "status", "words"), MOCK_ERRORS)
def test_every_error_code_gets_its_own_message(page: Any, code: str, status: int,
                                               words: str) -> None:
    """The server's answer is replaced, so every code is seen exactly as the API sends it."""
    body = {"error": {"code": code, "message": "server wording"}}
    page.route("**/v1/analyze", lambda route: route.fulfill(
        status=status, json=body, headers={"Retry-After": "7"} if status == 429 else {}))
    upload(page, "resume.txt", b"Python developer", "text/plain")
    page.click("#submit")
    text = page.wait_for_selector("#status.status-error").inner_text()
    assert words in text and "server wording" not in text
    if status == 429:
        assert "7 seconds" in text
    assert page.is_enabled("#submit")


def test_a_network_failure_says_so(page: Any) -> None:
    page.route("**/v1/analyze", lambda route: route.abort("internetdisconnected"))
    upload(page, "resume.txt", b"Python developer", "text/plain")
    page.click("#submit")
    text = page.wait_for_selector("#status.status-error").inner_text()
    assert "could not be reached" in text
    assert page.get_attribute("#status", "data-code") == "network"


def test_an_unexpected_server_failure_is_not_shown_raw(page: Any) -> None:
    page.route("**/v1/analyze", lambda route: route.fulfill(status=502, body="<html>Bad gateway"))
    upload(page, "resume.txt", b"Python developer", "text/plain")
    page.click("#submit")
    text = page.wait_for_selector("#status.status-error").inner_text()
    assert "went wrong on our side" in text and "Bad gateway" not in text


def test_a_file_over_the_limit_is_refused_before_sending(page: Any) -> None:
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url)
            if "/v1/analyze" in request.url else None)
    page.evaluate("""() => {
        const limit = Number(document.getElementById("analyze-form").dataset.maxBytes);
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(limit + 1)], "big.pdf", {type: "application/pdf"}));
        const input = document.getElementById("resume-file");
        input.files = data.files;
        input.dispatchEvent(new Event("change"));
    }""")
    assert "big.pdf" in page.inner_text("#resume-chosen")
    page.click("#submit")
    assert "MB limit" in page.inner_text("#status")
    assert page.get_attribute("#status", "data-code") == "too_large"
    assert sent == []


def test_drag_and_drop_chooses_the_file(page: Any) -> None:
    page.evaluate("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["Python and SQL developer"], "dropped.txt", {type: "text/plain"}));
        const zone = document.getElementById("dropzone");
        const init = {dataTransfer: data, bubbles: true, cancelable: true};
        zone.dispatchEvent(new DragEvent("dragover", init));
        zone.dispatchEvent(new DragEvent("drop", init));
    }""")
    assert "dropped.txt" in page.inner_text("#resume-chosen")
    assert page.evaluate("document.getElementById('resume-file').files[0].name") == "dropped.txt"
    page.click("#submit")
    wait_for_result(page)


def test_submitting_without_a_file_says_what_to_do(page: Any) -> None:
    page.click("#submit")
    assert "Choose your resume file first" in page.inner_text("#status")
    assert page.evaluate("document.activeElement.id") == "resume-file"


def test_markup_in_a_resume_is_shown_as_text(page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = ("Jane Example\nSkills\n"
               "Python <script>alert(1)</script> and PyTorch "
               "<img src=x onerror=\"window.pwned=1\">\n"
               "Experience\nML Engineer, Acme, 2019 - 2024\n"
               "- Shipped models with Python and Docker.\n")
    upload(page, "resume.txt", hostile.encode(), "text/plain")
    page.click("#submit")
    wait_for_result(page)
    page.wait_for_timeout(300)
    results_text = page.inner_text("#results")
    assert "<script>alert(1)</script>" in results_text
    assert page.locator("#results script, #results img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert dialogs == []


HOSTILE = '<img src=x onerror="window.pwned=1"><b>bold</b>&amp;'


def hostile_answer() -> dict[str, Any]:
    """An /v1/analyze answer with markup in every text field the page shows."""
    from service.models import (
        Citation,
        Document,
        Evidence,
        Extraction,
        GroupScore,
        ItemScore,
        MatchReport,
        RequirementCheck,
        SalaryBand,
        Versions,
    )
    from service.models.report import ExperienceSummary, Gap

    def tag(name: str) -> str:
        return f"{name} {HOSTILE}"

    item = ItemScore(id="x", label=tag("label"), importance="required", weight=1, credit=1,
                     points=2, how=tag("how"),
                     evidence=[Evidence(text="x", start=0, end=1, line=tag("line"),
                                        section=tag("section"), page=1)])
    versions = Versions(skillmatch=tag("v"), taxonomy="1")
    report = MatchReport(
        score=50, profile=tag("job"), profile_kind="job",
        breakdown=[GroupScore(id="g", name=tag("group"), weight=10, earned=5, items=[item])],
        requirements=[RequirementCheck(id="education", label=tag("req"), met=False,
                                       detail=tag("detail"))],
        missing_required=[tag("missing")], matched=[item],
        gaps=[Gap(id="y", label=tag("gap"), importance="required", gain=3,
                  why=Citation(text=tag("why")), closest=tag("closest"), next_step=tag("next"))],
        experience=ExperienceSummary(total_years=3),
        salary_band=SalaryBand(label=tag("band"), min_years=0, annual_usd=1, source=tag("src")),
        warnings=[tag("warning")], versions=versions,
    )
    extraction = Extraction(text="x", document=Document(text="x", warnings=[tag("docwarn")]),
                            versions=versions)
    return {"extraction": extraction.model_dump(mode="json"),
            "report": report.model_dump(mode="json")}


def test_every_field_of_the_report_is_inserted_as_text(page: Any) -> None:
    answer = hostile_answer()
    page.route("**/v1/analyze", lambda route: route.fulfill(status=200, json=answer))
    upload(page, "resume.txt", b"Python developer", "text/plain")
    page.click("#submit")
    wait_for_result(page)
    text = page.inner_text("#results")
    for name in ("label", "how", "line", "job", "group", "req", "detail", "missing", "gap", "why",
                 "closest", "next", "warning", "docwarn", "v"):
        assert f"{name} {HOSTILE}" in text, name
    assert page.locator("#results img, #results b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_keyboard_only_upload(page: Any, pdf: bytes) -> None:
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "resume-file":
            break
    assert page.evaluate("document.activeElement.id") == "resume-file"
    page.locator(":focus").set_input_files(
        files=[{"name": "resume.pdf", "mimeType": "application/pdf", "buffer": pdf}]
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "job-text"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "submit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused button shows no focus ring"
    page.keyboard.press("Enter")
    wait_for_result(page)
    assert page.evaluate("document.activeElement.id") == "results-heading"


def test_phone_width_has_no_horizontal_scroll_and_text_meets_contrast(
    browser: Any, live_server: str, pdf: bytes,
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(live_server + "/")
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    wait_for_result(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide at a 360px viewport"
    assert page.evaluate(CONTRAST_JS) == []
    page.fill("#job-text", "")
    upload(page, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    page.click("#submit")
    page.wait_for_selector("#status.status-error", timeout=30_000)
    assert page.evaluate(CONTRAST_JS) == []
    context.close()


@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("phone", 390)])
def test_screenshots(browser: Any, live_server: str, pdf: bytes, tmp_path: Path, name: str,
                     width: int) -> None:
    """Renders the page with a result; writes docs/screenshots/ when SKILLMATCH_SCREENSHOTS=1."""
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.goto(live_server + "/")
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    wait_for_result(page)
    page.evaluate("document.activeElement.blur()")
    target = SCREENSHOT_DIR if os.environ.get("SKILLMATCH_SCREENSHOTS") == "1" else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"page-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    context.close()
    assert path.stat().st_size > 10_000
    _shrink(path)


def _shrink(path: Path) -> None:
    """Re-save a screenshot with a 256-colour palette (a third of the size, same look)."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def test_api_docs_render_offline_with_no_request_to_another_origin(
        browser: Any, live_server: str) -> None:
    """Swagger UI at /docs draws the operations from local assets under its CSP."""
    context = browser.new_context()
    tab = context.new_page()
    foreign: list[str] = []
    problems: list[str] = []
    tab.on("request", lambda request: foreign.append(request.url)
           if not request.url.startswith(live_server) and not request.url.startswith("data:")
           else None)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda msg: problems.append(msg.text)
           if msg.type == "error" and "Content Security Policy" in msg.text else None)
    tab.goto(live_server + "/docs")
    tab.wait_for_selector(".opblock", timeout=20_000)
    assert "/v1/analyze" in tab.inner_text("body")
    assert tab.locator(".opblock").count() >= 10
    context.close()
    assert foreign == [] and problems == [], (foreign, problems)


def test_an_error_after_sending_takes_keyboard_focus(page: Any) -> None:
    """The button is disabled while the request runs, so focus must not fall to <body>."""
    page.route("**/v1/analyze", lambda route: route.fulfill(
        status=422, json={"error": {"code": "corrupt", "message": "x"}}))
    upload(page, "resume.txt", b"Python developer", "text/plain")
    page.focus("#submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#status.status-error")
    assert page.evaluate("document.activeElement.id") == "status"
    page.keyboard.press("Tab")  # Tab goes on from the message, not from the top of the page
    assert page.evaluate("document.activeElement.tagName") != "BODY"
    page.unroute("**/v1/analyze")
    page.route("**/v1/analyze", lambda route: route.abort("internetdisconnected"))
    page.click("#submit")
    page.wait_for_selector("#status[data-code='network']")
    assert page.evaluate("document.activeElement.id") == "status"


def test_choosing_a_new_file_clears_the_previous_result(page: Any, pdf: bytes) -> None:
    upload(page, "resume.pdf", pdf, "application/pdf")
    page.click("#submit")
    wait_for_result(page)
    upload(page, "other.txt", b"Python and SQL developer", "text/plain")
    assert page.is_hidden("#results")
    assert page.inner_text("#results-body") == ""
    assert "other.txt" in page.inner_text("#resume-chosen")
    page.route("**/v1/analyze", lambda route: route.fulfill(
        status=422, json={"error": {"code": "corrupt", "message": "x"}}))
    page.click("#submit")
    page.wait_for_selector("#status.status-error")
    upload(page, "third.txt", b"Python developer", "text/plain")
    assert page.inner_text("#status") == ""


def test_the_file_name_is_shown_once(page: Any) -> None:
    assert page.inner_text("#resume-chosen") == "No file chosen yet."
    upload(page, "my-resume.txt", b"Python developer", "text/plain")
    assert page.inner_text("#resume-chosen").startswith("Selected: my-resume.txt (")
    caption = page.evaluate("getComputedStyle(document.getElementById('resume-file')).color")
    button = page.evaluate(
        "getComputedStyle(document.getElementById('resume-file'), '::file-selector-button').color")
    assert caption == "rgba(0, 0, 0, 0)", "the file button's own caption repeats the name"
    assert button != "rgba(0, 0, 0, 0)"


def test_a_scanned_resume_is_read_by_ocr_and_the_page_says_so(page: Any) -> None:
    from service.documents import ocr

    if not ocr.available():
        pytest.skip("OCR is not installed: " + ocr.INSTALL_HINT)
    import resume_builders as rb

    upload(page, "scan.pdf", rb.image_pdf(rb.page_image()), "application/pdf")
    page.click("#submit")
    assert 0 < float(wait_for_result(page)) < 100
    assert "Read by OCR" in page.inner_text("#results")
    matched = page.inner_text("#results")
    assert sum(name in matched for name in ("Python", "PyTorch", "Kubernetes", "SQL",
                                             "Docker", "Airflow", "Tableau")) >= 6
