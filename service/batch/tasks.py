"""What travels between the batch driver and its workers: tasks in, outcomes out."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import SkillmatchError
from ..settings import Settings
from .journal import error_record, ok_line

Analyzer = Callable[[bytes, str], str]
"""Built once per worker from ``WorkConfig.settings`` (``work.make_analyzer``: a use of the
worker's ``AnalysisContext``): ``(file bytes, file name) -> MatchReport JSON``; raises
SkillmatchError."""


@dataclass(frozen=True)
class WorkConfig:
    """What every worker needs to build its analyzer: the profile or job, and the limits."""

    profile: str | None = None
    job_text: str | None = None
    settings: Settings = field(default_factory=Settings)
    """The settings each worker builds its ``AnalysisContext`` from (taxonomy, limits)."""
    sandbox: bool = True
    """The worker process is the sandbox (memory cap on the whole process, documents read
    in-process); off on Dask, where documents go to the documents' reader pool instead."""


AnalyzerFactory = Callable[[WorkConfig], Analyzer]


@dataclass(frozen=True)
class Task:
    """One file to analyse. A task with ``error`` set already failed in the driver."""

    path: str
    key: str
    sha256: str
    data: bytes = field(default=b"", repr=False)
    error: tuple[str, str] | None = None


@dataclass(frozen=True)
class Outcome:
    """The result for one file: a report as JSON, or an error code and message."""

    path: str
    key: str
    sha256: str
    report_json: str | None = field(default=None, repr=False)
    error: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def code(self) -> str:
        return "ok" if self.error is None else self.error[0]

    def journal_line(self) -> str:
        if self.error is None:
            assert self.report_json is not None
            return ok_line(self.path, self.key, self.sha256, self.report_json)
        return json.dumps(error_record(self.path, self.key, self.sha256, *self.error))

    @classmethod
    def failed(cls, task: Task, code: str, message: str) -> Outcome:
        return cls(task.path, task.key, task.sha256, error=(code, message))


def run_analyzer(analyzer: Analyzer, data: bytes, filename: str) -> tuple[str | None, tuple[str, str] | None]:
    """Apply ``analyzer`` to one file and return ``(report_json, None)`` or ``(None, error)``.

    Typed errors keep their code; an unexpected exception is reported as ``internal`` with its
    type (never its message, which may quote the document) so one file cannot stop a batch.
    """
    try:
        return analyzer(data, filename), None
    except SkillmatchError as exc:
        return None, (exc.code, exc.message)
    except MemoryError:
        return None, ("too_large", "Reading the file needed more memory than the limit allows.")
    except RecursionError:
        return None, ("corrupt", "The file is too deeply nested to read.")
    except Exception as exc:  # noqa: BLE001 - reported as an error row, counted as a failure
        message = (f"Internal error ({type(exc).__name__}) while analysing this file; "
                   "please report it.")
        return None, ("internal", message)
