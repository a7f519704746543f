"""Hostile text through the JSON and form doors: job descriptions and pasted resumes.

2 MB job descriptions answer 413 ``text_too_long`` whichever way they arrive; control characters,
lone surrogates and right-to-left overrides are read, never a 500; a document on one huge line
gives an answer proportional to its size (the evidence line is a window, not the whole line).
"""

from __future__ import annotations

import json
import time

import pytest

from service.extract.extractor import LINE_CONTEXT
from tests.conftest import JOB_TEXT, RESUME_TEXT
from tests.hostile.cases import one_line

TWO_MB_JOB = JOB_TEXT + "\n" + "- Experience with Python, SQL and Docker in production.\n" * 37_000
# (text, status): JSON may escape lone surrogates, but they are not text: 422 invalid_request.
NASTY = [("\x00 \u202eSQL\u202c \u2066Docker\u2069 \ufeff \u200d", 201), ("\x00" * 50, 201),
         ("\u202e" * 100 + "Python", 201), ("\ud800 \udfff", 422), ("\ud83d" * 40, 422)]


def test_two_megabyte_job_description_is_413_through_every_door(hostile_client,
                                                                hostile_auth) -> None:
    assert len(TWO_MB_JOB.encode()) > 2_000_000
    files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
    answers = {
        "POST /v1/jobs": hostile_client.post(
            "/v1/jobs", json={"title": "MLE", "description": TWO_MB_JOB}, headers=hostile_auth),
        "job_text on /v1/analyze": hostile_client.post(
            "/v1/analyze", files=files, data={"job_text": TWO_MB_JOB}),
        "job_text on /v1/match": hostile_client.post(
            "/v1/match", json={"resume_text": RESUME_TEXT, "job_text": TWO_MB_JOB},
            headers=hostile_auth),
        "resume_text on /v1/match": hostile_client.post(
            "/v1/match", json={"resume_text": TWO_MB_JOB}, headers=hostile_auth),
    }
    for door, response in answers.items():
        assert response.status_code == 413, (door, response.text[:200])
        assert response.json()["error"]["code"] == "text_too_long", door
    assert hostile_client.get("/v1/jobs", headers=hostile_auth).json()["total"] == 0


def _post_json(client, path: str, body: dict, headers: dict[str, str]):
    """JSON with ``\\uXXXX`` escapes, so lone surrogates reach the server as JSON allows."""
    return client.post(path, content=json.dumps(body),
                       headers={**headers, "Content-Type": "application/json"})


@pytest.mark.parametrize(("nasty", "status"), NASTY,
                         ids=["controls", "nuls", "rtl", "lone-surrogates", "high-surrogates"])
def test_control_characters_and_surrogates_in_json_text(hostile_client, hostile_auth,
                                                        nasty: str, status: int) -> None:
    resume = RESUME_TEXT.replace("PyTorch", "Py" + nasty + "Torch PyTorch")
    job = JOB_TEXT + nasty + "\n- Kubernetes " + nasty + "\n"
    matched = _post_json(hostile_client, "/v1/match", {"resume_text": resume, "job_text": job},
                         hostile_auth)
    created = _post_json(hostile_client, "/v1/jobs", {"title": "MLE " + nasty, "description": job},
                         hostile_auth)
    if status == 422:
        for response in (matched, created):
            assert response.status_code == 422, response.text[:300]
            assert response.json()["error"]["code"] == "invalid_request"
        return
    assert matched.status_code == 200, matched.text[:300]
    assert 0 <= matched.json()["score"] <= 100
    assert created.status_code == 201, created.text[:300]
    job_id = created.json()["id"]
    assert hostile_client.get(f"/v1/jobs/{job_id}", headers=hostile_auth).status_code == 200
    assert hostile_client.delete(f"/v1/jobs/{job_id}", headers=hostile_auth).status_code == 204


def test_one_huge_line_gives_a_proportional_answer(hostile_client) -> None:
    """Before the evidence window, 50 kB on one line answered 330 MB (every mention carried the
    whole line); now the answer grows linearly with the upload."""
    data = one_line(60_000)
    started = time.monotonic()
    response = hostile_client.post("/v1/analyze", files={"file": ("line.txt", data, "text/plain")})
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text[:300]
    assert len(response.content) < 200 * len(data), len(response.content)
    for hit in response.json()["extraction"]["skills"]:
        for evidence in hit["evidence"]:
            assert evidence["text"] in evidence["line"]
            assert len(evidence["line"]) <= 2 * LINE_CONTEXT + len(evidence["text"])
    assert elapsed < 60
