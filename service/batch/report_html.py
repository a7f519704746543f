"""The coach's HTML report: one self-contained page (inline CSS, no scripts) from the journal.

A first pass over the journal keeps only what the summary needs (score, gap labels, the record's
offset); the per-candidate sections are then read back one at a time in rank order, so the page
is streamed without holding every report in memory.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import jinja2

from .journal import RunHeader, iter_in_order, read_record_at

TEMPLATE = "report.html.j2"
COHORT_GAPS = 10
BINS = 10
MET_CREDIT = 0.5


@dataclass
class Entry:
    """What the summary needs of one journal record."""

    offset: int
    path: str
    score: float | None
    code: str
    message: str = ""
    gaps: list[str] = field(default_factory=list)
    missing_required: int = 0
    anchor: str = ""
    band: str = ""


@dataclass
class CohortGap:
    label: str
    importance: str
    count: int
    share: float


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("service.batch", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)


def _histogram(scores: list[float]) -> list[dict[str, Any]]:
    counts = [0] * BINS
    for score in scores:
        counts[min(BINS - 1, int(score // (100 / BINS)))] += 1
    peak = max(counts) or 1
    width = 100 // BINS
    return [{"label": f"{i * width}–{(i + 1) * width}", "count": c, "height": round(100 * c / peak)}
            for i, c in enumerate(counts)]


def _unmet(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's gaps for items it does not meet (less than ``MET_CREDIT`` of their weight);
    a nearly met item still shows as a small gap in the report but is not a cohort gap."""
    credit = {item["id"]: item.get("credit", 0.0) for item in report.get("matched", [])}
    return [gap for gap in report.get("gaps", []) if credit.get(gap["id"], 0.0) < MET_CREDIT]


def _summarise(journal: Path, order: Sequence[str] | None = None,
               ) -> tuple[list[Entry], list[Entry], Counter[str], list[CohortGap]]:
    ranked: list[Entry] = []
    failed: list[Entry] = []
    counts: Counter[str] = Counter()
    gap_count: Counter[str] = Counter()
    gap_importance: dict[str, str] = {}
    for offset, record in iter_in_order(journal, order, with_offsets=True):
        if record["status"] == "ok":
            report = record["report"]
            counts["ok"] += 1
            gaps = report.get("gaps", [])
            for gap in _unmet(report):
                gap_count[gap["label"]] += 1
                if gap.get("importance") == "required" or gap["label"] not in gap_importance:
                    gap_importance[gap["label"]] = gap.get("importance", "")
            ranked.append(Entry(offset, record["path"], float(report["score"]), "ok",
                                gaps=[g["label"] for g in gaps[:3]],
                                missing_required=len(report.get("missing_required", [])),
                                band=report.get("band", "")))
        else:
            counts[record["error"]["code"]] += 1
            failed.append(Entry(offset, record["path"], None, record["error"]["code"],
                                record["error"]["message"]))
    ranked.sort(key=lambda e: (-(e.score or 0.0), e.path))
    for rank, entry in enumerate(ranked, 1):
        entry.anchor = f"c{rank}"
    n = len(ranked) or 1
    top = sorted(gap_count.items(),
                 key=lambda kv: (-kv[1], gap_importance.get(kv[0]) != "required", kv[0]))
    cohort = [CohortGap(label, gap_importance.get(label, ""), c, round(100 * c / n))
              for label, c in top[:COHORT_GAPS]]
    return ranked, failed, counts, cohort


def _band_meanings(ranked: list[Entry]) -> dict[str, str]:
    """What each band in the ranking means, strongest first (the reports carry the wording)."""
    from ..scoring.bands import BAND_MEANING

    present = {e.band for e in ranked}
    return {band: text for band, text in BAND_MEANING.items() if band in present}


def _candidates(journal: Path, ranked: list[Entry]) -> Iterator[dict[str, Any]]:
    with journal.open("rb") as fh:
        for rank, entry in enumerate(ranked, 1):
            record = read_record_at(fh, entry.offset)
            yield {"rank": rank, "anchor": entry.anchor, "path": entry.path,
                   "report": record["report"]}


def write_html(journal: Path, header: RunHeader, out: TextIO,
               order: Sequence[str] | None = None) -> Counter[str]:
    """Render the report for ``journal`` into ``out`` (candidates by score, unreadable files in
    ``order``); returns the counts by outcome."""
    ranked, failed, counts, cohort = _summarise(journal, order)
    scores = [e.score for e in ranked if e.score is not None]
    median = sorted(scores)[len(scores) // 2] if scores else None
    template = _environment().get_template(TEMPLATE)
    stream = template.generate(
        header=header, ranked=ranked, failed=failed, counts=counts, cohort=cohort,
        histogram=_histogram(scores), total=len(ranked) + len(failed), median=median,
        candidates=_candidates(journal, ranked), meanings=_band_meanings(ranked),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))
    out.writelines(stream)
    return counts
