"""API under load (``bench/load.py``): ``/v1/match`` on stored resumes (every sample resume
against every sample job and built-in profile) and ``/v1/analyze`` with a two-page PDF,
8 concurrent clients, one server worker; ``/healthz`` on the same server and clients is the
baseline. Also the idle server's RSS against a hello-world FastAPI app, and, with a PostgreSQL
server, ``/v1/match`` on PostgreSQL against SQLite (``bench/postgres.py``)."""

from __future__ import annotations

import json
import time

from . import postgres
from .common import MB, SAMPLES, Context, Figure, sample_texts, tree_rss_bytes, two_page_pdfs
from .load import Request, multipart, run_load
from .server import hello_server, skillmatch_server

AREA = "api"
CLIENTS = 8
PROFILES = ("ml-engineer", "data-scientist")


def _store(server, auth: dict[str, str]) -> tuple[list[str], list[str]]:
    """Every sample resume and every sample job posting, stored for the bench tenant."""
    resume_ids = []
    for index, text in enumerate(sample_texts()):
        body, content_type = multipart({"label": f"bench {index}"},
                                       {"file": (f"r{index}.txt", text.encode(), "text/plain")})
        status, data = server.call("POST", "/v1/resumes", body,
                                   {**auth, "Content-Type": content_type})
        if status != 201:
            raise RuntimeError(f"storing a resume answered {status}: {data}")
        resume_ids.append(data["id"])
    job_ids = []
    for path in sorted((SAMPLES / "jobs").glob("*.txt")):
        job = {"title": path.stem.replace("-", " "), "description": path.read_text()}
        status, data = server.call("POST", "/v1/jobs", json.dumps(job).encode(),
                                   {**auth, "Content-Type": "application/json"})
        if status != 201:
            raise RuntimeError(f"storing a job answered {status}: {data}")
        job_ids.append(data["id"])
    return resume_ids, job_ids


def match_bodies(resume_ids: list[str], job_ids: list[str]) -> list[bytes]:
    """Every (stored resume, stored job or built-in profile) pair, interleaved so consecutive
    requests differ in both resume and target."""
    targets = [{"job_id": job_id} for job_id in job_ids] + [{"profile": p} for p in PROFILES]
    pairs = [{"resume_id": rid, **target} for target in targets for rid in resume_ids]
    step = len(resume_ids) + 1  # sorting by (i * step) mod n is a permutation whatever n is
    order = sorted(range(len(pairs)), key=lambda i: (i * step) % len(pairs))
    return [json.dumps(pairs[i]).encode() for i in order]


def _stats_raw(stats) -> dict[str, float]:
    return {"requests": stats.count, "errors": stats.errors, "req_per_s": stats.rps,
            "p50_ms": stats.p50_ms, "p95_ms": stats.p95_ms, "p99_ms": stats.p99_ms}


def run(ctx: Context) -> list[Figure]:
    with hello_server() as hello:
        time.sleep(0.2 if ctx.quick else 1.0)  # (a quick run's figures mean nothing)
        hello_rss = tree_rss_bytes(hello.process.pid)
    with skillmatch_server(ctx.workdir / "api-data", ctx.env) as server:
        time.sleep(0.2 if ctx.quick else 2.0)
        idle_rss = tree_rss_bytes(server.process.pid)
        auth = {"Authorization": f"Bearer {server.key}"}
        resume_ids, job_ids = _store(server, auth)
        bodies = match_bodies(resume_ids, job_ids)
        match = Request("match", "POST", "/v1/match", bodies,
                        {**auth, "Content-Type": "application/json"})
        health = Request("healthz", "GET", "/healthz")
        pdfs = two_page_pdfs()
        uploads = [multipart({}, {"file": (f"r{i}.pdf", pdf, "application/pdf")},
                             boundary="skillmatchbench")[0] for i, pdf in enumerate(pdfs)]
        analyze = Request("analyze", "POST", "/v1/analyze", uploads,
                          {"Content-Type": "multipart/form-data; boundary=skillmatchbench"})
        host = "127.0.0.1"
        # Warm-up: every stored resume and job is loaded (and cached) once.
        run_load(host, server.port, [match], clients=CLIENTS, max_requests=len(bodies) * 2)
        base = run_load(host, server.port, [health], clients=CLIENTS,
                        max_requests=ctx.scale(200, 5000), max_seconds=ctx.scale(10, 60))
        matched = run_load(host, server.port, [match], clients=CLIENTS,
                           max_requests=ctx.scale(200, 5000), max_seconds=ctx.scale(10, 60))
        analysed = run_load(host, server.port, [analyze], clients=CLIENTS,
                            max_requests=ctx.scale(16, 400), max_seconds=ctx.scale(20, 120))
    h, m, a = base.stats["healthz"], matched.stats["match"], analysed.stats["analyze"]
    match_figure = Figure(
        AREA, "/v1/match p99 (stored resume + stored job or profile)", m.p99_ms, "ms",
        "/healthz p99, same server and clients", h.p99_ms, goal="p99 ≤ 25 ms, 0 errors",
        notes=(f"{CLIENTS} clients, 1 worker, {m.count} requests in {matched.seconds:.1f} s over "
               f"{len(bodies)} distinct (resume, job or profile) pairs; the server caches each "
               "stored resume's scoring facts and each job's parsed profile, never a report: "
               "every request checks the key and rows in the database and scores"),
        raw={**_stats_raw(m), **{f"healthz_{k}": v for k, v in _stats_raw(h).items()}},
    )
    match_figure.met = m.p99_ms <= 25 and m.errors == 0
    analyze_figure = Figure(
        AREA, "/v1/analyze p99 (2-page PDF upload)", a.p99_ms, "ms", "/healthz p99", h.p99_ms,
        goal="0 errors", notes=f"{CLIENTS} clients, {a.count} requests in {analysed.seconds:.1f} s",
        raw=_stats_raw(a),
    )
    analyze_figure.met = a.errors == 0
    idle = Figure(
        "memory", "idle server RSS (process tree, after start-up)", idle_rss / MB, "MB",
        "hello-world FastAPI under uvicorn", hello_rss / MB,
        notes="serve process plus its document reader processes",
    )
    return [match_figure, analyze_figure, idle, *postgres.run(ctx)]
