"""``/v1/resumes``: upload, read, list, delete (with everything derived), retention, isolation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from service.store.models import MatchScore, Resume, utcnow
from tests.conftest import JOB_TEXT, RESUME_TEXT


def _upload(client, auth, text: str = RESUME_TEXT, **data: str):
    files = {"file": ("resume.txt", text.encode("utf-8"), "text/plain")}
    return client.post("/v1/resumes", files=files, data=data, headers=auth)


def test_upload_stores_the_extraction_and_answers_201(api_client, auth) -> None:
    created = _upload(api_client, auth, label="Dana W. (#1042)")
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["id"].startswith("res_") and body["label"] == "Dana W. (#1042)"
    assert body["source_format"] in ("text", "markdown") and body["size_bytes"] == len(
        RESUME_TEXT.encode()
    )
    assert body["expires_at"] is None
    assert "pytorch" in {s["id"] for s in body["extraction"]["skills"]}
    fetched = api_client.get(f"/v1/resumes/{body['id']}", headers=auth)
    assert fetched.status_code == 200 and fetched.json() == body
    listed = api_client.get("/v1/resumes", headers=auth).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == body["id"]
    assert "extraction" not in listed["items"][0]


def test_list_paginates_newest_first(api_client, auth) -> None:
    ids = [_upload(api_client, auth, label=f"c{i}").json()["id"] for i in range(3)]
    pages = [api_client.get(f"/v1/resumes?limit=2&offset={o}", headers=auth).json() for o in (0, 2)]
    assert [len(p["items"]) for p in pages] == [2, 1] and pages[0]["total"] == 3
    assert sorted(i["id"] for p in pages for i in p["items"]) == sorted(ids)


def test_delete_removes_the_resume_its_text_and_derived_scores(api_client, auth, api_app) -> None:
    marker = "Quokkaflux-7731"
    resume_id = _upload(
        api_client, auth, RESUME_TEXT + f"\nProjects\n{marker} pipeline in Python\n"
    ).json()["id"]
    job_id = api_client.post(
        "/v1/jobs", json={"title": "ML", "description": JOB_TEXT}, headers=auth
    ).json()["id"]
    assert api_client.get(f"/v1/jobs/{job_id}/ranking", headers=auth).json()["total"] == 1
    sessions = api_app.state.skillmatch.sessions
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(MatchScore)) == 1
    assert api_client.delete(f"/v1/resumes/{resume_id}", headers=auth).status_code == 204
    assert api_client.get(f"/v1/resumes/{resume_id}", headers=auth).status_code == 404
    assert api_client.get(f"/v1/jobs/{job_id}/ranking", headers=auth).json()["total"] == 0
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Resume)) == 0
        assert session.scalar(select(func.count()).select_from(MatchScore)) == 0
    settings = api_app.state.skillmatch.settings
    if settings.database_url is None:
        for name in ("skillmatch.db", "skillmatch.db-wal"):
            path = settings.data_dir / name
            if path.exists():
                assert marker.encode() not in path.read_bytes(), name


def test_another_tenants_resume_is_not_found(api_client, auth, other_auth) -> None:
    resume_id = _upload(api_client, auth).json()["id"]
    for method in ("get", "delete"):
        response = getattr(api_client, method)(f"/v1/resumes/{resume_id}", headers=other_auth)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert api_client.get("/v1/resumes", headers=other_auth).json()["total"] == 0
    assert api_client.get(f"/v1/resumes/{resume_id}", headers=auth).status_code == 200


def test_upload_errors(api_client, auth) -> None:
    empty = api_client.post(
        "/v1/resumes", files={"file": ("a.txt", b"  \n", "text/plain")}, headers=auth
    )
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty"
    missing = api_client.post("/v1/resumes", data={"label": "x"}, headers=auth)
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "invalid_request"
    stray = _upload(api_client, auth, job_text="Python")
    assert stray.status_code == 422
    assert api_client.get("/v1/resumes", headers=auth).json()["total"] == 0


def test_retention_expires_old_resumes(make_app) -> None:
    from fastapi.testclient import TestClient

    from service.store import keys
    from service.store.db import session_scope

    app = make_app(retention_days=30)
    with TestClient(app) as client:
        with session_scope(app.state.skillmatch.sessions) as session:
            key, _ = keys.create_key(session, "acme")
        auth = {"Authorization": f"Bearer {key}"}
        old = _upload(client, auth).json()
        assert old["expires_at"] is not None
        with session_scope(app.state.skillmatch.sessions) as session:
            session.execute(
                update(Resume)
                .where(Resume.id == old["id"])
                .values(created_at=utcnow() - timedelta(days=31))
            )
        assert client.get(f"/v1/resumes/{old['id']}", headers=auth).status_code == 404
        assert client.get("/v1/resumes", headers=auth).json()["total"] == 0
        _upload(client, auth)
        with app.state.skillmatch.sessions() as session:
            ids = session.scalars(select(Resume.id)).all()
        assert old["id"] not in ids and len(ids) == 1


def test_retention_purges_expired_resumes_at_start_up(make_app):
    from fastapi.testclient import TestClient

    from service.store import keys
    from service.store.db import session_scope

    app = make_app(retention_days=7)
    with TestClient(app) as client:
        with session_scope(app.state.skillmatch.sessions) as session:
            key, _ = keys.create_key(session, "acme")
        old = _upload(client, auth := {"Authorization": f"Bearer {key}"}).json()["id"]
        kept = _upload(client, auth).json()["id"]
        with session_scope(app.state.skillmatch.sessions) as session:
            session.execute(
                update(Resume)
                .where(Resume.id == old)
                .values(created_at=utcnow() - timedelta(days=8))
            )
    restarted = make_app(retention_days=7)
    with TestClient(restarted), restarted.state.skillmatch.sessions() as session:
        assert session.scalars(select(Resume.id)).all() == [kept]
