"""``gc_paused()``: hold off Python's cyclic garbage collector while a reader builds its objects.

pdfminer allocates tens of thousands of layout objects per page that stay alive until the page
is analysed and are then freed by reference counting (they form no cycles). With the collector
on, every few hundred allocations it re-scans all of them, and the pile of survivors keeps
triggering full collections: a fifth of the parse time goes to finding no garbage. Pausing it
for the length of one parse (bounded by the parse time and memory limits) removes that cost;
the few cycles a parse leaves (parser ↔ document) are collected after it.

Nested and concurrent pauses are counted: the collector comes back when the last one ends, and
only if it was on when the first one began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_restore = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the body (reference counting still frees memory)."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()
