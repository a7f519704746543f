"""Memory and start-up: peak RSS of a large ``skillmatch batch`` against one a tenth its size
(flat means the batch does not grow with the number of files), and the cold start of
``skillmatch extract`` on one file against importing spaCy and making a blank pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .common import MB, SAMPLES, Context, Figure, median, timed, tree_rss_bytes, write_texts

AREA = "memory"
CLI = [sys.executable, "-c", "from service.cli import app; app()"]
SPACY_ONLY = [sys.executable, "-c", "import spacy; spacy.blank('en')('Python and SQL')"]


def batch_peak(folder: Path, out: Path, env: dict[str, str]) -> tuple[int, float]:
    """Peak RSS (process tree, sampled every 50 ms) and wall time of ``skillmatch batch``."""
    start = time.perf_counter()
    process = subprocess.Popen([*CLI, "batch", str(folder), "--out", str(out)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    try:
        while process.poll() is None:
            peak = max(peak, tree_rss_bytes(process.pid))
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    return peak, time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    env = {**os.environ, **ctx.env}
    large = ctx.scale(30, 10_000)
    small = large // 10
    write_texts(ctx.workdir / "mem-large", large)
    large_peak, large_s = batch_peak(ctx.workdir / "mem-large", ctx.workdir / "mem-large.csv", env)
    small_peak, small_s = 0, 0.0
    if not ctx.quick:  # quick mode only checks that the measurement works
        write_texts(ctx.workdir / "mem-small", small)
        small_peak, small_s = batch_peak(ctx.workdir / "mem-small", ctx.workdir / "mem-small.csv",
                                         env)
    flat = Figure(
        AREA, f"peak RSS of a {large:,}-file batch", large_peak / MB, "MB",
        f"the same batch of {small:,} files" if small_peak else "", (small_peak / MB) or None,
        goal="flat: ≤ 1.1× the small batch",
        notes="text resumes, default workers; process tree (driver plus workers)",
        raw={"large_wall_s": large_s, "small_wall_s": small_s,
             "large_files_per_s": large / large_s},
    )
    flat.met = flat.ratio <= 1.1 if flat.ratio is not None else None
    one = SAMPLES / "resumes" / "ml-engineer.txt"
    rounds = ctx.scale(1, 5)
    ours, base = [], []
    for _ in range(rounds):
        ours.append(timed(lambda: subprocess.run([*CLI, "extract", str(one), "--format", "json"],
                                                 check=True, env=env, capture_output=True)))
        base.append(timed(lambda: subprocess.run(SPACY_ONLY, check=True, capture_output=True)))
    cold = Figure(
        AREA, "cold start: `skillmatch extract` on one file", median(ours), "s",
        "python: import spacy, blank('en') on a sentence", median(base),
        notes=f"median of {rounds} runs, wall time of a new process",
    )
    return [flat, cold]
