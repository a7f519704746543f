"""Batch: resumes/s of ``skillmatch batch`` with 1 and 2 workers on generated two-page PDFs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .common import Context, Figure, write_pdfs

AREA = "batch"
CLI = [sys.executable, "-c", "from service.cli import app; app()"]


def batch_seconds(inputs: list[Path], out: Path, workers: int, env: dict[str, str]) -> float:
    """Wall time of one ``skillmatch batch`` run (a fresh output and journal each time)."""
    start = time.perf_counter()
    subprocess.run([*CLI, "batch", *map(str, inputs), "--workers", str(workers), "--out", str(out)],
                   check=True, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=1800)
    return time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    """Full mode: 1 and 2 workers, fixed costs taken off. Quick mode only checks that a
    2-worker run works (no baseline, no goal judged)."""
    count = ctx.scale(4, 500)
    pdfs = write_pdfs(ctx.workdir / "batch-pdfs", count)
    rates, raw = {}, {}
    for workers in (2,) if ctx.quick else (1, 2):
        # Fixed costs (start-up, workers, writing outputs) from a one-file run, taken off.
        fixed = 0.0 if ctx.quick else batch_seconds(pdfs[:1], ctx.workdir / f"fixed-{workers}.csv",
                                                    workers, ctx.env)
        total = batch_seconds(pdfs, ctx.workdir / f"batch-{workers}.csv", workers, ctx.env)
        rates[workers] = (count - (0 if ctx.quick else 1)) / max(total - fixed, 1e-9)
        raw[f"workers_{workers}_wall_s"] = total
        raw[f"workers_{workers}_fixed_s"] = fixed
        raw[f"workers_{workers}_resumes_per_s"] = rates[workers]
    figure = Figure(
        AREA, "2 workers, resumes/s", rates[2], "resumes/s", "1 worker" if 1 in rates else "",
        rates.get(1), goal="≥ 1.8× one worker",
        notes=f"{count} generated 2-page PDFs; start-up taken off", raw=raw,
    )
    figure.met = figure.ratio >= 1.8 if figure.ratio is not None else None
    return [figure]
