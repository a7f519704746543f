"""Rate limit counted in the database (shared by processes and instances), client addresses
from trusted proxies only, and the parse-slot cap."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import select

from ipaddress import ip_network

from pydantic import SecretStr

from service.api.client_address import parse_forwarded
from service.api.limits import ParseSlots, RateLimiter
from service.errors import Busy, RateLimited
from service.settings import Settings
from service.store.db import make_engine
from service.store.migrate import upgrade_engine
from service.store.models import RateLimitHit
from tests.conftest import RESUME_TEXT, run_async

ANALYZE = "/v1/analyze"


def _upload() -> dict:
    return {"file": ("cv.txt", b"Python and SQL developer with Docker.", "text/plain")}


@pytest.fixture
def engine(api_settings):
    engine = make_engine(api_settings)
    upgrade_engine(engine, api_settings)
    yield engine
    engine.dispose()


def test_rate_limit_is_a_sliding_minute_per_client_and_route(engine, api_settings) -> None:
    now = [1000.0]
    limiter = RateLimiter(engine, api_settings, clock=lambda: now[0])
    limiter.check("10.0.0.1", ANALYZE, 2)
    limiter.check("10.0.0.1", ANALYZE, 2)
    limiter.check("10.0.0.2", ANALYZE, 2)
    limiter.check("10.0.0.1", "/v1/other", 2)
    with pytest.raises(RateLimited) as caught:
        limiter.check("10.0.0.1", ANALYZE, 2)
    assert caught.value.retry_after == 60
    now[0] += 30
    with pytest.raises(RateLimited) as caught:  # refused calls are not counted
        limiter.check("10.0.0.1", ANALYZE, 2)
    assert caught.value.retry_after == 30
    now[0] += 30.5
    limiter.check("10.0.0.1", ANALYZE, 2)
    limiter.check("10.0.0.1", ANALYZE, 2)  # a sliding window: both earlier hits have left it
    with pytest.raises(RateLimited):
        limiter.check("10.0.0.1", ANALYZE, 2)


def test_two_limiters_on_one_database_share_the_count(engine, api_settings) -> None:
    first, second = RateLimiter(engine, api_settings), RateLimiter(engine, api_settings)
    first.check("192.0.2.9", ANALYZE, 3)
    second.check("192.0.2.9", ANALYZE, 3)
    first.check("192.0.2.9", ANALYZE, 3)
    with pytest.raises(RateLimited):
        second.check("192.0.2.9", ANALYZE, 3)


def test_concurrent_checks_from_two_engines_admit_exactly_the_limit(engine, api_settings) -> None:
    """Sixteen checks at once through two engines (as two processes would), for three clients
    in turn: counting and recording are serialised per client, so exactly the limit gets
    through each time."""
    import threading

    other = make_engine(api_settings)
    limiters = [RateLimiter(engine, api_settings), RateLimiter(other, api_settings)]
    for limiter in limiters:
        limiter.check("192.0.2.250", ANALYZE, 100)  # key loaded, connections open

    def burst(client: str) -> list[str]:
        barrier, outcomes = threading.Barrier(16), []

        def call(limiter: RateLimiter) -> None:
            barrier.wait(timeout=30)
            try:
                limiter.check(client, ANALYZE, 5)
                outcomes.append("ok")
            except RateLimited:
                outcomes.append("limited")

        threads = [threading.Thread(target=call, args=(limiters[i % 2],)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return sorted(outcomes)

    try:
        results = [burst(f"192.0.2.{i}") for i in range(3)]
    finally:
        other.dispose()
    assert results == [["limited"] * 11 + ["ok"] * 5] * 3


def test_addresses_are_stored_as_keyed_hashes_and_old_hits_expire(engine, api_settings) -> None:
    now = [5000.0]
    keyed = api_settings.model_copy(update={"rate_limit_secret": SecretStr("s3cret")})
    RateLimiter(engine, api_settings, clock=lambda: now[0]).check("203.0.113.77", ANALYZE, 5)
    RateLimiter(engine, keyed, clock=lambda: now[0]).check("203.0.113.77", ANALYZE, 5)
    with engine.connect() as connection:
        hashes = connection.execute(select(RateLimitHit.client_hash)).scalars().all()
    assert len(set(hashes)) == 2  # a different key gives a different hash
    assert all("203.0.113" not in h and len(h) == 64 for h in hashes)
    now[0] += 61  # the next check sweeps every hit older than the window
    RateLimiter(engine, api_settings, clock=lambda: now[0]).check("198.51.100.1", ANALYZE, 5)
    with engine.connect() as connection:
        left = connection.execute(select(RateLimitHit.at)).scalars().all()
    assert left == [now[0]]


def test_two_app_instances_on_one_database_share_the_limit(make_app) -> None:
    from fastapi.testclient import TestClient

    with TestClient(make_app(rate_limit_per_minute=3)) as one, \
            TestClient(make_app(rate_limit_per_minute=3)) as two:
        statuses = [c.post(ANALYZE, files=_upload()).status_code for c in (one, two, one, two)]
    assert statuses == [200, 200, 200, 429]


def _statuses(app, headers: list[dict[str, str]], peer: str = "127.0.0.1") -> list[int]:
    from fastapi.testclient import TestClient

    with TestClient(app, client=(peer, 40000)) as client:
        return [client.post(ANALYZE, files=_upload(), headers=h).status_code for h in headers]


def _nets(*cidrs: str) -> list:
    return [ip_network(c) for c in cidrs]


FORGED = [{"X-Forwarded-For": f"198.51.100.{i}"} for i in range(4)]


def test_forged_x_forwarded_for_does_not_escape_the_limit_without_trusted_proxies(
        make_app) -> None:
    assert _statuses(make_app(rate_limit_per_minute=2), FORGED) == [200, 200, 429, 429]


def test_a_trusted_proxy_forwards_the_client_address(make_app) -> None:
    app = make_app(rate_limit_per_minute=2, trusted_proxies=_nets("127.0.0.1/32"))
    assert _statuses(app, FORGED) == [200] * 4
    same = [{"X-Forwarded-For": "198.51.100.50"}] * 3
    assert _statuses(make_app(rate_limit_per_minute=2, trusted_proxies=_nets("127.0.0.1")),
                     same) == [200, 200, 429]


def test_an_untrusted_peer_or_a_forged_first_hop_changes_nothing(make_app) -> None:
    app = make_app(rate_limit_per_minute=2, trusted_proxies=_nets("10.0.0.0/8"))
    assert _statuses(app, FORGED, peer="192.0.2.1") == [200, 200, 429, 429]
    # The proxy appends the address it saw; whatever the client wrote before it is ignored.
    chained = [{"X-Forwarded-For": f"198.51.100.{i}, 203.0.113.5"} for i in range(3)]
    app = make_app(rate_limit_per_minute=2, trusted_proxies=_nets("10.0.0.0/8"))
    assert _statuses(app, chained, peer="10.1.2.3") == [200, 200, 429]


def test_the_forwarded_header_when_configured(make_app) -> None:
    settings = {"rate_limit_per_minute": 2, "trusted_proxies": _nets("127.0.0.1"),
                "proxy_header": "forwarded"}
    varied = [{"Forwarded": f'for="[2001:db8::{i}]:4711";proto=https'} for i in range(1, 4)]
    assert _statuses(make_app(**settings), varied) == [200, 200, 200]
    # With Forwarded configured, X-Forwarded-For is not read at all.
    assert _statuses(make_app(**settings), FORGED) == [200, 200, 429, 429]


def test_parse_forwarded_reads_rfc_7239_nodes() -> None:
    nodes, proto = parse_forwarded(
        'for=192.0.2.60;proto=http;by=203.0.113.43, For="[2001:db8:cafe::17]:4711", '
        'proto=https')
    assert nodes == ["192.0.2.60", "[2001:db8:cafe::17]:4711", "unknown"]
    assert proto == "https"


def test_trusted_proxies_are_validated() -> None:
    from pydantic import ValidationError

    assert [str(n) for n in Settings(trusted_proxies="10.0.0.0/8, ::1").trusted_proxies] == [
        "10.0.0.0/8", "::1/128"]
    with pytest.raises(ValidationError, match="'proxy.example' is not an IP address"):
        Settings(trusted_proxies="10.0.0.0/8,proxy.example")


@pytest.mark.slow
def test_two_workers_give_a_client_the_documented_number_of_calls(tmp_path) -> None:
    """A real ``skillmatch serve --workers 2``: forged X-Forwarded-For headers from loopback are
    ignored and the two processes count one limit."""
    from bench.server import free_port

    port = free_port()
    env = {**os.environ, "SKILLMATCH_DATA_DIR": str(tmp_path / "data"),
           "SKILLMATCH_RATE_LIMIT_PER_MINUTE": "3", "SKILLMATCH_LOG_LEVEL": "WARNING"}
    env.pop("SKILLMATCH_TRUSTED_PROXIES", None)
    server = subprocess.Popen(
        [sys.executable, "-c", "from service.cli import app; app()", "serve",
         "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.3)
        statuses = []
        for i in range(8):  # a new connection each time, so both workers take calls
            files = {"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")}
            response = httpx.post(f"{base}{ANALYZE}", files=files, timeout=60,
                                  headers={"X-Forwarded-For": f"198.51.100.{i}"})
            statuses.append(response.status_code)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses == [200] * 3 + [429] * 5


def test_parse_slots_refuse_past_the_limit_and_free_on_error() -> None:
    slots = ParseSlots()

    async def scenario() -> None:
        async with slots.hold(1):
            with pytest.raises(Busy):
                async with slots.hold(1):
                    pass
        with pytest.raises(ValueError):
            async with slots.hold(1):
                raise ValueError("boom")
        assert slots.in_use == 0

    run_async(scenario())
