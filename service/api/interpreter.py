"""Interpreter tuning for the API server process, applied once at server start-up.

``skillmatch serve`` builds its app with ``create_server_app`` (``service/api/app.py``), whose
lifespan calls ``tune_interpreter`` after warm-up; an app built with ``create_app`` (tests, an
embedding program) leaves its host process's interpreter alone.
"""

from __future__ import annotations

import sys

from ..process import freeze_startup_objects

SWITCH_INTERVAL_S = 0.001
"""The GIL switch interval of the server process (CPython's default is 5 ms)."""

_tuned = False


def tune_interpreter() -> None:
    """Once per process, after warm-up: keep the event loop responsive while threadpool threads
    run CPU-bound Python (extraction of a large upload, scoring).

    - The GIL switch interval drops from 5 ms to ``SWITCH_INTERVAL_S``: the event loop gives the
      GIL up at every socket or database call, and with a CPU-bound thread running it waits a
      whole interval to get it back, so one 400 ms extraction turned a 1 ms cached match into
      50-100 ms.
    - Every object alive after warm-up (modules, taxonomy, spaCy pipeline) moves to the
      collector's permanent generation: a full collection no longer re-scans those ~150k
      objects (a 200-300 ms pause holding the GIL), only what requests created since.
    """
    global _tuned
    if _tuned:
        return
    _tuned = True
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    freeze_startup_objects()
