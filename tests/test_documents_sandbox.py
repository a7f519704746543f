"""The worker pool: results, timeouts, dead workers, memory cap, concurrency cap."""

from __future__ import annotations

import os
import signal
import threading
import time

import pdfgen
import pytest

from service.documents import DocumentPool, parse_bytes, read_document
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


def test_pool_result_equals_in_process_result(pool):
    data = pdfgen.make_pdf(pages=2, header="Jane - Resume", footer=True)
    assert pool.parse(data) == read_document(data)


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
    pool.warm()
    (worker,) = list(pool._workers)
    timer = threading.Timer(0.5, os.kill, (worker.process.pid, signal.SIGKILL))
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
    pool.warm()
    (worker,) = list(pool._workers)
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.wait(5)
    assert "Python" in pool.parse(pdfgen.minimal_pdf()).text


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
    assert len(pool._workers) == 1


def test_parse_bytes_uses_the_default_pool_for_pdfs():
    settings = Settings(parse_workers=1, worker_memory_mb=640)
    doc = parse_bytes(pdfgen.make_pdf(), "cv.pdf", settings=settings)
    assert doc.source_format == "pdf"
    pool = default_pool(settings)
    assert len(pool._workers) == 1
    worker = next(iter(pool._workers))
    assert worker.process.pid != os.getpid()
    # text never goes to a worker
    assert parse_bytes(b"Skills: Python", settings=settings).source_format == "text"


def test_workers_do_not_import_spacy(pool):
    pool.warm()
    (worker,) = list(pool._workers)
    maps = open(f"/proc/{worker.process.pid}/maps").read() if os.path.exists("/proc") else ""
    assert "spacy" not in maps and "thinc" not in maps


def test_workers_are_recycled_after_many_documents(monkeypatch):
    from service.documents import sandbox

    monkeypatch.setattr(sandbox, "MAX_JOBS_PER_WORKER", 2)
    with DocumentPool(SETTINGS, workers=1) as pool:
        pool.parse(pdfgen.minimal_pdf())
        (first,) = pool._workers
        pool.parse(pdfgen.minimal_pdf())  # worn out: a replacement starts in the background
        spare = pool._spares[0].result(timeout=60)
        # The worn-out worker kept its slot meanwhile; the next parse runs on the replacement.
        assert pool.parse(pdfgen.minimal_pdf()).text
        assert spare.jobs == 1 and spare.alive()
        first.process.wait(timeout=10)
        for thread in threading.enumerate():  # the retiring thread forgets the worker after
            if thread.name == "reader-retire":  # its process has exited
                thread.join(timeout=10)
        assert pool._workers == {spare} and pool.restarts == 0


def test_recycling_never_makes_a_caller_wait_for_a_cold_start(monkeypatch):
    from service.documents import sandbox

    monkeypatch.setattr(sandbox, "MAX_JOBS_PER_WORKER", 2)
    data = pdfgen.minimal_pdf()
    with DocumentPool(SETTINGS, workers=1) as pool:
        pool.warm()
        start = pool._start
        starts: list[str] = []  # the thread each worker start ran on

        def recorded_start():
            starts.append(threading.current_thread().name)
            return start()

        monkeypatch.setattr(pool, "_start", recorded_start)
        for _ in range(6):  # each second parse wears a worker out: three replacements
            pool.parse(data)
            for spare in list(pool._spares):  # let a replacement finish starting
                spare.result(timeout=60)
        assert starts == ["reader-spare"] * 3  # never on the caller's thread
        assert pool.restarts == 0
