"""The worker pool: results, timeouts, dead workers, memory cap, concurrency cap."""

from __future__ import annotations

import os
import signal
import threading
import time

import pdfgen
import pool_probes
import pytest

from service.documents import DocumentPool, parse_bytes, read_document_in_process
from service.documents.sandbox import default_pool
from service.errors import Corrupt, Encrypted, ParseTimeout, TooManyPages
from service.settings import Settings

SETTINGS = Settings(parse_timeout_s=10, worker_memory_mb=512, max_pages=5000)


@pytest.fixture(scope="module")
def pool():
    """One shared pool for the tests that leave it healthy."""
    with DocumentPool(SETTINGS, workers=1) as pool:
        yield pool


@pytest.fixture
def own_pool():
    """A pool of its own for a test that kills or times out its worker."""
    with DocumentPool(SETTINGS, workers=1) as pool:
        yield pool


def _worker_pid(pool: DocumentPool) -> int:
    """The process id of the worker that runs the next task (one-worker pools)."""
    return pool.workers.call(None, handle=pool_probes.pid)


def _wait_until_dead(pid: int) -> None:
    """Until the killed process is gone or a zombie (its parent has not reaped it yet)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except FileNotFoundError:
            return
        time.sleep(0.02)


def test_pool_result_equals_in_process_result(pool):
    data = pdfgen.make_pdf(pages=2, header="Jane - Resume", footer=True)
    assert pool.parse(data) == read_document_in_process(data)


def test_typed_errors_cross_the_process_boundary(pool):
    with pytest.raises(Encrypted):
        pool.parse(pdfgen.encrypted_pdf())
    with pytest.raises(TooManyPages, match="limit is 3"):
        pool.parse(pdfgen.many_pages_pdf(10), settings=Settings(max_pages=3))


@pytest.mark.slow
def test_timeout_kills_and_replaces_the_worker(own_pool):
    pool = own_pool
    slow = pdfgen.many_pages_pdf(3000)
    pool.warm()
    started = time.monotonic()
    with pytest.raises(ParseTimeout, match="0.3 s"):
        pool.parse(slow, settings=pool.settings.model_copy(update={"parse_timeout_s": 0.3}))
    assert time.monotonic() - started < 3
    assert pool.restarts == 1
    assert "Python" in pool.parse(pdfgen.minimal_pdf()).text


@pytest.mark.slow
def test_a_worker_killed_mid_parse_gives_corrupt_and_is_replaced(own_pool):
    pool = own_pool
    slow = pdfgen.many_pages_pdf(3000)
    worker = _worker_pid(pool)
    timer = threading.Timer(0.5, os.kill, (worker, signal.SIGKILL))
    timer.start()
    try:
        with pytest.raises(Corrupt, match="reader process stopped"):
            pool.parse(slow)
    finally:
        timer.cancel()
    assert "Python" in pool.parse(pdfgen.minimal_pdf()).text


@pytest.mark.slow
def test_a_worker_dead_while_idle_is_restarted(own_pool):
    pool = own_pool
    worker = _worker_pid(pool)
    os.kill(worker, signal.SIGKILL)
    _wait_until_dead(worker)
    assert "Python" in pool.parse(pdfgen.minimal_pdf()).text
    assert _worker_pid(pool) != worker


@pytest.mark.slow
def test_memory_cap_turns_into_corrupt():
    """A page with more characters than the worker's memory can lay out (630,000 here; bombs
    are refused by the inflate limits long before memory runs out)."""
    content = (b"BT /F1 10 Tf 72 700 Td " + (b"(" + b"Python " * 150 + b") Tj 0 -1 Td ") * 600
               + b"ET")
    data = pdfgen._assemble(pdfgen._text_page_objects(content))
    settings = Settings(worker_memory_mb=256, parse_timeout_s=20)
    with DocumentPool(settings, workers=1) as small:
        with pytest.raises(Corrupt, match="memory"):
            small.parse(data)
        assert "Python" in small.parse(pdfgen.minimal_pdf()).text


def test_pool_size_caps_concurrent_parses(pool):
    data = pdfgen.make_pdf()
    results, errors = [], []

    def work():
        try:
            results.append(pool.parse(data).text)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors and len(results) == 6 and len(set(results)) == 1
    pids = []
    probes = [threading.Thread(target=lambda: pids.append(_worker_pid(pool))) for _ in range(4)]
    for thread in probes:
        thread.start()
    for thread in probes:
        thread.join(30)
    assert len(pids) == 4 and len(set(pids)) == 1  # one worker served them all, in turn


def test_parse_bytes_uses_the_default_pool_for_pdfs():
    settings = Settings(parse_workers=1, worker_memory_mb=640)
    doc = parse_bytes(pdfgen.make_pdf(), "cv.pdf", settings=settings)
    assert doc.source_format == "pdf"
    pool = default_pool(settings)
    assert pool.workers.starts == 1
    assert _worker_pid(pool) != os.getpid()
    # text never goes to a worker
    assert parse_bytes(b"Skills: Python", settings=settings).source_format == "text"
    assert pool.workers.starts == 1


def test_workers_do_not_import_spacy(pool):
    loaded = pool.workers.call(None, handle=pool_probes.modules)
    assert "pdfminer" in loaded
    assert not any(name.split(".")[0] in ("spacy", "thinc") for name in loaded)


def test_workers_are_recycled_after_many_documents():
    with DocumentPool(SETTINGS, workers=1, max_jobs_per_worker=2) as pool:
        pool.parse(pdfgen.minimal_pdf())
        first = _worker_pid(pool)  # its second task: worn out, a replacement starts
        pool.workers.settle()
        # The worn-out worker kept its slot meanwhile; the next task runs on the replacement.
        assert pool.parse(pdfgen.minimal_pdf()).text
        assert _worker_pid(pool) != first
        assert pool.workers.background_starts == 1 and pool.restarts == 0


def test_recycling_never_makes_a_caller_wait_for_a_cold_start():
    data = pdfgen.minimal_pdf()
    with DocumentPool(SETTINGS, workers=1, max_jobs_per_worker=2) as pool:
        pool.warm()
        for _ in range(6):  # each second parse wears a worker out: three replacements
            pool.parse(data)
            pool.workers.settle()  # let a replacement finish starting
        # every start after warm() ran in the background, none on the caller's thread
        assert pool.workers.starts == 1 + pool.workers.background_starts == 4
        assert pool.restarts == 0
