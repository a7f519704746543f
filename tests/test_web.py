"""The candidate page without a browser: headers, template, static files, escaping, JS contract."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader, select_autoescape

from service.documents import ocr
from service.errors import DocumentError, all_error_classes
from service.models import (
    Evidence,
    GroupScore,
    ItemScore,
    MatchReport,
    Versions,
)
from service.models.profile import Citation, SalaryBand
from service.models.report import ExperienceSummary, Gap, RequirementCheck
from service.settings import Settings
from service.web import SecurityHeadersMiddleware, add_security_headers, router, security_headers
from service.web.page import STATIC_DIR, TEMPLATES_DIR, page_context
from service.web.security import STRICT_CSP

PAGE_JS = (STATIC_DIR / "page.js").read_text(encoding="utf-8")


def sample_report() -> MatchReport:
    """A report with every part the page shows, including hostile text in the evidence."""
    line = "Built a <script>alert(1)</script> fraud service in Python & PyTorch"
    python = ItemScore(
        id="python", label="Python", importance="preferred", weight=1.5, credit=1.0, points=3.2,
        matched_skill="python", how="explicit, in experience",
        evidence=[Evidence(text="Python", start=40, end=46, line=line, section="experience",
                           page=1)],
    )
    return MatchReport(
        score=61.5, profile="ml-engineer", profile_kind="profile",
        breakdown=[
            GroupScore(id="languages", name="Programming languages", weight=14, earned=9.6,
                       items=[python]),
            GroupScore(id="platforms", name="ML platforms", weight=10, earned=0.0),
        ],
        requirements=[
            RequirementCheck(id="education", label="Master's degree", met=True,
                             detail="M.Sc. in Computer Science", points=6, weight=6),
            RequirementCheck(id="experience", label="Years of experience", met=None,
                             detail="No dated positions found"),
        ],
        missing_required=["A cloud ML platform (Azure, Google Cloud, IBM Watson or AWS)"],
        matched=[python],
        gaps=[Gap(id="ml-platform", label="A cloud ML platform", importance="required", gain=7.5,
                  why=Citation(text="Employers ask for experience with an ML platform."),
                  closest="Docker", next_step="Deploy one model on SageMaker's free tier.")],
        experience=ExperienceSummary(total_years=6.0),
        salary_band=SalaryBand(label="5-9 years of experience", min_years=5, max_years=10,
                               annual_usd=138000, source="Payscale figures quoted in the guide"),
        warnings=["Two columns were detected; reading order may be imperfect."],
        versions=Versions(skillmatch="0.1.0", taxonomy="1", profile="1"),
    )


def page_app() -> FastAPI:
    """The page router behind the security middleware, without the API."""
    app = FastAPI()
    app.include_router(router)
    add_security_headers(app)

    @app.get("/boom")
    def boom() -> dict[str, str]:
        return {"ok": "yes"}

    return app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(page_app())


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_page_has_a_labelled_file_input_textarea_button_and_live_region(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    tags = parse(response.text).tags
    by_id = {attrs.get("id"): (tag, attrs) for tag, attrs in tags if attrs.get("id")}
    labels = {attrs.get("for") for tag, attrs in tags if tag == "label"}
    assert by_id["resume-file"][1]["type"] == "file" and "resume-file" in labels
    accept = by_id["resume-file"][1]["accept"] or ""
    assert ".pdf" in accept and ".docx" in accept and ".rtf" in accept and ".txt" in accept
    assert by_id["job-text"][0] == "textarea" and "job-text" in labels
    assert by_id["submit"][1]["type"] == "submit"
    assert by_id["results"][1]["aria-live"] == "polite"
    assert by_id["status"][1]["role"] == "status"
    assert "Nothing is stored." in response.text
    assert 'lang="en"' in response.text and 'name="viewport"' in response.text


def test_page_shows_the_configured_upload_limit() -> None:
    settings = Settings(max_upload_bytes=3 * 1024 * 1024, max_text_chars=5000)
    context = page_context(settings)
    assert context.max_upload_mb == "3" and context.max_text_chars == 5000
    app = page_app()
    app.state.settings = settings
    html = TestClient(app).get("/").text
    assert "up to 3 MB" in html and 'data-max-bytes="3145728"' in html
    assert 'maxlength="5000"' in html


def test_page_says_whether_a_scan_or_photo_can_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    app = page_app()
    app.state.settings = Settings(ocr_max_pages=0)
    html = TestClient(app).get("/").text
    assert "not a scanned image" in html and 'data-ocr="false"' in html and ".jpg" not in html
    monkeypatch.setattr(ocr, "available", lambda: True)
    app.state.settings = Settings(ocr_max_pages=4)
    html = TestClient(app).get("/").text
    assert "A scanned PDF or a photo of the page (PNG, JPEG) is read by OCR" in html
    assert "not a scanned image" not in html and 'data-ocr="true"' in html
    assert ".jpg" in html and "image/png" in html  # the file chooser offers photos


def test_page_has_no_inline_script_style_or_event_handler_and_no_external_resource(
    client: TestClient,
) -> None:
    parsed = parse(client.get("/").text)
    assert parsed.script_text == []
    for tag, attrs in parsed.tags:
        assert "style" not in attrs, tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"^(https?:)?//", value), (tag, value)
    scripts = [attrs["src"] for tag, attrs in parsed.tags if tag == "script"]
    assert scripts and all(src.startswith("/static/") for src in scripts)


@pytest.mark.parametrize("path", ["/", "/static/page.js", "/static/page.css", "/static/nope.js",
                                  "/boom", "/missing"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                      "object-src 'none'", "base-uri 'none'", "form-action 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_a_route_cannot_weaken_the_policy() -> None:
    app = FastAPI()
    app.add_middleware(SecurityHeadersMiddleware)

    @app.get("/weak")
    def weak() -> object:
        from fastapi.responses import PlainTextResponse

        return PlainTextResponse("x", headers={"Content-Security-Policy": "default-src *"})

    headers = TestClient(app).get("/weak").headers
    assert headers.get_list("content-security-policy") == [STRICT_CSP]


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=40))
def test_no_path_escapes_the_frame_and_sniffing_protection(suffix: str) -> None:
    for path in ("/" + suffix, "/docs" + suffix, suffix):
        headers = security_headers(path)
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "base-uri 'none'" in csp and "form-action 'self'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        if path not in {"/docs", "/docs/oauth2-redirect"}:
            assert csp == STRICT_CSP


def test_openapi_ui_gets_its_own_policy_but_still_cannot_be_framed() -> None:
    docs = security_headers("/docs")["Content-Security-Policy"]
    assert "'unsafe-inline'" in docs and "frame-ancestors 'none'" in docs
    assert "http" not in docs  # nothing from another origin: the docs work offline
    assert security_headers("/")["Content-Security-Policy"] == STRICT_CSP
    assert security_headers("/v1/analyze")["Content-Security-Policy"] == STRICT_CSP


@pytest.mark.parametrize(("name", "kind"), [
    ("page.js", "text/javascript"), ("page.css", "text/css"), ("favicon.svg", "image/svg+xml"),
])
def test_static_files_are_served_with_their_type(client: TestClient, name: str, kind: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.content == (STATIC_DIR / name).read_bytes()


@pytest.mark.parametrize("path", ["/static/..%2Fsecurity.py", "/static/%2E%2E%2Froutes.py",
                                  "/static/../templates/index.html", "/static/page.py"])
def test_static_route_serves_only_its_own_files(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"SecurityHeadersMiddleware" not in response.content


def test_template_escapes_every_value() -> None:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape())
    context = page_context(Settings()).model_dump()
    context["profile_title"] = '<script>alert(1)</script>"'
    html = env.get_template("index.html").render(asset_version="x", **context)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_script_never_parses_server_data_as_html() -> None:
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"on", "createContextualFragment"):
        assert sink not in PAGE_JS, sink
    assert "textContent" in PAGE_JS and "createTextNode" in PAGE_JS


def test_script_has_a_candidate_message_for_every_error_a_candidate_can_meet() -> None:
    messages = set(re.findall(r"^\s{4}(\w+): ", PAGE_JS, flags=re.MULTILINE))
    candidate_codes = {cls.code for cls in all_error_classes()
                       if issubclass(cls, DocumentError)} | {"rate_limited", "busy",
                                                              "invalid_request"}
    assert candidate_codes <= messages, candidate_codes - messages
    assert {"network", "server", "no_file"} <= messages
    assert "OCR" in PAGE_JS.split("no_text_layer:")[1].split("\n    too_large")[0]


MODEL_FOR_NAME = {
    "report": MatchReport, "group": GroupScore, "item": ItemScore, "gap": Gap,
    "check": RequirementCheck, "band": SalaryBand, "evidence": Evidence,
}


@pytest.mark.parametrize("name", sorted(MODEL_FOR_NAME))
def test_script_reads_only_fields_the_models_have(name: str) -> None:
    model = MODEL_FOR_NAME[name]
    used = set(re.findall(rf"\b{name}\.(\w+)", PAGE_JS))
    assert used, f"page.js never reads a {model.__name__}"
    assert used <= set(model.model_fields), used - set(model.model_fields)


def test_sample_report_is_a_valid_api_shape() -> None:
    report = sample_report()
    data = report.model_dump(mode="json")
    assert MatchReport.model_validate(data) == report
    assert data["matched"][0]["evidence"][0]["line"].count("<script>") == 1


def test_real_app_serves_the_page_with_the_headers(tmp_path: Path) -> None:
    app_module = pytest.importorskip("service.api.app", reason="the API app is not there yet")
    client = TestClient(app_module.create_app(Settings(data_dir=tmp_path, max_upload_bytes=2**20)))
    page = client.get("/")
    assert page.status_code == 200 and 'id="analyze-form"' in page.text
    assert "up to 1 MB" in page.text
    for path in ("/", "/healthz", "/static/page.js", "/v1/jobs", "/nowhere"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == STRICT_CSP, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path


def test_web_package_ships_its_templates_and_static_files() -> None:
    assert (TEMPLATES_DIR / "index.html").is_file()
    assert {p.name for p in STATIC_DIR.iterdir()} >= {"page.js", "page.css", "favicon.svg"}
    assert Path(TEMPLATES_DIR).parent == STATIC_DIR.parent
