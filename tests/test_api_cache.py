"""The per-process caches behind ``/v1/match``: faster, never stale, never across tenants."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from service.api.cache import LRUCache
from service.store import records
from service.store.db import session_scope
from service.store.models import Resume
from tests.conftest import JOB_TEXT, RESUME_TEXT


@pytest.fixture
def state(api_app):
    return api_app.state.skillmatch


@pytest.fixture
def stored(api_client, auth):
    files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
    resume_id = api_client.post("/v1/resumes", files=files, headers=auth).json()["id"]
    job_id = api_client.post(
        "/v1/jobs", json={"title": "MLE", "description": JOB_TEXT}, headers=auth
    ).json()["id"]
    return {"resume_id": resume_id, "job_id": job_id}


def test_repeated_match_is_served_from_cache_with_the_same_report(
    api_client, auth, stored, state
) -> None:
    first = api_client.post("/v1/match", json=stored, headers=auth)
    misses = state.cache.extractions.misses, state.cache.profiles.misses
    second = api_client.post("/v1/match", json=stored, headers=auth)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert (state.cache.extractions.misses, state.cache.profiles.misses) == misses
    assert state.cache.extractions.hits >= 1 and state.cache.profiles.hits >= 1
    with session_scope(state.sessions) as session:
        fresh = records.load_extraction(session, 1, stored["resume_id"])
    cached = next(iter(state.cache.extractions._items.values()))
    assert cached == fresh, "scoring must not change the cached extraction"


def test_deleted_resume_is_never_served_from_cache(api_client, auth, stored, state) -> None:
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    assert len(state.cache.extractions) == 1
    assert api_client.delete(f"/v1/resumes/{stored['resume_id']}", headers=auth).status_code == 204
    assert len(state.cache.extractions) == 0
    response = api_client.post("/v1/match", json=stored, headers=auth)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_row_deleted_behind_the_cache_is_404(api_client, auth, stored, state) -> None:
    """Another worker (or the CLI) deleted it: this process's cache still holds it, but the
    database check in the same request refuses it."""
    assert api_client.post("/v1/match", json=stored, headers=auth).status_code == 200
    with session_scope(state.sessions) as session:
        session.execute(delete(Resume).where(Resume.id == stored["resume_id"]))
    assert len(state.cache.extractions) == 1
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
    assert len(state.cache.extractions) == 1
    assert api_client.delete("/v1/data", headers=auth).status_code == 204
    assert len(state.cache.extractions) == 0
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
