"""Shared fixtures for the API and store tests, run once on SQLite and once on PostgreSQL.

The PostgreSQL leg needs a server: set ``SKILLMATCH_TEST_POSTGRES_URL`` (``bash .ci/run`` starts
one on 127.0.0.1 and sets it); without it that leg skips with a message saying so.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

T = TypeVar("T")
POSTGRES_ENV = "SKILLMATCH_TEST_POSTGRES_URL"
POSTGRES_HOWTO = (
    f"PostgreSQL leg skipped: set {POSTGRES_ENV}=postgresql://USER:PASSWORD@127.0.0.1:5432/DB "
    "(a role allowed to CREATE DATABASE), or run `bash .ci/run`, which starts a server and sets it"
)
TABLES = "match_scores, resumes, jobs, api_keys, tenants, rate_limit_hits"

# Resume text used across the API tests. The e-mail and phone let the log tests check that no
# personal data reaches the logs.
RESUME_TEXT = """Dana Whitfield
dana.whitfield@example.org | +1 415 555 0137 | Oakland, CA

Summary
Machine learning engineer with 6 years of experience building and deploying models.

Experience
Senior Machine Learning Engineer, Northwind Analytics (2021 - present)
- Built PyTorch recommendation models and served them with Docker on Kubernetes in AWS.
- Wrote feature pipelines in Python and SQL on Apache Spark.

Data Scientist, Contoso Retail (2018 - 2021)
- Trained scikit-learn and XGBoost models; ran A/B tests and statistical analysis.

Skills
Python, SQL, PyTorch, TensorFlow, scikit-learn, Docker, Kubernetes, AWS, Git

Education
M.S. Computer Science, University of Washington, 2018
"""

JOB_TEXT = """Machine Learning Engineer

We are looking for an ML engineer to take models to production.

Requirements:
- 3+ years of experience with Python and SQL
- Experience with PyTorch or TensorFlow
- Docker and Kubernetes in a cloud environment (AWS or GCP)

Nice to have:
- Apache Spark
- MLflow
"""


# Marks whose tests run in CI (``CI`` set to true, as ``.ci/run`` is run) or with ``--run-slow``;
# a plain ``python -m pytest`` skips them, saying how to run them.
IN_CI_ONLY = ("slow", "browser")


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A long bytes parameter's id from its length and first bytes, not all of it: pytest-xdist
    needs every worker to collect the same ids, and generated files may hold a timestamp."""
    if isinstance(val, (bytes, bytearray)) and len(val) > 32:
        return f"{argname}-{len(val)}B-{bytes(val[:6]).hex()}"
    return None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow or browser (CI=true does too)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the slow and browser tests unless CI is true, ``--run-slow`` is given or ``-m``
    selects one of their marks ("-m slow"; not "-m 'not slow'")."""
    wanted = config.getoption("-m") or ""
    if (os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
            or config.getoption("--run-slow")
            or any(re.search(rf"(?<!not )\b{mark}\b", wanted) for mark in IN_CI_ONLY)):
        return
    for item in items:
        marks = [mark for mark in IN_CI_ONLY if item.get_closest_marker(mark) is not None]
        if marks:
            item.add_marker(pytest.mark.skip(
                reason=f"{marks[0]}: runs in CI; set CI=true or pass --run-slow to run it here"))


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a fresh event loop in its own thread (safe when a loop is running)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _admin_url(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session, dropped at the end."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(POSTGRES_HOWTO)
    from service.settings import Settings
    from service.store.migrate import upgrade

    name = f"skillmatch_test_{secrets.token_hex(4)}"
    admin = create_engine(_admin_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(_admin_url(base)).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(Settings(database_url=url))
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str | None:
    """None for the embedded SQLite file; a clean PostgreSQL database URL for the other leg."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def api_settings(tmp_path, db_url):
    """Settings with a temporary data directory and generous limits (tests lower them)."""
    from service.settings import Settings

    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        rate_limit_per_minute=10_000,
        max_concurrent_parses=16,
    )


@pytest.fixture
def make_app(api_settings):
    """Build an app from ``api_settings`` with some fields changed: ``make_app(max_pages=2)``."""
    from service.api.app import create_app

    def build(**changes):
        return create_app(api_settings.model_copy(update=changes))

    return build


@pytest.fixture
def api_app(make_app):
    return make_app()


@pytest.fixture
def api_client(api_app):
    """A TestClient with the app's lifespan run (migrations checked, pipeline loaded)."""
    from fastapi.testclient import TestClient

    with TestClient(api_app) as client:
        yield client


@pytest.fixture
def make_key(api_client, api_app) -> Callable[[str], str]:
    """Create an API key for a tenant (created if new) and return the key."""
    from service.store import keys
    from service.store.db import session_scope

    def create(tenant: str = "acme") -> str:
        with session_scope(api_app.state.skillmatch.sessions) as session:
            key, _ = keys.create_key(session, tenant)
        return key

    return create


@pytest.fixture
def auth(make_key) -> dict[str, str]:
    """Authorization headers for tenant ``acme``."""
    return {"Authorization": f"Bearer {make_key('acme')}"}


@pytest.fixture
def other_auth(make_key) -> dict[str, str]:
    """Authorization headers for a second tenant, ``globex``."""
    return {"Authorization": f"Bearer {make_key('globex')}"}


@pytest.fixture
def stored(api_client, auth) -> dict[str, str]:
    """A stored resume (RESUME_TEXT) and job (JOB_TEXT) of tenant ``acme``: their ids."""
    files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
    resume_id = api_client.post("/v1/resumes", files=files, headers=auth).json()["id"]
    job_id = api_client.post(
        "/v1/jobs", json={"title": "MLE", "description": JOB_TEXT}, headers=auth
    ).json()["id"]
    return {"resume_id": resume_id, "job_id": job_id}
