"""Batch: resumes/s of ``skillmatch batch`` with 1 and 2 workers on generated two-page PDFs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .common import Context, Figure, write_pdfs

AREA = "batch"
ROUNDS = 3
CLI = [sys.executable, "-c", "from service.cli import app; app()"]


def batch_seconds(inputs: list[Path], out: Path, workers: int, env: dict[str, str]) -> float:
    """Wall time of one ``skillmatch batch`` run (a fresh output and journal each time)."""
    start = time.perf_counter()
    subprocess.run([*CLI, "batch", *map(str, inputs), "--workers", str(workers), "--out", str(out)],
                   check=True, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=1800)
    return time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    """Full mode: 1 and 2 workers alternating for ``ROUNDS`` rounds, fixed costs taken off each
    run, the median rate of each kept (one run of each varied 1.6-2.2× on the same code). Quick
    mode only checks that a 2-worker run works (no baseline, no goal judged)."""
    count = ctx.scale(4, 500)
    pdfs = write_pdfs(ctx.workdir / "batch-pdfs", count)
    counts = (2,) if ctx.quick else (1, 2)
    runs: dict[int, list[float]] = {workers: [] for workers in counts}
    raw: dict[str, float] = {}
    for turn in range(ctx.scale(1, ROUNDS)):
        for workers in counts[:: 1 if turn % 2 == 0 else -1]:  # 1 2, 2 1, 1 2
            # Fixed costs (start-up, workers, writing outputs) from a one-file run, taken off.
            fixed = 0.0 if ctx.quick else batch_seconds(
                pdfs[:1], ctx.workdir / f"fixed-{workers}-{turn}.csv", workers, ctx.env)
            total = batch_seconds(pdfs, ctx.workdir / f"batch-{workers}-{turn}.csv", workers,
                                  ctx.env)
            runs[workers].append((count - (0 if ctx.quick else 1)) / max(total - fixed, 1e-9))
    rates = {workers: statistics.median(values) for workers, values in runs.items()}
    for workers, values in runs.items():
        raw[f"workers_{workers}_resumes_per_s"] = rates[workers]
    each = "; ".join(f"{w} worker{'s' if w > 1 else ''}: " + ", ".join(f"{v:.1f}" for v in values)
                     for w, values in runs.items())
    figure = Figure(
        AREA, "2 workers, resumes/s", rates[2], "resumes/s", "1 worker" if 1 in rates else "",
        rates.get(1), goal="≥ 1.8× one worker",
        notes=(f"{count} generated 2-page PDFs; start-up taken off; median of "
               f"{len(runs[2])} alternating runs each (resumes/s {each})"), raw=raw,
    )
    figure.met = figure.ratio >= 1.8 if figure.ratio is not None else None
    return [figure]
