"""A small concurrent load against a real server on 127.0.0.1, with hostile uploads mixed in.

Healthy mix (limits raised): ``/v1/analyze`` (text and PDF), ``/v1/resumes`` and ``/v1/match``
interleaved with the hostile files of ``tests/hostile/cases.py``: every request gets an answer
(none lost), none is a 5xx, each has its expected status. Deliberate overload (rate limit and
parse cap lowered): the excess answers 429 ``rate_limited``/``busy`` with ``Retry-After``, counted
and reported, still no 5xx and nothing lost. Bounded in count and time; no timing assertions.
"""

from __future__ import annotations

import json
import queue
import random
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from tests import pdfgen
from tests.conftest import JOB_TEXT, RESUME_TEXT
from tests.hostile.cases import CASES
from tests.hostile.live import LiveServer, create_key, server_env, start_server

pytestmark = pytest.mark.slow
CLIENTS = 4
ROUNDS = 3  # each healthy request kind and each hostile file, this many times


@dataclass
class Call:
    name: str
    method: str
    path: str
    kwargs: dict = field(default_factory=dict)
    expect: frozenset[int] = frozenset({200})


def _run(server: LiveServer, calls: list[Call], auth: dict[str, str]) -> list[tuple[Call, object]]:
    todo: queue.Queue[Call] = queue.Queue()
    for call in calls:
        todo.put(call)
    results: list[tuple[Call, object]] = []
    lock = threading.Lock()

    def client() -> None:
        with httpx.Client(base_url=server.url, timeout=120) as http:
            while True:
                try:
                    call = todo.get_nowait()
                except queue.Empty:
                    return
                headers = auth if call.path != "/v1/analyze" else {}
                try:
                    response = http.request(call.method, call.path, headers=headers, **call.kwargs)
                    outcome: object = response
                except httpx.TransportError as exc:
                    outcome = exc
                with lock:
                    results.append((call, outcome))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    return results


def _upload(name: str, data: bytes) -> dict:
    return {"files": {"file": (name, data, "application/octet-stream")}}


def _healthy_and_hostile(resume_id: str, job_id: str) -> list[Call]:
    pdf = pdfgen.make_pdf()
    text = RESUME_TEXT.encode()
    calls = []
    for _ in range(ROUNDS):
        calls += [
            Call("analyze-text", "POST", "/v1/analyze", _upload("cv.txt", text)),
            Call("analyze-pdf", "POST", "/v1/analyze", _upload("cv.pdf", pdf)),
            Call("analyze-job", "POST", "/v1/analyze",
                 {**_upload("cv.txt", text), "data": {"job_text": JOB_TEXT}}),
            Call("resumes", "POST", "/v1/resumes", _upload("cv.pdf", pdf), frozenset({201})),
            Call("match-stored", "POST", "/v1/match",
                 {"json": {"resume_id": resume_id, "job_id": job_id}}),
            Call("match-text", "POST", "/v1/match", {"json": {"resume_text": RESUME_TEXT}}),
        ]
        for case in CASES:
            path = "/v1/analyze" if len(calls) % 2 else "/v1/resumes"
            ok = 201 if path == "/v1/resumes" else 200
            calls.append(Call(f"hostile-{case.id}", "POST", path,
                              _upload(case.filename, case.make()),
                              frozenset({ok if case.ok else case.status})))
    random.Random(7).shuffle(calls)
    return calls


@pytest.fixture(scope="module")
def healthy_server(tmp_path_factory) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    data = tmp_path_factory.mktemp("load") / "data"
    server = start_server(data, server_env(data, rate_limit_per_minute=1_000_000,
                                           max_concurrent_parses=64, parse_timeout_s=8))
    try:
        yield server, create_key(data, "acme")
    finally:
        server.stop()


def _summary(results: list[tuple[Call, object]]) -> dict[str, dict[str, int]]:
    summary: dict[str, Counter] = {}
    for call, outcome in results:
        status = (str(outcome.status_code) if isinstance(outcome, httpx.Response)
                  else type(outcome).__name__)
        summary.setdefault(call.name, Counter())[status] += 1
    return {name: dict(counts) for name, counts in sorted(summary.items())}


def test_healthy_mix_with_hostile_uploads_loses_nothing(healthy_server, record_property) -> None:
    server, auth = healthy_server
    resume = httpx.post(f"{server.url}/v1/resumes", headers=auth,
                        files={"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")})
    job = httpx.post(f"{server.url}/v1/jobs", headers=auth,
                     json={"title": "MLE", "description": JOB_TEXT})
    assert resume.status_code == 201 and job.status_code == 201
    calls = _healthy_and_hostile(resume.json()["id"], job.json()["id"])
    results = _run(server, calls, auth)
    record_property("load_summary", json.dumps(_summary(results)))
    print(f"healthy mix: {len(results)} requests, {_summary(results)}")
    assert len(results) == len(calls)  # every request answered once
    lost = [(c.name, repr(o)) for c, o in results if not isinstance(o, httpx.Response)]
    assert not lost, lost
    server_errors = [(c.name, o.status_code) for c, o in results if o.status_code >= 500]
    assert not server_errors, server_errors
    wrong = [(c.name, o.status_code, o.text[:120]) for c, o in results
             if o.status_code not in c.expect]
    assert not wrong, wrong
    assert httpx.get(f"{server.url}/readyz").status_code == 200
    stored = httpx.get(f"{server.url}/v1/resumes?limit=1", headers=auth).json()["total"]
    assert stored == 1 + ROUNDS + sum(1 for c, _ in results if c.name.startswith("hostile-")
                                      and c.path == "/v1/resumes" and 201 in c.expect)


def test_overload_answers_429_with_retry_after_and_loses_nothing(tmp_path, record_property) -> None:
    data = tmp_path / "data"
    server = start_server(data, server_env(data, rate_limit_per_minute=30,
                                           max_concurrent_parses=1, parse_timeout_s=8))
    try:
        auth = create_key(data, "acme")
        pdf = pdfgen.make_pdf()
        calls = [Call("analyze", "POST", "/v1/analyze", _upload("cv.pdf", pdf),
                      frozenset({200, 429})) for _ in range(24)]
        calls += [Call("resumes", "POST", "/v1/resumes", _upload("cv.pdf", pdf),
                       frozenset({201, 429})) for _ in range(24)]
        results = _run(server, calls, auth)
        assert httpx.get(f"{server.url}/readyz").status_code == 200
    finally:
        server.stop()
    summary = _summary(results)
    record_property("overload_summary", json.dumps(summary))
    assert len(results) == len(calls)
    assert all(isinstance(o, httpx.Response) for _, o in results), summary
    assert all(o.status_code in c.expect for c, o in results), summary
    limited = [o for _, o in results if o.status_code == 429]
    assert limited, f"no 429 under deliberate overload: {summary}"
    codes = Counter(o.json()["error"]["code"] for o in limited)
    assert set(codes) <= {"rate_limited", "busy"}
    assert all(int(o.headers["Retry-After"]) >= 1 for o in limited)
    print(f"overload: {len(limited)} of {len(results)} answered 429 {dict(codes)}; {summary}")
