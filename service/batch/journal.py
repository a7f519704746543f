"""The batch journal: one JSON line per finished file, appended, flushed and fsynced.

The first line is a header describing the run (profile or job, the group columns); every other
line is a record ``{"path", "key", "sha256", "status", "report" | "error"}``. Outputs are rendered
from the journal, and ``--resume`` skips the (key, sha256) pairs it already holds. A line cut short
by a hard kill is dropped when the journal is reopened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Self

from pydantic import BaseModel, Field

from ..errors import InputError

JOURNAL_FORMAT = "skillmatch-batch-journal"
JOURNAL_VERSION = 1


class GroupColumn(BaseModel):
    id: str
    name: str


class RunHeader(BaseModel):
    """What a journal's records were scored against; a resumed run must match it."""

    profile: str = Field(description="Profile name, or the job title for a posting")
    title: str = Field("", description="What to call it in a report")
    profile_kind: str = "profile"
    job_sha256: str | None = None
    groups: list[GroupColumn] = Field(default_factory=list)

    def same_run(self, other: RunHeader) -> bool:
        return (self.profile, self.profile_kind, self.job_sha256) == (
            other.profile, other.profile_kind, other.job_sha256)


def journal_path_for(output: Path) -> Path:
    """``OUT.journal.jsonl`` beside the output file."""
    return output.with_name(output.name + ".journal.jsonl")


def error_record(path: str, key: str, sha256: str, code: str, message: str) -> dict[str, Any]:
    return {"path": path, "key": key, "sha256": sha256, "status": "error",
            "error": {"code": code, "message": message}}


def ok_line(path: str, key: str, sha256: str, report_json: str) -> str:
    """A record line for a report already serialised as JSON (spliced in, not re-encoded)."""
    head = json.dumps({"path": path, "key": key, "sha256": sha256, "status": "ok"})
    return head[:-1] + ', "report": ' + report_json + "}"


def _complete_length(fh: BinaryIO) -> int:
    """Byte length of the file up to and including its last newline."""
    size = fh.seek(0, os.SEEK_END)
    pos = size
    while pos > 0:
        step = min(65536, pos)
        fh.seek(pos - step)
        chunk = fh.read(step)
        idx = chunk.rfind(b"\n")
        if idx >= 0:
            return pos - step + idx + 1
        pos -= step
    return 0


def read_header(path: Path) -> RunHeader | None:
    """The run header of an existing journal, or None if there is none."""
    try:
        with path.open("rb") as fh:
            first = fh.readline()
    except FileNotFoundError:
        return None
    if not first.endswith(b"\n"):
        return None
    try:
        data = json.loads(first)
    except json.JSONDecodeError:
        return None
    if data.get("journal") != JOURNAL_FORMAT:
        return None
    return RunHeader.model_validate(data["run"])


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(offset, line)`` for each complete record line after the header."""
    with path.open("rb") as fh:
        fh.readline()
        while True:
            offset = fh.tell()
            line = fh.readline()
            if not line.endswith(b"\n"):
                return
            yield offset, line


def _ident(line: bytes) -> tuple[str, str]:
    record = json.loads(line)
    return record["key"], record["sha256"]


def iter_records(path: Path, *, with_offsets: bool = False) -> Iterator[Any]:
    """The records of a journal in completion order, one per file key.

    When a file was analysed again (its content changed between runs) its latest record wins.
    With ``with_offsets`` yields ``(offset, record)`` so a record can be re-read later with
    ``read_record_at``. A trailing partial line is ignored.
    """
    latest: dict[str, int] = {}
    for offset, line in _lines(path):
        latest[json.loads(line)["key"]] = offset
    keep = set(latest.values())
    del latest
    for offset, line in _lines(path):
        if offset in keep:
            record = json.loads(line)
            yield (offset, record) if with_offsets else record


def iter_in_order(path: Path, order: Sequence[str] | None, *,
                  with_offsets: bool = False) -> Iterator[Any]:
    """The records of ``iter_records`` in input order: those whose key is in ``order`` first,
    as ``order`` lists them, then any others in completion order. Only the offsets are held;
    each record is read again when its turn comes."""
    if order is None:
        yield from iter_records(path, with_offsets=with_offsets)
        return
    rank = {key: index for index, key in enumerate(order)}
    places = sorted((rank.get(record["key"], len(rank)), seen, offset) for seen, (offset, record)
                    in enumerate(iter_records(path, with_offsets=True)))
    with path.open("rb") as fh:
        for _, _, offset in places:
            record = read_record_at(fh, offset)
            yield (offset, record) if with_offsets else record


def read_record_at(fh: BinaryIO, offset: int) -> dict[str, Any]:
    fh.seek(offset)
    return json.loads(fh.readline())


class Journal:
    """An append-only journal file; each ``append`` is on disk before it returns."""

    def __init__(self, path: Path, header: RunHeader, *, resume: bool) -> None:
        self.path = path
        self.done: set[tuple[str, str]] = set()
        existing = read_header(path) if resume else None
        if resume and existing is not None:
            if not existing.same_run(header):
                raise InputError(
                    f"The journal {path} was written for {existing.profile_kind} "
                    f"'{existing.profile}', not '{header.profile}': rerun without --resume "
                    "to start over, or with the same profile or job.")
            self.header = existing
            with path.open("r+b") as fh:
                fh.truncate(_complete_length(fh))
            self.done = {_ident(line) for _, line in _lines(path)}
            self._fh = path.open("ab")
        else:
            self.header = header
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = path.open("wb")
            head = {"journal": JOURNAL_FORMAT, "version": JOURNAL_VERSION,
                    "run": header.model_dump()}
            self._write(json.dumps(head))

    def is_done(self, key: str, sha256: str) -> bool:
        return (key, sha256) in self.done

    def _write(self, line: str) -> None:
        self._fh.write(line.encode("utf-8") + b"\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def append_line(self, line: str, key: str, sha256: str) -> None:
        """Append a record already serialised as one JSON line."""
        self._write(line)
        self.done.add((key, sha256))

    def append(self, record: dict[str, Any]) -> None:
        self.append_line(json.dumps(record), record["key"], record["sha256"])

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
