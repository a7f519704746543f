"""Every hostile file through both upload doors: ``POST /v1/analyze`` and ``POST /v1/resumes``.

Each answers the status and code of ``docs/errors.md`` (or a result, for recoverable damage)
within the configured time limit, stores nothing on failure, and leaves the server healthy.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from service.store.models import Resume
from tests import pdfgen
from tests.hostile.cases import CASES, GOOD_LINE, Case
from tests.hostile.conftest import HOSTILE_LIMITS

# Parse timeout plus the time to start a replacement reader process on a loaded machine.
ANSWER_WITHIN_S = HOSTILE_LIMITS["parse_timeout_s"] + 6


def _resume_count(app) -> int:
    with app.state.skillmatch.sessions() as session:
        return session.scalar(select(func.count()).select_from(Resume))


def _assert_healthy(client) -> None:
    assert client.get("/readyz").status_code == 200
    good = client.post("/v1/analyze",
                       files={"file": ("ok.pdf", pdfgen.minimal_pdf(GOOD_LINE), "application/pdf")})
    assert good.status_code == 200, good.text
    assert "python" in {s["id"] for s in good.json()["extraction"]["skills"]}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_file_through_both_upload_routes(case: Case, hostile_client, hostile_app,
                                                 hostile_auth) -> None:
    data = case.make()
    for path, headers, ok_status in (("/v1/analyze", {}, 200),
                                     ("/v1/resumes", hostile_auth, 201)):
        before = _resume_count(hostile_app)
        started = time.monotonic()
        response = hostile_client.post(
            path, files={"file": (case.filename, data, "application/octet-stream")},
            headers=headers)
        elapsed = time.monotonic() - started
        assert elapsed < (case.budget_s or ANSWER_WITHIN_S), (path, elapsed)
        body = response.json()
        code = body["error"]["code"] if "error" in body else None
        if case.ok:
            assert response.status_code == ok_status, (path, response.text[:300])
        assert case.accepts(response.status_code, code), (path, response.text[:300])
        if code is not None:
            assert body["error"]["message"]
            assert _resume_count(hostile_app) == before, "a failed upload stored a row"
    _assert_healthy(hostile_client)


def test_recovered_and_ignored_content_reads_as_text(hostile_client) -> None:
    """Damaged xref: the text is recovered; JavaScript/embedded files: never extracted."""
    def text(data: bytes) -> str:
        response = hostile_client.post("/v1/analyze",
                                       files={"file": ("x.pdf", data, "application/pdf")})
        assert response.status_code == 200, response.text[:300]
        return response.json()["extraction"]["document"]["text"]

    assert "Recovered Python resume" in text(pdfgen.damaged_xref_pdf())
    embedded = text(pdfgen.javascript_pdf())
    assert "Python developer" in embedded
    assert "SECRET-EMBEDDED-TEXT" not in embedded and "app.alert" not in embedded


def test_control_characters_never_reach_the_stored_text(hostile_client, hostile_auth) -> None:
    from tests.hostile.cases import text_with_controls

    response = hostile_client.post(
        "/v1/resumes", files={"file": ("c.txt", text_with_controls(), "text/plain")},
        headers=hostile_auth)
    assert response.status_code == 201, response.text[:300]
    text = response.json()["extraction"]["document"]["text"]
    for bad in ("\x00", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b"):
        assert bad not in text
    skills = {s["id"] for s in response.json()["extraction"]["skills"]}
    assert {"python", "sql", "kubernetes", "docker", "pytorch"} <= skills


def test_upload_over_the_size_limit_is_413_on_both_routes(make_app, make_key) -> None:
    from fastapi.testclient import TestClient

    app = make_app(max_upload_bytes=50_000)
    oversized = pdfgen.make_pdf() + b"%" + bytes(60_000)
    with TestClient(app) as client:
        auth = {"Authorization": f"Bearer {make_key('acme')}"}
        for path, headers in (("/v1/analyze", {}), ("/v1/resumes", auth)):
            response = client.post(path, headers=headers,
                                   files={"file": ("big.pdf", oversized, "application/pdf")})
            assert response.status_code == 413, response.text[:200]
            assert response.json()["error"]["code"] == "too_large"
        assert client.get("/readyz").status_code == 200
