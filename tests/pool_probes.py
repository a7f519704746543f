"""Module-level task functions for worker pool tests (pickled by reference, run in workers)."""

from __future__ import annotations

import os
import sys
import time

from service.workers import report_progress


def remember(config: object) -> object:
    """Setup: the worker's state is its config."""
    return config


def refuse(config: object) -> object:
    """Setup that fails, as a worker with a broken taxonomy would."""
    raise ValueError("the toy taxonomy is broken")


def pid(state: object, payload: object) -> int:
    """The worker's process id: which worker ran a task."""
    return os.getpid()


def modules(state: object, payload: object) -> list[str]:
    """The modules the worker has imported."""
    return sorted(sys.modules)


def act(state: object, payload: tuple) -> object:
    """``("echo", x)``, ``("sleep", s)``, ``("crash",)``, ``("raise",)``, ``("hog", mb)``,
    ``("note", s)`` (reports a note, then sleeps ``s``)."""
    what = payload[0]
    if what == "echo":
        return (state, payload[1], os.getpid())
    if what == "sleep":
        time.sleep(payload[1])
        return os.getpid()
    if what == "crash":
        os._exit(3)
    if what == "raise":
        raise ValueError("secret text from the input")
    if what == "hog":
        block = bytearray(payload[1] * 1024 * 1024)
        return len(block)
    if what == "note":
        report_progress(("slow part", 1))
        time.sleep(payload[1])
        return os.getpid()
    raise AssertionError(what)
