"""``DELETE /v1/data`` and what API keys can and cannot do."""

from __future__ import annotations

from sqlalchemy import func, select

from service.store import keys
from service.store.db import session_scope
from service.store.models import Job, MatchScore, Resume
from tests.conftest import JOB_TEXT, RESUME_TEXT


def _fill(client, auth) -> str:
    files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
    assert client.post("/v1/resumes", files=files, headers=auth).status_code == 201
    job_id = client.post(
        "/v1/jobs", json={"title": "MLE", "description": JOB_TEXT}, headers=auth
    ).json()["id"]
    assert client.get(f"/v1/jobs/{job_id}/ranking", headers=auth).status_code == 200
    return job_id


def _counts(app, tenant: str) -> tuple[int, int, int]:
    with app.state.skillmatch.sessions() as session:
        tenant_id = keys.get_or_create_tenant(session, tenant).id
        return tuple(  # type: ignore[return-value]
            session.scalar(
                select(func.count()).select_from(model).where(model.tenant_id == tenant_id)
            )
            for model in (Job, Resume, MatchScore)
        )


def test_delete_data_purges_only_the_callers_data_and_keeps_the_key(
    api_client, api_app, auth, other_auth
) -> None:
    _fill(api_client, auth)
    _fill(api_client, other_auth)
    assert _counts(api_app, "acme") == (1, 1, 1)
    response = api_client.delete("/v1/data", headers=auth)
    assert response.status_code == 204 and response.content == b""
    assert _counts(api_app, "acme") == (0, 0, 0)
    assert _counts(api_app, "globex") == (1, 1, 1)
    assert api_client.get("/v1/resumes", headers=auth).json()["total"] == 0
    assert api_client.get("/v1/resumes", headers=other_auth).json()["total"] == 1


def test_missing_invalid_and_revoked_keys_are_401(api_client, api_app, make_key) -> None:
    key = make_key("acme")
    headers = {"Authorization": f"Bearer {key}"}
    job_id = _fill(api_client, headers)
    for bad in (
        {},
        {"Authorization": "Bearer sm_not-a-real-key"},
        {"Authorization": f"Basic {key}"},
        {"Authorization": key},
    ):
        response = api_client.get("/v1/jobs", headers=bad)
        assert response.status_code == 401, bad
        assert response.json()["error"]["code"] == "unauthorized"
    with session_scope(api_app.state.skillmatch.sessions) as session:
        key_id = keys.authenticate(session, key).key_id  # type: ignore[union-attr]
        keys.revoke_key(session, key_id)
    revoked = api_client.get(f"/v1/jobs/{job_id}", headers=headers)
    assert revoked.status_code == 401 and revoked.json()["error"]["code"] == "unauthorized"
    fresh = {"Authorization": f"Bearer {make_key('acme')}"}
    assert api_client.get(f"/v1/jobs/{job_id}", headers=fresh).status_code == 200


def test_every_tenant_route_requires_a_key(api_client) -> None:
    routes = [
        ("post", "/v1/jobs"),
        ("get", "/v1/jobs"),
        ("get", "/v1/jobs/job_x"),
        ("delete", "/v1/jobs/job_x"),
        ("get", "/v1/jobs/job_x/ranking"),
        ("post", "/v1/resumes"),
        ("get", "/v1/resumes"),
        ("get", "/v1/resumes/res_x"),
        ("delete", "/v1/resumes/res_x"),
        ("post", "/v1/match"),
        ("delete", "/v1/data"),
    ]
    for method, path in routes:
        kwargs = (
            {"json": {"title": "x", "description": "y"}}
            if path == "/v1/jobs" and method == "post"
            else {}
        )
        response = getattr(api_client, method)(path, **kwargs)
        assert response.status_code == 401, (method, path, response.text)
