"""Run every benchmark area and write the figures to ``bench/RESULTS.md``.

``python bench/run.py`` is the full run (a few minutes); ``--quick`` is the CI smoke mode (small
inputs, checks that everything works, no timing is judged); ``--only extraction,pdf`` picks
areas; ``--out`` and ``--json`` choose where the results go. Every figure is reported next to a
baseline measured in the same run on the same inputs, with the raw numbers and the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.common import Context, Figure

AREAS = {"extraction": "bench.extraction", "pdf": "bench.pdf_path", "batch": "bench.batch",
         "api": "bench.api", "memory": "bench.memory", "hostile": "bench.hostile"}
PACKAGES = ["skillmatch", "spacy", "rapidfuzz", "pdfminer.six", "fastapi", "starlette",
            "uvicorn", "pydantic", "sqlalchemy", "reportlab"]


def machine() -> dict[str, str]:
    """CPU model, cores, load, Python and package versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpu": cpu, "cores": str(os.cpu_count()), "python": platform.python_version(),
            "os": platform.platform(terse=True)}
    if hasattr(os, "getloadavg"):
        info["load average at start"] = " ".join(f"{v:.2f}" for v in os.getloadavg())
    for package in PACKAGES:
        try:
            info[package] = version(package)
        except PackageNotFoundError:
            info[package] = "not installed"
    from service.settings import Settings
    from service.taxonomy import load_taxonomy

    info["taxonomy"] = load_taxonomy(Settings().taxonomy_dir).version
    return info


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}" if abs(value) < 1 else f"{value:,.1f}"


def render(figures: list[Figure], failures: dict[str, str], info: dict[str, str], *,
           quick: bool, seconds: float) -> str:
    """RESULTS.md: the figures table, raw numbers, failures and the machine."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = "quick smoke run (tiny inputs: the figures mean nothing)" if quick else "full run"
    lines = [
        "# Benchmark results", "",
        (f"Written by `python bench/run.py{' --quick' if quick else ''}` on {when} ({mode}, "
         f"{seconds:.0f} s). Ratio = figure / baseline, both measured in this run on the same "
         "inputs."), "",
        "| Area | Figure | Value | Baseline | Ratio | Goal | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
        met = {True: "yes", False: "**no**", None: "–"}[f.met]
        baseline = f"{_number(f.baseline)} {f.unit} ({f.baseline_name})" if f.baseline_name else "–"
        lines.append(f"| {f.area} | {f.name} | {_number(f.value)} {f.unit} | {baseline} | "
                     f"{ratio} | {f.goal or '–'} | {met} |")
    lines += ["", "## Raw numbers", ""]
    for f in figures:
        raw = ", ".join(f"{k} {_number(v)}" for k, v in f.raw.items())
        lines.append(f"- **{f.area}: {f.name}** — {f.notes}{'; ' if f.notes and raw else ''}{raw}")
    if failures:
        lines += ["", "## Failed areas", ""]
        lines += [f"- {area}: {message}" for area, message in failures.items()]
    lines += ["", "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI smoke mode: tiny inputs")
    parser.add_argument("--only", default="", help=f"Comma-separated areas of {', '.join(AREAS)}")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON here")
    args = parser.parse_args(argv)
    areas = [a for a in args.only.split(",") if a] or list(AREAS)
    unknown = set(areas) - set(AREAS)
    if unknown:
        parser.error(f"unknown areas: {', '.join(sorted(unknown))}")
    info = machine()
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="skillmatch-bench-") as scratch:
        pythonpath = os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))
        ctx = Context(quick=args.quick, workdir=Path(scratch), env={"PYTHONPATH": pythonpath})
        for area in areas:
            print(f"bench: {area}…", file=sys.stderr, flush=True)
            area_started = time.perf_counter()
            try:
                figures += import_module(AREAS[area]).run(ctx)
            except (RuntimeError, OSError, ValueError, subprocess.SubprocessError) as exc:
                failures[area] = f"{type(exc).__name__}: {exc}"
            print(f"bench: {area} done in {time.perf_counter() - area_started:.1f} s",
                  file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(figures, failures, info, quick=args.quick, seconds=seconds),
                        encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "quick": args.quick,
                                         "figures": [{**asdict(f), "ratio": f.ratio} for f in figures],
                                         "failures": failures}, indent=2), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
