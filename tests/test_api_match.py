"""``POST /v1/match``: one resume source, at most one target; anything else is 422."""

from __future__ import annotations

import pytest

from tests.conftest import JOB_TEXT, RESUME_TEXT


def test_every_valid_combination_scores(api_client, auth, stored) -> None:
    bodies = [
        {"resume_id": stored["resume_id"]},
        {"resume_id": stored["resume_id"], "job_id": stored["job_id"]},
        {"resume_id": stored["resume_id"], "job_text": JOB_TEXT},
        {"resume_id": stored["resume_id"], "profile": "ml-engineer"},
        {"resume_text": RESUME_TEXT, "job_id": stored["job_id"]},
        {"resume_text": RESUME_TEXT},
    ]
    reports = []
    for body in bodies:
        response = api_client.post("/v1/match", json=body, headers=auth)
        assert response.status_code == 200, (body, response.text)
        reports.append(response.json())
    assert [r["profile_kind"] for r in reports] == [
        "profile",
        "job",
        "job",
        "profile",
        "job",
        "profile",
    ]
    assert reports[0]["score"] == reports[3]["score"] == reports[5]["score"]
    assert reports[1]["score"] == reports[4]["score"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"profile": "ml-engineer"},
        {"resume_id": "res_x", "resume_text": "Python"},
        {"resume_text": "Python", "job_id": "job_x", "profile": "ml-engineer"},
        {"resume_text": "Python", "job_text": "Python", "profile": "ml-engineer"},
        {"resume_text": ""},
        {"resume_text": "Python", "colour": "blue"},
    ],
)
def test_invalid_combinations_are_422(api_client, auth, body) -> None:
    response = api_client.post("/v1/match", json=body, headers=auth)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_unknown_or_foreign_ids_are_404(api_client, auth, other_auth, stored) -> None:
    for body, headers in (
        ({"resume_id": "res_0000000000000000"}, auth),
        ({"resume_text": RESUME_TEXT, "job_id": "job_0000000000000000"}, auth),
        ({"resume_id": stored["resume_id"]}, other_auth),
        ({"resume_text": RESUME_TEXT, "job_id": stored["job_id"]}, other_auth),
        ({"resume_text": RESUME_TEXT, "profile": "astronaut"}, auth),
    ):
        response = api_client.post("/v1/match", json=body, headers=headers)
        assert response.status_code == 404, body
        assert response.json()["error"]["code"] == "not_found"


def test_pasted_text_obeys_the_text_limit(make_app) -> None:
    from fastapi.testclient import TestClient

    from service.store import keys
    from service.store.db import session_scope

    app = make_app(max_text_chars=1_000)
    with TestClient(app) as client:
        with session_scope(app.state.skillmatch.sessions) as session:
            key, _ = keys.create_key(session, "acme")
        auth = {"Authorization": f"Bearer {key}"}
        for body in (
            {"resume_text": "Python " * 200},
            {"resume_text": "Python", "job_text": "SQL " * 300},
        ):
            response = client.post("/v1/match", json=body, headers=auth)
            assert (
                response.status_code == 413 and response.json()["error"]["code"] == "text_too_long"
            )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "The body names no resume: send resume_id (a stored resume) or resume_text (the "
         "resume as text), and optionally one of job_id, job_text or profile."),
        ({"resume_id": "res_0123456789abcdef", "resume_text": "Python"},
         "The body sends both resume_id and resume_text: send only one of them."),
        ({"resume_text": "Python", "job_text": "Go", "profile": "ml-engineer"},
         "The body sends job_text and profile: send at most one of job_id, job_text or profile "
         "(none: the ml-engineer profile)."),
        (["resume_text"], "The body is an array: send a JSON object with the fields resume_id, "
         "resume_text, job_id, job_text and profile."),
        ("Python", "The body is a string: send a JSON object with the fields resume_id, "
         "resume_text, job_id, job_text and profile."),
        ({"resume_text": "Python", "colour": "blue"}, "colour: not a field of this body (it "
         "takes resume_id, resume_text, job_id, job_text and profile)"),
    ],
)
def test_each_whole_body_mistake_has_its_own_message(api_client, auth, body, message) -> None:
    response = api_client.post("/v1/match", json=body, headers=auth)
    assert response.status_code == 422
    assert response.json()["error"] == {"code": "invalid_request", "message": message}


def test_a_body_not_sent_as_json_names_the_fields_and_the_content_type(api_client, auth) -> None:
    response = api_client.post("/v1/match", content=b'{"resume_text": "Python"}',
                               headers={**auth, "Content-Type": "text/plain"})
    assert response.status_code == 422
    assert response.json()["error"]["message"] == (
        "The body was not sent as JSON (Content-Type: application/json): send a JSON object "
        "with the fields resume_id, resume_text, job_id, job_text and profile.")
    jobs = api_client.post("/v1/jobs", headers={**auth, "Content-Type": "application/json"})
    assert jobs.json()["error"]["message"] == (
        "The body is empty: send a JSON object with the fields title and description "
        "(Content-Type: application/json).")
