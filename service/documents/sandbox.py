"""The sandbox: long-lived worker processes that read untrusted PDF, DOCX and RTF bytes.

``DocumentPool`` is a ``service.workers.LocalPool`` whose workers import only the readers
(pdfminer, python-docx), so starting one is cheap. The pool caps each worker's address space
(RLIMIT_AS = ``settings.worker_memory_mb``) and enforces the wall-clock limit
(``settings.parse_timeout_s``): a worker that overruns or dies is killed, its slot starts a fresh
worker on next use, and the caller gets ``ParseTimeout`` or ``Corrupt``. The pool size caps
concurrent parses: callers beyond it wait. Workers are recycled after ``MAX_JOBS_PER_WORKER``
documents, the replacement starting in the background so no caller waits for a cold start.

Code that is already inside a worker process of its own (the batch runner) calls
``apply_worker_limits(settings)`` once and then ``read_document_limited`` per document.

OCR gets its own budget: a worker announces ("ocr", pages) before reading scanned pages, and the
parent then waits ``parse_timeout_s + pages × ocr_page_timeout_s`` instead of ``parse_timeout_s``.
"""

from __future__ import annotations

import atexit
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import Corrupt, DocumentError, ParseTimeout, SkillmatchError
from ..models import Document
from ..settings import DEFAULTS, Settings
from . import ocr
from ..workers import Crashed, LocalPool, TaskRaised, TimedOut, WorkerSpec, WorkerStartError
from ..workers import report_progress
from ..workers.child import apply_memory_limit
from .gcpause import gc_paused
from .vocab import BUILT_IN, Vocabulary

log = logging.getLogger(__name__)

STARTUP_TIMEOUT_S = 60.0
MAX_JOBS_PER_WORKER = 500  # recycle long-lived workers so memory fragmentation cannot pile up


def apply_worker_limits(settings: Settings) -> None:
    """Cap this process's address space at ``settings.worker_memory_mb`` and disable core dumps."""
    apply_memory_limit(settings.worker_memory_mb)


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
    """``read_document_in_process`` under ``time_limit(settings.parse_timeout_s)``; MemoryError →
    Corrupt.

    For processes that are their own sandbox (call ``apply_worker_limits`` first).
    """
    from .reader import read_document_in_process

    from .pdfguards import install_pdfminer_guards

    settings = settings or DEFAULTS
    install_pdfminer_guards()

    def extend_for_ocr(pages: int) -> None:
        signal.setitimer(signal.ITIMER_REAL,
                         settings.parse_timeout_s + pages * settings.ocr_page_timeout_s)

    try:
        with time_limit(settings.parse_timeout_s), ocr.announcing(extend_for_ocr):
            return read_document_in_process(data, filename, settings=settings,
                                            vocabulary=vocabulary)
    except MemoryError:
        raise _memory_error() from None
    except RecursionError:
        raise Corrupt("The document's structure is nested too deeply to read.") from None


def _memory_error() -> Corrupt:
    return Corrupt("Reading the document needed more memory than allowed (it may hold a "
                   "decompression bomb). Export it again and retry.")


def _start_reader(settings: Settings) -> Callable[..., Document]:
    """A reader worker's setup: guards installed, vocabularies preloaded (the pool caps memory
    before this runs). Returns the in-process reader."""
    from .pdfguards import install_pdfminer_guards
    from .reader import read_document_in_process

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    install_pdfminer_guards()
    return read_document_in_process


def _read_in_worker(read: Callable[..., Document],
                    job: tuple[bytes, str | None, Settings, Vocabulary]) -> tuple:
    """A reader worker's task: one document, OCR announced to the parent (new deadline)."""
    data, filename, settings, vocabulary = job
    with gc_paused(), ocr.announcing(lambda pages: report_progress(("ocr", pages))):
        return _serve_one(read, data, filename, settings, vocabulary)


def _serve_one(read: Callable[..., Document], data: bytes, filename: str | None,
               settings: Settings, vocabulary: Vocabulary = BUILT_IN) -> tuple:
    """("ok", Document) or ("error", code, message); a reader bug raises (``TaskRaised``)."""
    try:
        return ("ok", read(data, filename, settings=settings, vocabulary=vocabulary))
    except SkillmatchError as exc:
        return ("error", exc.code, exc.message)
    except MemoryError:
        error = _memory_error()
        return ("error", error.code, error.message)


def _error_for(code: str, message: str) -> DocumentError:
    from .. import errors

    for cls in errors.all_error_classes():
        if cls.code == code and issubclass(cls, DocumentError):
            return cls(message)
    return Corrupt(message)


class DocumentPool:
    """A fixed number of reader processes (a ``LocalPool``); ``parse`` blocks while all of them
    are busy. ``workers`` is the pool itself, for ``warm``, ``call`` and its counters."""

    def __init__(self, settings: Settings | None = None, workers: int | None = None, *,
                 max_jobs_per_worker: int | None = None) -> None:
        self.settings = settings or DEFAULTS
        self.size = workers or self.settings.parse_workers
        self.workers = LocalPool(
            WorkerSpec(_start_reader, _read_in_worker, self.settings), size=self.size,
            memory_mb=self.settings.worker_memory_mb, start_timeout=STARTUP_TIMEOUT_S,
            max_tasks_per_worker=max_jobs_per_worker or MAX_JOBS_PER_WORKER,
            name="document reader process")

    @property
    def restarts(self) -> int:
        return self.workers.restarts

    @property
    def closed(self) -> bool:
        return self.workers.closed

    def warm(self) -> None:
        """Start every worker now instead of on first use."""
        self.workers.warm()

    def parse(self, data: bytes, filename: str | None = None, *,
              settings: Settings | None = None, vocabulary: Vocabulary = BUILT_IN) -> Document:
        """Read ``data`` in a worker within ``settings.parse_timeout_s``; typed errors only."""
        if self.workers.closed:
            raise RuntimeError("DocumentPool is closed")
        settings = settings or self.settings

        def ocr_budget(note: tuple[str, int]) -> float:
            # OCR starts: its own budget, per scanned page (the reader enforces each)
            return note[1] * settings.ocr_page_timeout_s + settings.parse_timeout_s

        try:
            reply = self.workers.call((data, filename, settings, vocabulary),
                                      timeout=settings.parse_timeout_s, on_note=ocr_budget)
        except TimedOut as exc:
            what = "Reading the document"
            if exc.note is not None:
                pages = exc.note[1]
                what = f"Reading {pages} scanned page{'s' if pages > 1 else ''} by OCR"
            raise ParseTimeout(f"{what} took longer than {exc.seconds:g} s.") from None
        except Crashed:
            raise Corrupt("The reader process stopped while reading this document (it may need "
                          "more memory than allowed). Export it again and retry.") from None
        except TaskRaised as exc:
            log.error("document reader failed: %s at %s", exc.kind, exc.where)
            raise Corrupt(f"The document could not be read (internal error {exc.kind}).") from None
        except WorkerStartError:
            raise RuntimeError("a document reader process failed to start") from None
        if reply[0] == "ok":
            return reply[1]
        raise _error_for(reply[1], reply[2])

    def close(self) -> None:
        """Stop every worker (idle ones politely, busy ones by kill)."""
        self.workers.close()

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
        if pool is None or pool.closed:
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
