"""schemathesis against the app's own OpenAPI, in-process (ASGI): every operation, ~100 examples
each within a time budget, real and broken PDFs in the upload routes' ``file`` field, a real API
key on the tenant routes. No answer is a 5xx; every answer matches the schema (status declared,
content type, body shape)."""

from __future__ import annotations

import os
import time

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.transport.serialization import Binary

from tests import pdfgen
from tests.hostile.cases import CASES

EXAMPLES = int(os.environ.get("SKILLMATCH_FUZZ_EXAMPLES", "100"))
BUDGET_S = float(os.environ.get("SKILLMATCH_FUZZ_SECONDS", "4"))  # per operation
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]

_DOCUMENTS = [pdfgen.make_pdf(), pdfgen.minimal_pdf(), *(c.make() for c in CASES
                                                          if len(c.make()) < 300_000)]
schemathesis.openapi.format("binary", st.one_of(
    st.sampled_from(_DOCUMENTS),
    st.sampled_from(_DOCUMENTS).flatmap(lambda d: st.integers(0, len(d)).map(lambda n: d[:n])),
    st.binary(max_size=4096),
).map(Binary))


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    from service.api.app import create_app
    from service.settings import Settings

    return create_app(Settings(data_dir=tmp_path_factory.mktemp("fuzz") / "data",
                               rate_limit_per_minute=1_000_000, max_concurrent_parses=64,
                               parse_timeout_s=6, worker_memory_mb=512))


@pytest.fixture(scope="module")
def fuzz_auth(fuzz_app) -> dict[str, str]:
    from service.store import keys
    from service.store.db import make_sessionmaker, session_scope
    from service.store.migrate import upgrade_engine

    state = fuzz_app.state.skillmatch
    upgrade_engine(state.engine, state.settings)
    with session_scope(make_sessionmaker(state.engine)) as session:
        key, _ = keys.create_key(session, "fuzz")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


schema = schemathesis.pytest.from_fixture("api_schema")
_started: dict[str, float] = {}


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_5xx_and_every_answer_matches_the_schema(case, fuzz_auth) -> None:
    key = f"{case.method} {case.path}"
    started = _started.setdefault(key, time.monotonic())
    if time.monotonic() - started > BUDGET_S:
        return  # this operation's time budget is spent
    case.call_and_validate(headers=fuzz_auth, checks=CHECKS)
