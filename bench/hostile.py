"""Healthy latency with hostile uploads mixed in (issue 10): the same server, clients and healthy
mix (``/v1/match`` on stored resumes, ``/v1/analyze`` and ``/v1/resumes`` with two-page PDFs) run
alone and with every file of ``tests/hostile/cases.py`` mixed in (a fifth of the requests), the
two phases alternating for three rounds (A B, B A, A B) and each pooled. Each hostile upload
must get its documented status; the figure is each healthy request's p99 with the hostile mix
over its p99 without (goal: within 2×).

Used by ``bench/run.py`` (area ``hostile``); also runs alone: ``python -m bench.hostile [--quick]``.

Diagnosis only: ``SKILLMATCH_BENCH_HOSTILE_CASES`` (comma-separated case ids, or ids each
prefixed with ``-`` to leave them out) mixes in a subset of the cases, each at the weight it has
in the full mix; the published figures always use every case.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from .common import SAMPLES, Context, Figure, sample_texts, two_page_pdfs
from .load import LoadResult, Request, multipart, run_load, summarise
from .server import skillmatch_server

AREA = "hostile"
CLIENTS = 8
ROUNDS = 3  # alone and mixed phases alternate this many times
HEALTHY = ("match", "analyze", "resumes")
BOUNDARY = "skillmatchhostile"
CASES_ENV = "SKILLMATCH_BENCH_HOSTILE_CASES"


def _json(server, method: str, path: str, body: dict, auth: dict[str, str]) -> dict:
    status, data = server.call(method, path, json.dumps(body).encode(),
                               {**auth, "Content-Type": "application/json"})
    if status != 201:
        raise RuntimeError(f"{path} answered {status}: {data}")
    return data


def _healthy(server, auth: dict[str, str]) -> list[Request]:
    resume_ids = []
    for index, text in enumerate(sample_texts()):
        body, content_type = multipart({}, {"file": (f"r{index}.txt", text.encode(), "text/plain")})
        status, data = server.call("POST", "/v1/resumes", body, {**auth, "Content-Type": content_type})
        if status != 201:
            raise RuntimeError(f"storing a resume answered {status}: {data}")
        resume_ids.append(data["id"])
    job = _json(server, "POST", "/v1/jobs", {
        "title": "ML engineer", "description": (SAMPLES / "jobs" / "ml-engineer.txt").read_text()},
        auth)
    matches = [json.dumps({"resume_id": rid, "job_id": job["id"]}).encode() for rid in resume_ids]
    uploads = [multipart({}, {"file": (f"r{i}.pdf", pdf, "application/pdf")}, boundary=BOUNDARY)[0]
               for i, pdf in enumerate(two_page_pdfs())]
    form = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    return [
        Request("match", "POST", "/v1/match", matches,
                {**auth, "Content-Type": "application/json"}, weight=2.0),
        Request("analyze", "POST", "/v1/analyze", uploads, form),
        Request("resumes", "POST", "/v1/resumes", uploads, {**auth, **form}, ok=frozenset({201})),
    ]


def _hostile(auth: dict[str, str]) -> list[Request]:
    from tests.hostile.cases import CASES

    share = 1.0 / len(CASES)  # the hostile uploads together weigh 1 against the healthy 4
    cases = _selected(CASES, os.environ.get(CASES_ENV, ""))
    form = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    requests = []
    for index, case in enumerate(cases):
        body = multipart({}, {"file": (case.filename, case.make(), "application/octet-stream")},
                         boundary=BOUNDARY)[0]
        path, headers, ok = (("/v1/analyze", form, 200) if index % 2 else
                             ("/v1/resumes", {**auth, **form}, 201))
        requests.append(Request(f"hostile-{case.id}", "POST", path, (body,), headers,
                                weight=share, ok=frozenset({ok if case.ok else case.status})))
    return requests


def _selected(cases: list, spec: str) -> list:
    """The cases named in ``spec`` (see ``CASES_ENV``); all of them when it is empty."""
    names = [name.strip() for name in spec.split(",") if name.strip()]
    if not names:
        return cases
    known = {case.id for case in cases}
    unknown = {name.lstrip("-") for name in names} - known
    if unknown:
        raise ValueError(f"{CASES_ENV}: unknown hostile cases {sorted(unknown)}")
    if all(name.startswith("-") for name in names):
        left_out = {name[1:] for name in names}
        return [case for case in cases if case.id not in left_out]
    return [case for case in cases if case.id in names]


def _pooled(mix: list[Request], results: list[LoadResult]) -> LoadResult:
    """The rounds of one phase as one result (interleaving the phases cancels drift, such as
    the database growing with every stored resume; pooling gives the p99 more samples)."""
    return summarise(mix, [r for result in results for r in result.records],
                     sum(result.seconds for result in results), CLIENTS)


def run(ctx: Context) -> list[Figure]:
    rounds, requests, seconds = ctx.scale(1, ROUNDS), ctx.scale(30, 800), ctx.scale(20, 100)
    with skillmatch_server(ctx.workdir / "hostile-data", ctx.env) as server:
        auth = {"Authorization": f"Bearer {server.key}"}
        healthy = _healthy(server, auth)
        hostile = _hostile(auth)
        run_load("127.0.0.1", server.port, healthy, clients=CLIENTS, max_requests=ctx.scale(16, 64))
        phases: dict[str, list[LoadResult]] = {"alone": [], "mixed": []}
        plans = {"alone": (healthy, 1.0), "mixed": ([*healthy, *hostile], 1.25)}
        for turn in range(rounds):
            for name in ("alone", "mixed")[:: 1 if turn % 2 == 0 else -1]:  # A B, B A, A B
                mix, share = plans[name]
                phases[name].append(run_load(
                    "127.0.0.1", server.port, mix, clients=CLIENTS,
                    max_requests=int(requests * share), max_seconds=seconds * share,
                    seed=100 * turn))
        ready = server.call("GET", "/readyz")[0]
    alone, mixed = (_pooled(plans[name][0], phases[name]) for name in ("alone", "mixed"))
    figures = []
    hostile_errors = {name: s.statuses for name, s in mixed.stats.items()
                      if name.startswith("hostile-") and s.errors}
    hostile_count = sum(s.count for n, s in mixed.stats.items() if n.startswith("hostile-"))
    for name in HEALTHY:
        with_mix, without = mixed.stats[name], alone.stats[name]
        figure = Figure(
            AREA, f"{name} p99 with hostile uploads mixed in", with_mix.p99_ms, "ms",
            f"{name} p99, healthy mix alone", without.p99_ms, goal="≤ 2× the healthy p99",
            notes=(f"{CLIENTS} clients, 1 worker, {rounds} alternating rounds of each phase "
                   f"pooled; {with_mix.count} of {mixed.total} requests "
                   f"({hostile_count} hostile); errors: healthy {with_mix.errors}, hostile "
                   f"{len(hostile_errors)} kinds; /readyz after: {ready}"),
            raw={"p50_ms": with_mix.p50_ms, "p95_ms": with_mix.p95_ms,
                 "baseline_p50_ms": without.p50_ms, "baseline_p95_ms": without.p95_ms,
                 "errors": with_mix.errors, "baseline_errors": without.errors,
                 "req_per_s": with_mix.rps, "baseline_req_per_s": without.rps},
        )
        figure.met = (bool(without.p99_ms) and with_mix.p99_ms <= 2 * without.p99_ms
                      and with_mix.errors == 0 and not hostile_errors and ready == 200)
        figures.append(figure)
    if hostile_errors:
        figures[0].notes += f"; unexpected hostile answers: {hostile_errors}"
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    root = str(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory(prefix="skillmatch-hostile-") as scratch:
        figures = run(Context(quick=args.quick, workdir=Path(scratch), env={"PYTHONPATH": root}))
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio else "-"
        print(f"{f.name}: {f.value:.0f} ms vs {f.baseline:.0f} ms ({ratio}) met={f.met}; {f.notes}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
