"""``/v1/jobs``: create, read, list, delete, rank; tenant isolation and text limits."""

from __future__ import annotations

from sqlalchemy import func, select

from service.store.models import MatchScore
from tests.conftest import JOB_TEXT, RESUME_TEXT

BACKEND_RESUME = """Sam Ortiz
Backend developer

Experience
Backend Engineer, Fabrikam (2019 - present)
- Built REST services in Java and Go with PostgreSQL.

Skills
Java, Go, PostgreSQL, Linux
"""


def _post_job(client, auth, title: str = "ML Engineer", description: str = JOB_TEXT):
    return client.post("/v1/jobs", json={"title": title, "description": description}, headers=auth)


def _post_resume(client, auth, text: str, label: str):
    files = {"file": ("cv.txt", text.encode("utf-8"), "text/plain")}
    response = client.post("/v1/resumes", files=files, data={"label": label}, headers=auth)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_create_get_list_delete_a_job(api_client, auth) -> None:
    created = _post_job(api_client, auth)
    assert created.status_code == 201, created.text
    job = created.json()
    assert job["id"].startswith("job_") and job["title"] == "ML Engineer"
    assert job["profile"]["kind"] == "job"
    wanted = {
        skill
        for group in job["profile"]["groups"]
        for item in group["items"]
        for skill in item["any_of"]
    }
    assert {"python", "docker"} <= wanted
    fetched = api_client.get(f"/v1/jobs/{job['id']}", headers=auth)
    assert fetched.status_code == 200 and fetched.json() == job
    listed = api_client.get("/v1/jobs", headers=auth).json()
    assert listed == {
        "items": [{"id": job["id"], "title": "ML Engineer", "created_at": job["created_at"]}],
        "total": 1,
        "limit": 20,
        "offset": 0,
    }
    deleted = api_client.delete(f"/v1/jobs/{job['id']}", headers=auth)
    assert deleted.status_code == 204 and deleted.content == b""
    assert api_client.get(f"/v1/jobs/{job['id']}", headers=auth).status_code == 404
    assert api_client.delete(f"/v1/jobs/{job['id']}", headers=auth).status_code == 404


def test_job_list_paginates(api_client, auth) -> None:
    ids = [_post_job(api_client, auth, title=f"Role {i}").json()["id"] for i in range(5)]
    first = api_client.get("/v1/jobs?limit=2", headers=auth).json()
    last = api_client.get("/v1/jobs?limit=2&offset=4", headers=auth).json()
    assert (
        first["total"] == last["total"] == 5
        and len(first["items"]) == 2
        and len(last["items"]) == 1
    )
    seen = [
        j["id"]
        for offset in (0, 2, 4)
        for j in api_client.get(f"/v1/jobs?limit=2&offset={offset}", headers=auth).json()["items"]
    ]
    assert sorted(seen) == sorted(ids)
    for query in ("limit=0", "limit=101", "offset=-1", "limit=abc"):
        bad = api_client.get(f"/v1/jobs?{query}", headers=auth)
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_job_validation_and_text_limit(make_app, make_key) -> None:
    from fastapi.testclient import TestClient

    app = make_app(max_text_chars=2_000)
    with TestClient(app) as client:
        from service.store import keys
        from service.store.db import session_scope

        with session_scope(app.state.skillmatch.sessions) as session:
            key, _ = keys.create_key(session, "acme")
        auth = {"Authorization": f"Bearer {key}"}
        for body in (
            {"title": "x"},
            {"title": "", "description": "Python"},
            {"title": "x", "description": "y", "extra": 1},
        ):
            bad = client.post("/v1/jobs", json=body, headers=auth)
            assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
        long = client.post(
            "/v1/jobs", json={"title": "x", "description": "Python " * 400}, headers=auth
        )
        assert long.status_code == 413 and long.json()["error"]["code"] == "text_too_long"


def test_ranking_orders_the_tenants_resumes_with_top_gaps(
    api_client, auth, other_auth, api_app
) -> None:
    job_id = _post_job(api_client, auth).json()["id"]
    strong = _post_resume(api_client, auth, RESUME_TEXT, "Dana")
    weak = _post_resume(api_client, auth, BACKEND_RESUME, "Sam")
    _post_resume(api_client, other_auth, RESUME_TEXT, "Not yours")
    ranking = api_client.get(f"/v1/jobs/{job_id}/ranking", headers=auth)
    assert ranking.status_code == 200, ranking.text
    body = ranking.json()
    assert body["job_id"] == job_id and body["total"] == 2
    assert [item["resume_id"] for item in body["items"]] == [strong, weak]
    assert [item["label"] for item in body["items"]] == ["Dana", "Sam"]
    assert body["items"][0]["score"] > body["items"][1]["score"]
    assert 1 <= len(body["items"][1]["top_gaps"]) <= 3
    page = api_client.get(f"/v1/jobs/{job_id}/ranking?limit=1&offset=1", headers=auth).json()
    assert [i["resume_id"] for i in page["items"]] == [weak] and page["total"] == 2
    with api_app.state.skillmatch.sessions() as session:
        assert session.scalar(select(func.count()).select_from(MatchScore)) == 2
    assert api_client.get(f"/v1/jobs/{job_id}/ranking", headers=other_auth).status_code == 404


def test_another_tenants_job_is_not_found(api_client, auth, other_auth) -> None:
    job_id = _post_job(api_client, auth).json()["id"]
    for method, path in (
        ("get", f"/v1/jobs/{job_id}"),
        ("delete", f"/v1/jobs/{job_id}"),
        ("get", f"/v1/jobs/{job_id}/ranking"),
    ):
        response = getattr(api_client, method)(path, headers=other_auth)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert api_client.get("/v1/jobs", headers=other_auth).json()["total"] == 0
    assert api_client.get(f"/v1/jobs/{job_id}", headers=auth).status_code == 200
