"""Process-wide tuning that a door applies once, after warm-up, in a process it owns: the API
server, a local batch worker, the in-process benches. Never in a host process that embeds
skillmatch (an app built with ``create_app``, a program calling ``AnalysisContext``)."""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Move every object alive now (modules, taxonomy, spaCy pipeline, compiled rules: ~150k of
    them) to the cyclic collector's permanent generation, so that a full collection re-scans
    only what requests created since (with them, a third of a full collection's pause and a
    few per cent of every extraction's time). Frozen objects are still freed when their last
    reference goes; only a cycle among them would stay."""
    gc.collect()
    gc.freeze()
