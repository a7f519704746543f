"""Fixtures for the hostile-input tests: one app per module with lowered limits, on SQLite.

The hostile documents exercise the reader and the limits, not the database, so these fixtures
use the embedded SQLite store only (the privacy tests use the shared two-database fixtures).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# Limits low enough for a fast suite, high enough for a real resume on a loaded 2-core machine.
HOSTILE_LIMITS = {
    "parse_timeout_s": 6.0,
    "worker_memory_mb": 512,
    "max_pages": 20,
    "rate_limit_per_minute": 100_000,
    "max_concurrent_parses": 16,
}


@pytest.fixture(scope="module")
def hostile_settings(tmp_path_factory: pytest.TempPathFactory):
    from service.settings import Settings

    return Settings(data_dir=tmp_path_factory.mktemp("hostile") / "data", **HOSTILE_LIMITS)


@pytest.fixture(scope="module")
def hostile_app(hostile_settings):
    from service.api.app import create_app

    return create_app(hostile_settings)


@pytest.fixture(scope="module")
def hostile_client(hostile_app) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(hostile_app) as client:
        yield client


@pytest.fixture(scope="module")
def hostile_auth(hostile_client, hostile_app) -> dict[str, str]:
    from service.store import keys
    from service.store.db import session_scope

    with session_scope(hostile_app.state.skillmatch.sessions) as session:
        key, _ = keys.create_key(session, "hostile")
    return {"Authorization": f"Bearer {key}"}
