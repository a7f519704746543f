"""Progress and summary for a batch: a rich bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import time
from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .driver import BatchResult
from .tasks import Outcome


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("–/s" if speed is None else f"{speed:.1f} files/s", style="progress.data.speed")


class RichProgress:
    """A live bar with count, rate, elapsed time and ETA (for a terminal)."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("{task.fields[note]}"), console=console, transient=False)
        self._task = self._progress.add_task("scoring", total=0, note="", start=False)
        self._errors = 0
        self._skipped = 0

    def start(self, total: int) -> None:
        self._progress.update(self._task, total=total)
        self._progress.start_task(self._task)
        self._progress.start()

    def _note(self) -> str:
        parts = [plural(self._errors, "error")] if self._errors else []
        if self._skipped:
            parts.append(f"{self._skipped} already done")
        return ", ".join(parts)

    def skipped(self) -> None:
        self._skipped += 1
        total = self._progress.tasks[0].total or 0
        self._progress.update(self._task, total=max(0, total - 1), note=self._note())

    def finished(self, outcome: Outcome) -> None:
        self._errors += not outcome.ok
        self._progress.update(self._task, advance=1, note=self._note())

    def close(self) -> None:
        self._progress.stop()


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


class PlainProgress:
    """A status line every ``interval`` seconds on ``stream`` (for logs and pipes)."""

    def __init__(self, stream: TextIO, interval: float = 10.0) -> None:
        self.stream = stream
        self.interval = interval
        self.total = self.done = self.errors = self.skips = 0
        self._start = self._last = self._first = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self._start = self._last = time.monotonic()

    def skipped(self) -> None:
        self.skips += 1

    def finished(self, outcome: Outcome) -> None:
        self.done += 1
        self.errors += not outcome.ok
        now = time.monotonic()
        if self.done == 1:
            self._first = now
        if now - self._last >= self.interval:
            self._last = now
            self._line(now)

    def _line(self, now: float) -> None:
        todo = self.total - self.skips
        if self.done > 1 and now > self._first:  # the rate since the first result: no start-up
            rate = (self.done - 1) / (now - self._first)
        else:
            rate = self.done / max(now - self._start, 1e-9)
        eta = _duration((todo - self.done) / rate) if rate > 0 else "?"
        pct = 100 * self.done / todo if todo else 100.0
        print(f"batch: {self.done}/{todo} files ({pct:.0f}%), {rate:.1f} files/s, ETA {eta}, "
              f"{plural(self.errors, 'error')}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.done:
            self._line(time.monotonic())


def format_counts(counts: Counter[str]) -> str:
    parts = [f"ok {counts.get('ok', 0)}"]
    parts += [f"{code} {n}" for code, n in sorted(counts.items()) if code != "ok"]
    return ", ".join(parts)


def print_summary(result: BatchResult, console: Console) -> None:
    """Counts by outcome over the whole output, what this run did, and where the files are."""
    rows = sum(result.counts.values())
    console.print(f"Files: {result.total}; rows: {rows} ({format_counts(result.counts)})",
                  highlight=False, soft_wrap=True)
    line = f"This run analysed {result.processed}"
    if result.skipped:
        line += f"; skipped {result.skipped} already in the journal"
    console.print(line, highlight=False, soft_wrap=True)
    outs = ", ".join(str(p) for p in result.outputs)
    console.print(f"Wrote {outs} (journal: {result.journal})", highlight=False, soft_wrap=True)
    if result.interrupted:
        console.print("Interrupted: the output holds the files finished so far; "
                      "rerun with --resume to finish.", highlight=False, soft_wrap=True)
    elif result.stopped_early:
        console.print("Stopped at the first error (--fail-fast).", highlight=False, soft_wrap=True)
