"""The sandbox: long-lived worker processes that read untrusted PDF/DOCX bytes.

Workers are fresh interpreters (``python -m service.documents.worker``, spawn semantics: nothing
is forked from a parent that may hold spaCy, and the parent's ``__main__`` is never re-imported)
that import only the readers (pdfminer, python-docx), so starting one is cheap. Each worker
caps its address space (RLIMIT_AS = ``settings.worker_memory_mb``); the parent enforces the
wall-clock limit (``settings.parse_timeout_s``): a worker that overruns or dies is killed, its
slot starts a fresh worker on next use, and the caller gets ``ParseTimeout`` or ``Corrupt``.
The pool size caps concurrent parses: callers beyond it wait. Workers are recycled after
``MAX_JOBS_PER_WORKER`` documents: the replacement starts in the background (starting a worker
takes ~1 s of CPU on a busy machine) while the old one keeps serving, and takes its slot once it
is ready, so no caller waits for a cold start.

Code that is already inside a worker process of its own (the batch runner) calls
``apply_worker_limits(settings)`` once and then ``read_document_limited`` per document.

OCR gets its own budget: a worker announces ("ocr", pages) before reading scanned pages, and the
parent then waits ``parse_timeout_s + pages × ocr_page_timeout_s`` instead of ``parse_timeout_s``.
(Over 350 lines: issue 15 merges this pool with the batch runner's.)
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from multiprocessing.connection import Connection

from ..errors import Corrupt, DocumentError, ParseTimeout, SkillmatchError
from ..models import Document
from ..settings import DEFAULTS, Settings
from . import ocr
from .gcpause import gc_paused
from .vocab import BUILT_IN, Vocabulary

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_S = 60.0
MAX_JOBS_PER_WORKER = 500  # recycle long-lived workers so memory fragmentation cannot pile up
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


def apply_worker_limits(settings: Settings) -> None:
    """Cap this process's address space at ``settings.worker_memory_mb`` and disable core dumps."""
    import resource

    limit = settings.worker_memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ParseTimeout`` in this (main) thread after ``seconds`` of wall-clock time.

    Uses SIGALRM, so it only works in the main thread of a process, and a long call inside C
    code is interrupted only when it returns to Python (memory is capped by RLIMIT_AS meanwhile).
    """
    def expire(signum: int, frame: object) -> None:
        raise ParseTimeout(f"Reading the document took longer than {seconds:g} s.")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_document_limited(data: bytes, filename: str | None = None, *,
                          settings: Settings | None = None,
                          vocabulary: Vocabulary = BUILT_IN) -> Document:
    """``read_document`` under ``time_limit(settings.parse_timeout_s)``; MemoryError → Corrupt.

    For processes that are their own sandbox (call ``apply_worker_limits`` first).
    """
    from .reader import read_document

    from .pdfguards import install_pdfminer_guards

    settings = settings or DEFAULTS
    install_pdfminer_guards()

    def extend_for_ocr(pages: int) -> None:
        signal.setitimer(signal.ITIMER_REAL,
                         settings.parse_timeout_s + pages * settings.ocr_page_timeout_s)

    try:
        with time_limit(settings.parse_timeout_s), ocr.announcing(extend_for_ocr):
            return read_document(data, filename, settings=settings, vocabulary=vocabulary)
    except MemoryError:
        raise _memory_error() from None
    except RecursionError:
        raise Corrupt("The document's structure is nested too deeply to read.") from None


def _memory_error() -> Corrupt:
    return Corrupt("Reading the document needed more memory than allowed (it may hold a "
                   "decompression bomb). Export it again and retry.")


def serve(conn: Connection, settings: Settings) -> None:
    """Worker loop: receive (bytes, filename, settings, vocabulary), send ("ok", Document) or an
    error."""
    apply_worker_limits(settings)
    from .pdfguards import install_pdfminer_guards
    from .reader import read_document

    install_pdfminer_guards()
    gc.collect()
    gc.freeze()  # the readers' modules and tables: never scanned again
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        data, filename, job_settings, vocabulary = message
        with gc_paused(), ocr.announcing(lambda pages: conn.send(("ocr", pages))):
            # until the reply is out: the parent is waiting for it
            reply = _serve_one(read_document, data, filename, job_settings, vocabulary)
            del data
            try:
                conn.send(reply)
            except (OSError, ValueError):
                return


def _serve_one(read: Callable[..., Document], data: bytes, filename: str | None,
               settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> tuple:
    """("ok", Document), ("error", code, message) or ("bug", exception type, where)."""
    try:
        return ("ok", read(data, filename, settings=settings, vocabulary=vocabulary))
    except SkillmatchError as exc:
        return ("error", exc.code, exc.message)
    except MemoryError:
        error = _memory_error()
        return ("error", error.code, error.message)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not kill the worker
        frames = traceback.extract_tb(exc.__traceback__)
        where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])
        return ("bug", type(exc).__name__, where)


def _error_for(code: str, message: str) -> DocumentError:
    from .. import errors

    for cls in errors.all_error_classes():
        if cls.code == code and issubclass(cls, DocumentError):
            return cls(message)
    return Corrupt(message)


class _Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self, settings: Settings) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_PROJECT_ROOT, env.get("PYTHONPATH")) if p)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "service.documents.worker", str(child.fileno())],
                pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=env, close_fds=True)
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.jobs = 0
        self.spare_requested = False  # a replacement is starting for this worn-out worker
        self.conn.send(settings)
        if not self.conn.poll(STARTUP_TIMEOUT_S) or self._ready() != "ready":
            self.kill()
            raise RuntimeError("a document reader process failed to start")

    def _ready(self) -> object:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return None

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.error("reader process %s did not exit after SIGKILL", self.process.pid)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.wait(timeout=2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


class DocumentPool:
    """A fixed number of reader processes; ``parse`` blocks while all of them are busy."""

    def __init__(self, settings: Settings | None = None, workers: int | None = None) -> None:
        self.settings = settings or DEFAULTS
        self.size = workers or self.settings.parse_workers
        self._slots: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(self.size):
            self._slots.put(None)
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        self._spares: list[Future[_Worker]] = []  # replacements starting for worn-out workers
        self.restarts = 0

    def _start(self) -> _Worker:
        worker = _Worker(self.settings)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            self.restarts += 1

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)

    def _start_spare(self) -> None:
        """Start a replacement worker in a background thread (see ``_take_spare``)."""
        spare: Future[_Worker] = Future()
        with self._lock:
            self._spares.append(spare)

        def start() -> None:
            try:
                worker = self._start()
            except (RuntimeError, OSError) as exc:
                log.warning("a replacement reader process failed to start: %s", exc)
                spare.set_exception(exc)
                return
            if self._closed:
                self._retire(worker)
            spare.set_result(worker)

        threading.Thread(target=start, name="reader-spare", daemon=True).start()

    def _take_spare(self) -> _Worker | None:
        """A replacement worker that has finished starting, if any (a failed start is dropped:
        the worn-out worker keeps serving and asks for another one after its next document)."""
        with self._lock:
            for spare in self._spares:
                if spare.done():
                    self._spares.remove(spare)
                    break
            else:
                return None
        if spare.exception() is not None:
            return None
        worker = spare.result()
        return worker if worker.alive() else None

    def _acquire(self) -> _Worker:
        """A live worker for one slot: a ready replacement instead of a worn-out or dead
        worker, else a fresh start (only when the slot's worker died or never started)."""
        worker = self._slots.get()
        try:
            if worker is None or not worker.alive() or worker.jobs >= MAX_JOBS_PER_WORKER:
                spare = self._take_spare()
                if spare is None and worker is not None:
                    with self._lock:
                        worker.spare_requested = bool(self._spares)  # a failed start: ask again
                if spare is not None:
                    if worker is not None:
                        old = worker
                        threading.Thread(target=self._retire if old.alive() else self._discard,
                                         args=(old,), name="reader-retire", daemon=True).start()
                    return spare
            if worker is None or not worker.alive():
                if worker is not None:
                    self._discard(worker)
                worker = None
                worker = self._start()
            return worker
        except BaseException:
            self._slots.put(worker)
            raise

    def warm(self) -> None:
        """Start every worker now instead of on first use."""
        taken = [self._slots.get() for _ in range(self.size)]
        for index, worker in enumerate(taken):
            if worker is None or not worker.alive():
                taken[index] = self._start()
        for worker in taken:
            self._slots.put(worker)

    def parse(self, data: bytes, filename: str | None = None, *,
              settings: Settings | None = None, vocabulary: Vocabulary = BUILT_IN) -> Document:
        """Read ``data`` in a worker within ``settings.parse_timeout_s``; typed errors only."""
        if self._closed:
            raise RuntimeError("DocumentPool is closed")
        settings = settings or self.settings
        worker: _Worker | None = self._acquire()
        try:
            try:
                worker.conn.send((data, filename, settings, vocabulary))
            except (OSError, ValueError):
                self._discard(worker)
                worker = self._start()
                worker.conn.send((data, filename, settings, vocabulary))
            deadline, what = settings.parse_timeout_s, "Reading the document"
            while True:
                if not worker.conn.poll(deadline):
                    self._discard(worker)
                    worker = None
                    raise ParseTimeout(f"{what} took longer than {deadline:g} s.")
                try:
                    reply = worker.conn.recv()
                except (EOFError, OSError):
                    self._discard(worker)
                    worker = None
                    raise Corrupt("The reader process stopped while reading this document (it "
                                  "may need more memory than allowed). Export it again and "
                                  "retry.") from None
                if reply[0] != "ocr":
                    break
                # OCR starts: its own budget, per scanned page (the reader enforces each)
                deadline = reply[1] * settings.ocr_page_timeout_s + settings.parse_timeout_s
                what = f"Reading {reply[1]} scanned page{'s' if reply[1] > 1 else ''} by OCR"
            worker.jobs += 1
            if worker.jobs >= MAX_JOBS_PER_WORKER and not worker.spare_requested:
                worker.spare_requested = True
                self._start_spare()
        finally:
            self._slots.put(worker)
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "bug":
            log.error("document reader failed: %s at %s", reply[1], reply[2])
            raise Corrupt(f"The document could not be read (internal error {reply[1]}).")
        raise _error_for(reply[1], reply[2])

    def close(self) -> None:
        """Stop every worker (idle ones politely, busy ones by kill)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> DocumentPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_pools: dict[tuple[int, int], DocumentPool] = {}
_pools_lock = threading.Lock()


def default_pool(settings: Settings | None = None) -> DocumentPool:
    """The process-wide pool for these memory/size settings, created on first use."""
    settings = settings or DEFAULTS
    key = (settings.worker_memory_mb, settings.parse_workers)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None or pool._closed:
            pool = _pools[key] = DocumentPool(settings, workers=settings.parse_workers)
        return pool


@atexit.register
def close_default_pools() -> None:
    """Stop the default pools (registered with ``atexit``)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()
