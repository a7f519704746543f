"""A local pool's worker process: ``python -m service.workers.child <socket fd>``.

A fresh interpreter (nothing forked from a parent that may hold spaCy; the parent's ``__main__``,
e.g. the ``skillmatch`` console script, is never re-imported, unlike multiprocessing's spawn).
Protocol over the socket: the parent sends its ``sys.path``, then ``(memory_mb, spec)``; the child caps its
address space, runs ``spec.setup`` and answers ``("ready", None)`` or ``("init_error", reason)``;
then per task it receives ``(handle or None, payload)`` and answers ``("ok", result)`` or
``("raised", (type, where))``, with any ``("note", x)`` from ``report_progress`` before. ``None``
or a closed socket ends it; a watchdog thread exits it if the parent disappears.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def apply_memory_limit(memory_mb: int) -> None:
    """Cap this process's address space at ``memory_mb`` (RLIMIT_AS) and disable core dumps."""
    import resource

    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])


def serve(conn: Connection) -> None:
    """Set up from the first message, then run tasks until told to stop."""
    from .base import set_progress_channel

    try:
        path = conn.recv()
        sys.path[:0] = [p for p in path if p not in sys.path]  # before the spec is unpickled
        memory_mb, spec = conn.recv()
    except (EOFError, OSError):
        return
    if memory_mb:
        apply_memory_limit(memory_mb)
    try:
        state = spec.setup(spec.config)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops
        reason = getattr(exc, "message", None) or f"{type(exc).__name__} at {_where(exc)}"
        conn.send(("init_error", reason))
        return
    gc.collect()
    gc.freeze()  # the modules and tables setup loaded: never scanned again
    conn.send(("ready", None))
    set_progress_channel(lambda note: conn.send(("note", note)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        handle, payload = message
        del message
        try:
            reply = ("ok", (handle or spec.handle)(state, payload))
        except MemoryError:
            return  # the parent sees the worker die: a crash
        except Exception as exc:  # noqa: BLE001 - a bug in handle must not kill the worker
            reply = ("raised", (type(exc).__name__, _where(exc)))
        del payload
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def main(fd: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it was
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked until now (a pending
    # one is discarded)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    serve(Connection(fd))


if __name__ == "__main__":
    main(int(sys.argv[1]))
