"""What every benchmark area shares: the figure record, timers, inputs and process RSS."""

from __future__ import annotations

import io
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
PDF_WORDS = 650


@dataclass
class Figure:
    """One measured figure next to the baseline measured in the same run on the same inputs.

    ``ratio`` is value / baseline (for "higher is better" figures such as a speed-up, the goal
    says so). ``goal`` is a human sentence; ``met`` is None when there is no goal.
    """

    area: str
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    goal: str = ""
    met: bool | None = None
    notes: str = ""
    raw: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


@dataclass
class Context:
    """Run-wide settings: quick (CI smoke, seconds) or full, and a scratch directory."""

    quick: bool
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)

    def scale(self, quick: int, full: int) -> int:
        return quick if self.quick else full

    @cached_property
    def analysis(self):  # -> service.context.AnalysisContext
        """The analysis context of the in-process benches, built from the environment's
        settings (``SKILLMATCH_*``) as every door builds it, in a process warmed up as the
        server and the local batch workers warm theirs: every practice rule compiled, the
        start-up objects frozen out of the collector's full scans."""
        from service.context import AnalysisContext
        from service.process import freeze_startup_objects
        from service.settings import Settings

        analysis = AnalysisContext.from_settings(Settings())
        analysis.pipeline.practices.compile_all()
        freeze_startup_objects()
        return analysis


def timed(fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds one call of ``fn`` takes: wall time, or CPU time with ``time.process_time``
    (steadier on a shared machine, but blind to other processes)."""
    start = clock()
    fn()
    return clock() - start


def interleaved(a: Callable[[], object], b: Callable[[], object], rounds: int,
                clock: Callable[[], float] = time.perf_counter) -> tuple[list[float], list[float]]:
    """Time ``a`` and ``b`` alternately ``rounds`` times each, so load from other processes on
    the machine hits both alike."""
    times_a, times_b = [], []
    for index in range(rounds):
        first, second = (a, b) if index % 2 == 0 else (b, a)
        t_first, t_second = timed(first, clock), timed(second, clock)
        if first is a:
            times_a.append(t_first), times_b.append(t_second)
        else:
            times_b.append(t_first), times_a.append(t_second)
    return times_a, times_b


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by the nearest-rank method."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "resumes").glob("*.txt"))]


def resumes_of_words(words: int = 600) -> list[str]:
    """One ~``words``-word resume per sample: the sample plus the opening lines of the next."""
    texts = sample_texts()
    out = []
    for index, text in enumerate(texts):
        extra = texts[(index + 1) % len(texts)].splitlines()
        lines = text.splitlines()
        for line in extra:
            if len(" ".join(lines).split()) >= words:
                break
            lines.append(line)
        out.append("\n".join(lines) + "\n")
    return out


def _pdfgen():
    tests = str(REPO / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    import pdfgen

    return pdfgen


@lru_cache(maxsize=1)
def two_page_pdfs() -> tuple[bytes, ...]:
    """Each ~650-word resume laid out as a full two-page, one-column PDF (tests/pdfgen.py)."""
    pdfgen = _pdfgen()
    pdfs = []
    for text in resumes_of_words(PDF_WORDS):
        lines = text.splitlines()
        pdf = pdfgen.make_pdf(lines=lines[1:], name=lines[0], footer=True)
        if page_count(pdf) == 2:
            pdfs.append(pdf)
    return tuple(pdfs)


def page_count(pdf: bytes) -> int:
    from pdfminer.pdfpage import PDFPage

    return sum(1 for _ in PDFPage.get_pages(io.BytesIO(pdf)))


def write_pdfs(directory: Path, count: int) -> list[Path]:
    """``count`` distinct two-page resume PDFs (each names a different candidate)."""
    pdfgen = _pdfgen()
    texts = resumes_of_words(PDF_WORDS)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        lines = texts[index % len(texts)].splitlines()
        path = directory / f"resume-{index:05d}.pdf"
        path.write_bytes(pdfgen.make_pdf(lines=lines[1:], name=f"Candidate {index:05d}",
                                         footer=True))
        paths.append(path)
    return paths


def write_texts(directory: Path, count: int) -> list[Path]:
    """``count`` distinct text resumes (the samples, each with a different name line)."""
    texts = sample_texts()
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        body = texts[index % len(texts)].split("\n", 1)[1]
        path = directory / f"resume-{index:05d}.txt"
        path.write_text(f"Candidate {index:05d}\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    kids = []
    for task in tasks:
        try:
            kids += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return kids


def rss_bytes(pid: int) -> int:
    """Resident set size of one process (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss_bytes(pid: int) -> int:
    """RSS of a process and all its descendants (shared pages counted once per process)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss_bytes(current)
        stack.extend(_children(current))
    return total


MB = 1024 * 1024
