"""Drive one batch: expand inputs, skip what the journal holds, run, journal, render outputs."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Protocol, Self

from ..errors import InputError, NotFound, TooLarge
from ..documents.files import open_regular, too_large
from ..settings import Settings
from .inputs import InputFile, expand_inputs
from .journal import Journal, RunHeader, journal_path_for
from .tasks import AnalyzerFactory, Outcome, Task, WorkConfig
from .writers import OUTPUT_SUFFIXES, render_outputs

if TYPE_CHECKING:
    from .dask_runner import DaskRunner
    from .runner import LocalRunner

DEFAULT_OUTPUT = "skillmatch-results.csv"
_READ_CHUNK = 1 << 20


class Progress(Protocol):
    """Where the driver reports progress (a rich bar, plain lines, or nothing)."""

    def start(self, total: int) -> None: ...
    def skipped(self) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...
    def close(self) -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def skipped(self) -> None:
        pass

    def finished(self, outcome: Outcome) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class BatchPlan:
    """A validated batch: what to read, what to score against, where to write."""

    files: list[InputFile]
    header: RunHeader
    config: WorkConfig
    outputs: list[Path]
    journal: Path
    workers: int
    resume: bool = False
    fail_fast: bool = False
    scheduler: str | None = None
    task_timeout: float = 20.0

    @property
    def replaces_journal(self) -> bool:
        """True when a journal from an earlier run exists and this run starts over."""
        return not self.resume and self.journal.exists()


@dataclass
class BatchResult:
    """What happened: counts by outcome over the whole output, and this run's share."""

    counts: Counter[str]
    total: int
    processed: int
    skipped: int
    interrupted: bool
    stopped_early: bool
    outputs: list[Path]
    journal: Path

    @property
    def exit_code(self) -> int:
        """0 only when every input file has an ok row; 130 after Ctrl-C; 1 otherwise."""
        if self.interrupted:
            return 130
        complete = sum(self.counts.values()) == self.total and not self.stopped_early
        return 0 if complete and self.counts.get("ok", 0) == self.total else 1


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def require_dask() -> None:
    """Raise ``InputError`` unless the ``dask`` extra (``distributed``) can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(
            "the --scheduler option needs the dask extra: pip install 'skillmatch[dask]'"
        ) from None


def plan_batch(inputs: list[str], *, header: RunHeader, config: WorkConfig,
               outputs: list[Path] | None = None, workers: int | None = None,
               resume: bool = False, fail_fast: bool = False, scheduler: str | None = None,
               settings: Settings | None = None) -> BatchPlan:
    """Check the arguments and expand the inputs; raises ``InputError`` on bad usage."""
    settings = settings or config.settings
    outs = outputs or [Path(DEFAULT_OUTPUT)]
    for out in outs:
        if out.suffix.lower() not in OUTPUT_SUFFIXES:
            raise InputError(f"Unknown output type '{out.name}': use .csv, .jsonl or .html.")
    if not inputs:
        raise InputError("Name at least one file, folder or glob to read.")
    files = expand_inputs(inputs)
    if not files:
        raise InputError("The inputs name no supported files "
                         "(.pdf, .docx, .rtf, .txt, .md, .json).")
    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1.")
    if scheduler:
        require_dask()
    return BatchPlan(
        files=files, header=header, config=config, outputs=outs,
        journal=journal_path_for(outs[0]), workers=min(workers or default_workers(), len(files)),
        resume=resume, fail_fast=fail_fast, scheduler=scheduler,
        task_timeout=settings.parse_timeout_s + 5.0)


def _read(file: InputFile, limit: int) -> Task:
    """The file's bytes and content hash, or a task that already failed.

    Opened with ``open_regular`` (pipes, devices and folders refused unread); a file over
    ``limit`` is hashed for the journal in chunks but never held in memory."""
    digest = hashlib.sha256()
    try:
        with open_regular(file.key) as (fh, size):
            if size > limit:
                for block in iter(lambda: fh.read(_READ_CHUNK), b""):
                    digest.update(block)
                return Task(file.path, file.key, digest.hexdigest(),
                            error=(TooLarge.code, too_large(size, limit).message))
            data = fh.read(limit + 1)
    except (InputError, NotFound) as exc:
        return Task(file.path, file.key, "", error=("unreadable", exc.message))
    except OSError as exc:
        return Task(file.path, file.key, "",
                    error=("unreadable", f"The file could not be read ({type(exc).__name__})."))
    digest.update(data)
    if len(data) > limit:
        return Task(file.path, file.key, digest.hexdigest(),
                    error=(TooLarge.code, too_large(len(data), limit).message))
    return Task(file.path, file.key, digest.hexdigest(), data=data)


class _Interrupt:
    """Turns the first Ctrl-C into a stop request; a second one interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Callable[..., object] | int | None = None

    def __enter__(self) -> Self:
        try:
            self._previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: Ctrl-C is not ours to handle
            self._previous = None
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _make_runner(plan: BatchPlan, factory: AnalyzerFactory) -> LocalRunner | DaskRunner:
    if plan.scheduler:
        from .dask_runner import DaskRunner

        return DaskRunner(factory, dataclasses.replace(plan.config, sandbox=False),
                          scheduler=plan.scheduler)
    from .runner import LocalRunner

    return LocalRunner(factory, plan.config, workers=plan.workers, task_timeout=plan.task_timeout)


def run_batch(plan: BatchPlan, factory: AnalyzerFactory, *,
              progress: Progress | None = None) -> BatchResult:
    """Run ``plan``: every finished file is journaled at once; outputs are rendered at the end
    from the journal (also after Ctrl-C, ``--fail-fast`` or an error that stops the run), so they
    are always complete files."""
    progress = progress or NoProgress()
    settings = plan.config.settings
    processed = skipped = 0
    stopped_early = False
    journal = Journal(plan.journal, plan.header, resume=plan.resume)

    def tasks() -> Iterator[Task]:
        nonlocal skipped
        for file in plan.files:
            if interrupt.requested:
                return
            task = _read(file, settings.max_upload_bytes)
            if journal.is_done(task.key, task.sha256):
                skipped += 1
                progress.skipped()
                continue
            yield task

    try:
        with _Interrupt() as interrupt, journal:
            progress.start(len(plan.files))
            outcomes = _make_runner(plan, factory).run(tasks(), stop=lambda: interrupt.requested)
            try:
                for outcome in outcomes:
                    journal.append_line(outcome.journal_line(), outcome.key, outcome.sha256)
                    processed += 1
                    progress.finished(outcome)
                    if plan.fail_fast and not outcome.ok:
                        stopped_early = True
                        break
            finally:
                outcomes.close()
                progress.close()
    finally:
        counts = render_outputs(plan.journal, plan.outputs, [f.key for f in plan.files])
    return BatchResult(counts=counts, total=len(plan.files), processed=processed, skipped=skipped,
                       interrupted=interrupt.requested, stopped_early=stopped_early,
                       outputs=plan.outputs, journal=plan.journal)
