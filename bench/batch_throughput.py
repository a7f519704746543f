"""Batch benchmark: resumes per second for 1 and N local workers on generated PDFs, and the
driver's memory over a many-file batch.

Used by ``bench/run.py``; also runs alone: ``python bench/batch_throughput.py [--quick]``.
Run from a ``__main__`` guard: the batch starts its workers with ``spawn``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from service.batch.driver import NoProgress, plan_batch, run_batch  # noqa: E402
from service.batch.journal import RunHeader  # noqa: E402
from service.batch.tasks import Outcome, WorkConfig  # noqa: E402
from service.batch.work import describe_run, make_analyzer  # noqa: E402


class _Clock(NoProgress):
    """Records when each result arrives."""

    def start(self, total: int) -> None:
        self.started = time.monotonic()
        self.times: list[float] = []

    def finished(self, outcome: Outcome) -> None:
        self.times.append(time.monotonic())


def generate_pdfs(folder: Path, count: int) -> list[Path]:
    """``count`` resume PDFs: the sample resumes in one column, every fourth the two-column one."""
    import pdfgen

    texts = sorted((ROOT / "samples" / "resumes").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        source = texts[i % len(texts)]
        data = (pdfgen.make_pdf(columns=2) if i % 4 == 3 else
                pdfgen.make_pdf(lines=[*source.read_text().splitlines(), f"Reference {i}"]))
        path = folder / f"{i:04d}-{source.stem}.pdf"
        path.write_bytes(data)
        paths.append(path)
    return paths


def throughput(folder: Path, workers: int, out_dir: Path) -> dict[str, float]:
    """One batch over ``folder`` with ``workers`` processes against the ml-engineer profile."""
    plan = plan_batch([str(folder)], header=describe_run(None, None), config=WorkConfig(),
                      outputs=[out_dir / f"workers{workers}.csv"], workers=workers)
    clock = _Clock()
    start = time.monotonic()
    result = run_batch(plan, make_analyzer, progress=clock)
    wall = time.monotonic() - start
    n = len(clock.times)
    steady = (n - 1) / (clock.times[-1] - clock.times[0]) if n > 1 else 0.0
    return {"workers": workers, "files": n, "ok": result.counts.get("ok", 0),
            "wall_s": round(wall, 2), "first_result_s": round(clock.times[0] - clock.started, 2),
            "resumes_per_s": round(n / wall, 2), "steady_resumes_per_s": round(steady, 2)}


def driver_memory(files: int, work_dir: Path) -> dict[str, float]:
    """Peak RSS of the driver over ``files`` small text files (a trivial analyzer does the work:
    the driver's memory does not depend on it)."""
    from batch_fakes import keyword_analyzer

    folder = work_dir / "text"
    for i in range(files):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(f"Python SQL resume {i}\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    plan = plan_batch([str(folder)], header=RunHeader(profile="toy"), config=WorkConfig(),
                      outputs=[work_dir / "memory.csv"], workers=2)
    start = time.monotonic()
    result = run_batch(plan, keyword_analyzer)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"files": sum(result.counts.values()), "wall_s": round(time.monotonic() - start, 1),
            "peak_rss_mb_before": round(before / 1024, 1), "peak_rss_mb": round(peak / 1024, 1)}


def run(pdfs: int = 500, workers: tuple[int, ...] = (1, 2), memory_files: int = 10_000) -> dict:
    """All batch figures; ``speedup`` is the steady rate of the most workers over one."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate_pdfs(work / "pdfs", pdfs)
        runs = [throughput(work / "pdfs", n, work) for n in workers]
        memory = driver_memory(memory_files, work) if memory_files else None
    base = runs[0]["steady_resumes_per_s"] or 1.0
    return {"pdfs": pdfs, "runs": runs, "speedup": round(runs[-1]["steady_resumes_per_s"] / base, 2),
            "memory": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few files: check it works")
    args = parser.parse_args()
    figures = run(pdfs=6, memory_files=200) if args.quick else run()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
