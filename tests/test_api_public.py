"""Public routes: health, readiness, taxonomy and profiles (no key)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.settings import Settings


def test_health_and_readiness(api_client) -> None:
    assert api_client.get("/healthz").json() == {"status": "ok"}
    assert api_client.get("/readyz").json() == {"status": "ready"}


def test_readiness_fails_with_503_when_the_database_is_unreachable(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="postgresql://nobody:x@127.0.0.1:9/none")
    client = TestClient(create_app(settings))  # no lifespan: the database is never reachable
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "unavailable"


def test_taxonomy_lists_skills_and_serves_one(api_client) -> None:
    body = api_client.get("/v1/taxonomy").json()
    assert body["count"] == len(body["skills"]) > 50
    ids = {s["id"] for s in body["skills"]}
    assert {"python", "pytorch", "kubernetes"} <= ids
    python = api_client.get("/v1/taxonomy/skills/python")
    assert python.status_code == 200 and python.json()["name"] == "Python"
    missing = api_client.get("/v1/taxonomy/skills/no-such-skill")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_profiles_list_and_detail(api_client) -> None:
    listed = api_client.get("/v1/profiles").json()
    assert "ml-engineer" in {p["name"] for p in listed}
    profile = api_client.get("/v1/profiles/ml-engineer")
    assert profile.status_code == 200 and profile.json()["groups"]
    missing = api_client.get("/v1/profiles/astronaut")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_api_docs_are_served_from_our_own_origin(api_client) -> None:
    """/docs works offline: its page names only local assets, and they are served."""
    import re

    page = api_client.get("/docs")
    assert page.status_code == 200
    assert "cdn." not in page.text and "https://" not in page.text
    assets = re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page.text)
    assert len(assets) >= 2
    for asset in assets:
        assert api_client.get(asset).status_code == 200, asset
    assert api_client.get("/redoc").status_code == 404
