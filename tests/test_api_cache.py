"""The per-process caches behind ``/v1/match``: faster, never stale, never across tenants."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, update

from service.api.cache import LRUCache
from tests.installed import parse_job, score
from service.store import keys, records
from service.store.db import session_scope
from service.store.models import Resume, utcnow
from service.taxonomy import get_profile
from tests.conftest import JOB_TEXT, RESUME_TEXT


@pytest.fixture
def state(api_app):
    return api_app.state.skillmatch


def test_repeated_match_is_served_from_cache_with_the_same_report(
    api_client, auth, stored, state
) -> None:
    first = api_client.post("/v1/match", json=stored, headers=auth)
    misses = state.cache.resumes.misses, state.cache.profiles.misses
    second = api_client.post("/v1/match", json=stored, headers=auth)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert (state.cache.resumes.misses, state.cache.profiles.misses) == misses
    assert state.cache.resumes.hits >= 1 and state.cache.profiles.hits >= 1
    with session_scope(state.sessions) as session:
        fresh = records.load_extraction(session, 1, stored["resume_id"])
    cached = next(iter(state.cache.resumes._items.values()))
    assert cached.extraction == fresh, "scoring must not change the cached extraction"
    with session_scope(state.sessions) as session:
        job = records.load_job_profile(session, 1, stored["job_id"])
    assert second.json() == score(fresh, job).model_dump(mode="json")


def test_cached_facts_score_every_profile_as_a_fresh_score(
    api_client, auth, stored, state
) -> None:
    """One cached resume scored against the job, both built-in profiles and a pasted posting,
    on the event loop and in the threadpool: each report equals ``score`` on the freshly loaded
    extraction, and the resume was loaded once."""
    targets = [{"job_id": stored["job_id"]}, {"profile": "ml-engineer"},
               {"profile": "data-scientist"}, {"job_text": JOB_TEXT}]
    with session_scope(state.sessions) as session:
        fresh = records.load_extraction(session, 1, stored["resume_id"])
        job = records.load_job_profile(session, 1, stored["job_id"])
    expected = [score(fresh, p).model_dump(mode="json") for p in
                (job, get_profile("ml-engineer"), get_profile("data-scientist"),
                 parse_job(JOB_TEXT))]
    loop_engine = state.loop_engine
    for engine in (loop_engine, None, loop_engine):  # on the event loop (SQLite) and threadpool
        state.loop_engine = engine
        for target, want in zip(targets, expected, strict=True):
            body = {"resume_id": stored["resume_id"], **target}
            response = api_client.post("/v1/match", json=body, headers=auth)
            assert response.status_code == 200, response.text
            assert response.json() == want
    assert state.cache.resumes.misses == 1


def test_deleted_resume_is_never_served_from_cache(api_client, auth, stored, state) -> None:
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    assert len(state.cache.resumes) == 1
    assert api_client.delete(f"/v1/resumes/{stored['resume_id']}", headers=auth).status_code == 204
    assert len(state.cache.resumes) == 0
    response = api_client.post("/v1/match", json=stored, headers=auth)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_row_deleted_behind_the_cache_is_404(api_client, auth, stored, state) -> None:
    """Another worker (or the CLI) deleted it: this process's cache still holds it, but the
    database check in the same request refuses it."""
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    with session_scope(state.sessions) as session:
        session.execute(delete(Resume).where(Resume.id == stored["resume_id"]))
    assert len(state.cache.resumes) == 1
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 404
    body = {"resume_id": stored["resume_id"], "profile": "ml-engineer"}
    assert api_client.post("/v1/match", json=body, headers=auth).status_code == 404


def test_cached_resume_is_invisible_to_another_tenant(
    api_client, auth, other_auth, stored
) -> None:
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    for body in (stored, {"resume_id": stored["resume_id"]}):
        assert api_client.post("/v1/match", json=body, headers=other_auth).status_code == 404


def test_deleted_job_and_tenant_data_leave_the_cache(api_client, auth, stored, state) -> None:
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    assert api_client.delete(f"/v1/jobs/{stored['job_id']}", headers=auth).status_code == 204
    assert len(state.cache.profiles) == 0
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 404
    assert len(state.cache.resumes) == 1
    assert api_client.delete("/v1/data", headers=auth).status_code == 204
    assert len(state.cache.resumes) == 0
    body = {"resume_id": stored["resume_id"]}
    assert api_client.post("/v1/match", json=body, headers=auth).status_code == 404


def test_lru_is_bounded_and_keyed_by_tenant_id_and_version() -> None:
    cache: LRUCache[str] = LRUCache(size=2)
    loads: list[str] = []

    def loader(value: str):
        return lambda: loads.append(value) or value

    assert cache.get_or_load(1, "a", 1, loader("a1")) == "a1"
    assert cache.get_or_load(2, "a", 1, loader("other tenant")) == "other tenant"
    assert cache.get_or_load(1, "a", 1, loader("unused")) == "a1"
    assert cache.get_or_load(1, "a", 2, loader("a2")) == "a2"
    assert len(cache) == 2
    assert (2, "a", 1) not in cache, "the least recently used entry is evicted"
    cache.discard(1, "a")
    assert len(cache) == 0
    assert loads == ["a1", "other tenant", "a2"]


def test_revoked_key_is_refused_at_once_on_the_cached_match_path(
    api_client, auth, stored, state
) -> None:
    """Keys are checked in the database on every match (no key cache): revoked in the database
    (as ``skillmatch keys revoke`` does from another process), the next match is 401, for a
    stored and for a pasted resume alike; a bad or missing key never reaches the cache."""
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    hits = state.cache.resumes.hits
    for bad in ({}, {"Authorization": "Bearer sm_not-a-real-key"},
                {"Authorization": auth["Authorization"].replace("Bearer", "Basic")}):
        response = api_client.post("/v1/match", json=stored, headers=bad)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert state.cache.resumes.hits == hits
    key = auth["Authorization"].split()[1]
    with session_scope(state.sessions) as session:
        keys.revoke_key(session, keys.authenticate(session, key).key_id)  # type: ignore[union-attr]
    for body in (stored, {"resume_text": RESUME_TEXT, "job_id": stored["job_id"]}):
        response = api_client.post("/v1/match", json=body, headers=auth)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert state.cache.resumes.hits == hits


def test_another_tenants_job_is_404_with_an_own_cached_resume(
    api_client, auth, other_auth, stored
) -> None:
    files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
    own = api_client.post("/v1/resumes", files=files, headers=other_auth).json()["id"]
    assert api_client.post("/v1/match", json={"resume_id": own}, headers=other_auth).status_code == 200
    body = {"resume_id": own, "job_id": stored["job_id"]}
    response = api_client.post("/v1/match", json=body, headers=other_auth)
    assert response.status_code == 404 and "job" in response.json()["error"]["message"]


def test_expired_resume_is_never_served_from_cache(make_app) -> None:
    """With retention on, the liveness query applies the cut-off: a cached resume that has
    expired is 404, while a fresh one still matches."""
    app = make_app(retention_days=30)
    state = app.state.skillmatch
    with TestClient(app) as client:
        with session_scope(state.sessions) as session:
            key, _ = keys.create_key(session, "acme")
        auth = {"Authorization": f"Bearer {key}"}
        files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
        old, fresh = (client.post("/v1/resumes", files=files, headers=auth).json()["id"]
                      for _ in range(2))
        for resume_id in (old, fresh):
            assert client.post("/v1/match", json={"resume_id": resume_id},
                               headers=auth).status_code == 200
        assert len(state.cache.resumes) == 2
        with session_scope(state.sessions) as session:
            session.execute(update(Resume).where(Resume.id == old)
                            .values(created_at=utcnow() - timedelta(days=31)))
        assert client.post("/v1/match", json={"resume_id": old}, headers=auth).status_code == 404
        assert client.post("/v1/match", json={"resume_id": fresh},
                           headers=auth).status_code == 200


def test_event_loop_match_never_waits_for_the_request_pool(api_client, auth, stored, state):
    """Every connection of the main pool held (as by requests awaiting a parse): a cached match
    still answers on SQLite, through the loop engine's own connection, without a pool wait."""
    if state.loop_engine is None:
        pytest.skip("event-loop reads are for SQLite files only")
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    pool = state.engine.pool
    held = [state.engine.connect() for _ in range(pool.size() + pool._max_overflow)]  # type: ignore[attr-defined]
    try:
        response = api_client.post("/v1/match", json=stored, headers=auth)
        assert response.status_code == 200
    finally:
        for connection in held:
            connection.close()
