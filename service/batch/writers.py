"""Render the batch outputs (CSV, JSONL, HTML) from the journal, streaming record by record.

Each output is written to a temporary file and moved into place, so a reader never sees half a
file. Rows come in input order (the order the files were named and found), one per input file,
whatever order the workers finished them in.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .journal import RunHeader, iter_in_order, read_header
from .report_html import write_html

OUTPUT_SUFFIXES = (".csv", ".jsonl", ".html")
CSV_COLUMNS = [
    "path", "status", "score", "error_code", "error_message", "top_gaps", "band", "warnings",
]
TOP_GAPS = 5
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def outcome_code(record: dict[str, Any]) -> str:
    return "ok" if record["status"] == "ok" else record["error"]["code"]


def gap_labels(report: dict[str, Any], limit: int = TOP_GAPS) -> list[str]:
    return [gap["label"] for gap in report.get("gaps", [])[:limit]]


def _group_points(report: dict[str, Any]) -> dict[str, float]:
    """Points by group id, and by ``requirement-<id>`` for the role, degree and years checks:
    together they add up to the score."""
    points = {g["id"]: g["earned"] for g in report.get("breakdown", [])}
    points.update({f"requirement-{c['id']}": c["points"] for c in report.get("requirements", [])})
    return points


def csv_row(record: dict[str, Any], groups: list[str]) -> list[str]:
    """One CSV row (already escaped) for a journal record."""
    if record["status"] == "ok":
        report = record["report"]
        points = _group_points(report)
        cells: list[object] = [record["path"], "ok", f"{report['score']:.1f}", "", "",
                               "; ".join(gap_labels(report)), report.get("band", ""),
                               "; ".join(report.get("warning_codes") or [])]
        cells += [f"{points[g]:.1f}" if g in points else "" for g in groups]
    else:
        error = record["error"]
        cells = [record["path"], "error", "", error["code"], error["message"], "", "", ""]
        cells += [""] * len(groups)
    return [escape_cell(cell) for cell in cells]


def write_csv(records: Iterator[dict[str, Any]], header: RunHeader, out: TextIO) -> Counter[str]:
    writer = csv.writer(out)
    writer.writerow([escape_cell(c) for c in CSV_COLUMNS + [g.name for g in header.groups]])
    counts: Counter[str] = Counter()
    group_ids = [g.id for g in header.groups]
    for record in records:
        counts[outcome_code(record)] += 1
        writer.writerow(csv_row(record, group_ids))
    return counts


def jsonl_line(record: dict[str, Any]) -> str:
    if record["status"] == "ok":
        return json.dumps({"path": record["path"], "report": record["report"]})
    return json.dumps({"path": record["path"], "error": record["error"]})


def write_jsonl(records: Iterator[dict[str, Any]], header: RunHeader, out: TextIO) -> Counter[str]:
    counts: Counter[str] = Counter()
    for record in records:
        counts[outcome_code(record)] += 1
        out.write(jsonl_line(record) + "\n")
    return counts


def _atomic_write(target: Path, write: Callable[[TextIO], Counter[str]]) -> Counter[str]:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            counts = write(fh)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def render_outputs(journal: Path, outputs: list[Path],
                   order: Sequence[str] | None = None) -> Counter[str]:
    """Write every output from ``journal`` with rows in ``order`` (the input files' keys; None:
    completion order); returns the counts by outcome (ok or error code)."""
    header = read_header(journal)
    if header is None:
        raise ValueError(f"{journal} is not a batch journal")
    counts: Counter[str] = Counter()
    for out in outputs:
        suffix = out.suffix.lower()
        if suffix == ".csv":
            counts = _atomic_write(
                out, lambda fh: write_csv(iter_in_order(journal, order), header, fh))
        elif suffix == ".jsonl":
            counts = _atomic_write(
                out, lambda fh: write_jsonl(iter_in_order(journal, order), header, fh))
        elif suffix == ".html":
            counts = _atomic_write(out, lambda fh: write_html(journal, header, fh, order))
        else:
            raise ValueError(f"unknown output type {out.suffix}")
    return counts
