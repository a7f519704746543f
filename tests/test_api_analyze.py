"""``POST /v1/analyze``: score an upload, store nothing, obey every limit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from service.store.models import Resume
from tests.conftest import JOB_TEXT, RESUME_TEXT, run_async


def _upload(text: str = RESUME_TEXT, name: str = "resume.txt") -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, text.encode("utf-8"), "text/plain")}


def test_analyze_scores_a_text_resume_against_the_default_profile(api_client, api_app) -> None:
    response = api_client.post("/v1/analyze", files=_upload())
    assert response.status_code == 200, response.text
    body = response.json()
    found = {skill["id"] for skill in body["extraction"]["skills"]}
    assert {"python", "pytorch", "docker", "kubernetes"} <= found
    report = body["report"]
    assert report["profile"] == "ml-engineer" and report["profile_kind"] == "profile"
    assert 0 < report["score"] <= 100
    with api_app.state.skillmatch.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Resume)) == 0


def test_a_job_description_changes_what_the_resume_is_scored_against(api_client) -> None:
    default = api_client.post("/v1/analyze", files=_upload()).json()["report"]
    job = api_client.post("/v1/analyze", files=_upload(), data={"job_text": JOB_TEXT})
    assert job.status_code == 200, job.text
    report = job.json()["report"]
    assert report["profile_kind"] == "job"
    assert report["score"] != default["score"]
    blank = api_client.post("/v1/analyze", files=_upload(), data={"job_text": "  "})
    assert blank.status_code == 422  # a blank posting is refused, not replaced by the profile


def test_profile_field_and_its_errors(api_client) -> None:
    named = api_client.post("/v1/analyze", files=_upload(), data={"profile": "ml-engineer"})
    assert named.status_code == 200
    unknown = api_client.post("/v1/analyze", files=_upload(), data={"profile": "astronaut"})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    both = api_client.post(
        "/v1/analyze", files=_upload(), data={"profile": "ml-engineer", "job_text": JOB_TEXT}
    )
    assert both.status_code == 422 and both.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"data": {"job_text": "x"}}, 422, "invalid_request"),
        ({"json": {"file": "hello"}}, 422, "invalid_request"),
        ({"files": _upload(), "data": {"colour": "blue"}}, 422, "invalid_request"),
        ({"files": {"file": ("cv.txt", b"", "text/plain")}}, 422, "empty"),
        (
            {"files": {"file": ("cv.bin", bytes(range(256)) * 40, "application/octet-stream")}},
            415,
            "unsupported_format",
        ),
    ],
    ids=["no-file", "json-body", "unknown-field", "empty-file", "binary"],
)
def test_bad_uploads_answer_typed_errors(api_client, kwargs, status, code) -> None:
    response = api_client.post("/v1/analyze", **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_upload_over_the_size_limit_is_413(make_app) -> None:
    from fastapi.testclient import TestClient

    with TestClient(make_app(max_upload_bytes=2_000)) as client:
        response = client.post("/v1/analyze", files=_upload(RESUME_TEXT * 3))
        assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
        assert client.post("/v1/analyze", files=_upload()).status_code == 200


def test_body_limit_is_enforced_while_streaming_even_when_content_length_lies(make_app) -> None:

    from fastapi.testclient import TestClient

    from service.api.limits import max_body_bytes

    app = make_app(max_upload_bytes=1_000, max_text_chars=1_000)
    limit = max_body_bytes(app.state.skillmatch.settings)
    content_type = (b"content-type", b"multipart/form-data; boundary=b")
    with TestClient(app) as client:
        declared = client.post(
            "/v1/analyze",
            content=b"x" * 10,
            headers={"Content-Length": str(limit + 1), "Content-Type": content_type[1].decode()},
        )
        assert declared.status_code == 413 and declared.json()["error"]["code"] == "too_large"

    chunk = 4096
    pulled = 0
    sent: list[dict] = []

    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'

    async def receive() -> dict:
        nonlocal pulled
        pulled += 1
        body = head if pulled == 1 else b"x" * chunk
        return {"type": "http.request", "body": body, "more_body": pulled < 10_000}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/analyze",
        "raw_path": b"/v1/analyze",
        "query_string": b"",
        "root_path": "",
        "headers": [content_type, (b"content-length", b"100")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
        "app": app,
    }
    run_async(app(scope, receive, send))
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
    assert b"too_large" in b"".join(m.get("body", b"") for m in sent[1:])
    assert [m["type"] for m in sent].count("http.response.start") == 1
    assert (pulled - 1) * chunk <= limit + chunk  # stopped reading right after the limit


@pytest.fixture
def process_text_limit(monkeypatch):
    """The extractor and the job parser read the process-wide settings: raise the limit there."""
    from service.settings import get_settings

    monkeypatch.setenv("SKILLMATCH_MAX_TEXT_CHARS", "600000")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_text_fields_obey_max_text_chars_not_a_one_megabyte_part_limit(
    make_app, process_text_limit
) -> None:
    from fastapi.testclient import TestClient

    app = make_app(max_text_chars=600_000, max_upload_bytes=100_000)
    long_job = JOB_TEXT + ("数据科学 " * 85_000)
    assert len(long_job.encode("utf-8")) > 1024 * 1024 and len(long_job) < 600_000
    with TestClient(app) as client:
        ok = client.post("/v1/analyze", files=_upload(), data={"job_text": long_job})
        assert ok.status_code == 200, ok.text[:300]
        too_long = client.post("/v1/analyze", files=_upload(), data={"job_text": "a" * 600_001})
        assert too_long.status_code == 413
        assert too_long.json()["error"]["code"] == "text_too_long"


def test_rate_limit_answers_429_with_retry_after(make_app) -> None:
    from fastapi.testclient import TestClient

    with TestClient(make_app(rate_limit_per_minute=2)) as client:
        assert client.post("/v1/analyze", files=_upload()).status_code == 200
        assert client.post("/v1/analyze", files=_upload()).status_code == 200
        limited = client.post("/v1/analyze", files=_upload())
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert client.get("/v1/profiles").status_code == 200


def test_parse_cap_answers_busy_with_retry_after(make_app) -> None:
    from fastapi.testclient import TestClient

    app = make_app(max_concurrent_parses=1)
    with TestClient(app) as client:
        app.state.skillmatch.parse_slots.in_use = 1
        busy = client.post("/v1/analyze", files=_upload())
        assert busy.status_code == 429 and busy.json()["error"]["code"] == "busy"
        assert busy.headers["Retry-After"] == "1"
        app.state.skillmatch.parse_slots.in_use = 0
        assert client.post("/v1/analyze", files=_upload()).status_code == 200


def test_concurrent_uploads_past_the_cap_are_refused_busy_not_queued(make_app):
    import asyncio

    import httpx

    from service.store.migrate import upgrade

    app = make_app(max_concurrent_parses=1)
    upgrade(app.state.skillmatch.settings)  # the schema (rate-limit table); no lifespan runs here
    body = (RESUME_TEXT * 20).encode()

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            files = {"file": ("cv.txt", body, "text/plain")}
            return await asyncio.gather(
                *(client.post("/v1/analyze", files=files) for _ in range(6))
            )

    responses = run_async(burst())
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {200, 429} and 200 in statuses and 429 in statuses, statuses
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 429} == {"busy"}
    assert app.state.skillmatch.parse_slots.in_use == 0
