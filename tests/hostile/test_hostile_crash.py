"""kill -9 the server while uploads are in flight, restart it: the SQLite store opens cleanly,
every acknowledged (201) resume is there and whole, and no row is half-written.

(kill -9 of ``skillmatch batch`` followed by ``--resume`` is proven in
``tests/test_batch_resume.py``; not repeated here.)
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import httpx
import pytest

from tests import pdfgen
from tests.conftest import RESUME_TEXT
from tests.hostile.live import create_key, server_env, start_server

pytestmark = pytest.mark.slow
CLIENTS = 4
KILL_AFTER = 6  # acknowledged uploads before the kill


def _uploader(url: str, auth: dict[str, str], index: int, acked: list[tuple[str, str]],
              failures: list[str], stop: threading.Event) -> None:
    with httpx.Client(timeout=60) as client:
        n = 0
        while not stop.is_set():
            marker = f"crash-{index}-{n}"
            if n % 3 == 2:
                upload = ("cv.pdf", pdfgen.minimal_pdf(f"Python SQL {marker}"), "application/pdf")
            else:
                upload = ("cv.txt", f"{RESUME_TEXT}\nProjects\n{marker} in Python\n".encode(),
                          "text/plain")
            n += 1
            try:
                response = client.post(f"{url}/v1/resumes", files={"file": upload},
                                       data={"label": marker}, headers=auth)
            except httpx.TransportError:
                failures.append("cut")  # the server died under us: never acknowledged
                return
            if response.status_code == 201:
                acked.append((response.json()["id"], marker))
            else:
                failures.append(f"{response.status_code} {response.text[:200]}")


def test_kill_9_during_uploads_loses_no_acknowledged_resume(tmp_path) -> None:
    data_dir = tmp_path / "data"
    env = server_env(data_dir, rate_limit_per_minute=100_000, max_concurrent_parses=16)
    server = start_server(data_dir, env)
    acked: list[tuple[str, str]] = []
    failures: list[str] = []
    stop = threading.Event()
    try:
        auth = create_key(data_dir, "acme")
        threads = [threading.Thread(target=_uploader,
                                    args=(server.url, auth, i, acked, failures, stop))
                   for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(acked) < KILL_AFTER and time.monotonic() < deadline and not failures:
            time.sleep(0.05)
        server.kill9()
        stop.set()
        for thread in threads:
            thread.join(60)
    finally:
        stop.set()
        server.kill9()
    assert set(failures) == {"cut"}, failures  # uploads were in flight at the kill, none failed
    assert len(acked) >= KILL_AFTER

    database = sqlite3.connect(data_dir / "skillmatch.db")
    try:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = database.execute("SELECT id, label, extraction_json FROM resumes").fetchall()
    finally:
        database.close()
    stored = {row_id: (label, payload) for row_id, label, payload in rows}
    for resume_id, marker in acked:
        assert resume_id in stored, f"acknowledged {resume_id} lost"
        assert stored[resume_id][0] == marker
    for label, payload in stored.values():
        extraction = json.loads(payload)  # a half-written row would not parse
        assert label in extraction["text"] and extraction["skills"]

    restarted = start_server(data_dir, env)
    try:
        listed = httpx.get(f"{restarted.url}/v1/resumes?limit=100", headers=auth).json()
        assert listed["total"] == len(stored)
        for resume_id, _ in acked:
            assert httpx.get(f"{restarted.url}/v1/resumes/{resume_id}",
                             headers=auth).status_code == 200
        fresh = httpx.post(f"{restarted.url}/v1/resumes", headers=auth,
                           files={"file": ("cv.txt", RESUME_TEXT.encode(), "text/plain")})
        assert fresh.status_code == 201
    finally:
        restarted.stop()
