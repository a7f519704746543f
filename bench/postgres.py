"""``/v1/match`` on PostgreSQL next to SQLite, in the same run (part of the ``api`` area).

Two ``skillmatch serve`` processes (one worker each) hold the same stored resumes and jobs, one
on a fresh PostgreSQL database, one on its SQLite file; the same match load runs against them in
alternating rounds (so load from elsewhere on the machine hits both alike) and the rounds are
pooled. Needs a PostgreSQL server: ``SKILLMATCH_BENCH_POSTGRES_URL`` (or the tests'
``SKILLMATCH_TEST_POSTGRES_URL``), a role allowed to create databases; skipped without one.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from .common import Context, Figure
from .load import Request, run_load, summarise
from .server import skillmatch_server

URL_VARIABLES = ("SKILLMATCH_BENCH_POSTGRES_URL", "SKILLMATCH_TEST_POSTGRES_URL")
CLIENTS = 8
ROUNDS = 4


def postgres_url() -> str | None:
    return next((os.environ[v] for v in URL_VARIABLES if os.environ.get(v)), None)


@contextmanager
def fresh_database(base_url: str) -> Iterator[str]:
    """A new, empty database on the server of ``base_url``, dropped on exit."""
    from sqlalchemy import create_engine, make_url, text

    admin_url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"skillmatch_bench_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def backends_started(url: str) -> int:
    """PostgreSQL backends (connections) ever started on the database of ``url``."""
    from sqlalchemy import create_engine, make_url, text

    parsed = make_url(url).set(drivername="postgresql+psycopg")
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            return int(connection.execute(
                text("SELECT sessions FROM pg_stat_database WHERE datname = :name"),
                {"name": parsed.database}).scalar() or 0)
    finally:
        engine.dispose()


def run(ctx: Context) -> list[Figure]:
    """The PostgreSQL figure, or nothing without a server."""
    from .api import _stats_raw, _store, match_bodies

    base_url = postgres_url()
    if base_url is None:
        return []
    with ExitStack() as stack:
        url = stack.enter_context(fresh_database(base_url))
        servers = {
            "sqlite": stack.enter_context(
                skillmatch_server(ctx.workdir / "pg-cmp-sqlite", ctx.env)),
            "postgres": stack.enter_context(skillmatch_server(
                ctx.workdir / "pg-cmp-postgres", {**ctx.env, "SKILLMATCH_DATABASE_URL": url})),
        }
        time.sleep(1.0)
        mixes = {}
        for name, server in servers.items():
            auth = {"Authorization": f"Bearer {server.key}"}
            bodies = match_bodies(*_store(server, auth))
            mixes[name] = [Request("match", "POST", "/v1/match", bodies,
                                   {**auth, "Content-Type": "application/json"})]
            run_load("127.0.0.1", server.port, mixes[name], clients=CLIENTS,
                     max_requests=len(bodies) * 2)  # warm-up: every object cached once
        records: dict[str, list] = {name: [] for name in servers}
        seconds = dict.fromkeys(servers, 0.0)
        per_round = ctx.scale(100, 1500)
        started = backends_started(url)
        for index in range(ROUNDS):
            order = list(servers) if index % 2 == 0 else list(reversed(servers))
            for name in order:
                result = run_load("127.0.0.1", servers[name].port, mixes[name], clients=CLIENTS,
                                  max_requests=per_round, max_seconds=ctx.scale(10, 30),
                                  seed=index)
                records[name] += result.records
                seconds[name] += result.seconds
        opened = backends_started(url) - started - 1  # less the count's own connection
    pooled = {name: summarise(mixes[name], records[name], seconds[name], CLIENTS).stats["match"]
              for name in servers}
    pg, lite = pooled["postgres"], pooled["sqlite"]
    figure = Figure(
        "api", "/v1/match p99 on PostgreSQL", pg.p99_ms, "ms",
        "/v1/match p99 on SQLite, same run", lite.p99_ms, goal="≤ 2× SQLite p99, 0 errors",
        notes=(f"{CLIENTS} clients, 1 worker each, {ROUNDS} alternating rounds pooled "
               f"({pg.count} and {lite.count} requests); PostgreSQL {pg.rps:.0f} req/s against "
               f"SQLite {lite.rps:.0f} req/s; {opened} PostgreSQL connections opened while "
               "measuring"),
        raw={**_stats_raw(pg), **{f"sqlite_{k}": v for k, v in _stats_raw(lite).items()},
             "postgres_connections_opened": opened},
    )
    figure.met = pg.p99_ms <= 2 * lite.p99_ms and pg.errors == 0 and lite.errors == 0
    return [figure]


def main() -> None:
    """``python -m bench.postgres [--quick]``: this comparison alone, printed."""
    import argparse
    import json
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small rounds (smoke test)")
    args = parser.parse_args()
    if postgres_url() is None:
        parser.error(f"set {URL_VARIABLES[0]} to a PostgreSQL URL")
    with tempfile.TemporaryDirectory(prefix="skillmatch-bench-") as scratch:
        pythonpath = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                   os.environ.get("PYTHONPATH")]))
        ctx = Context(quick=args.quick, workdir=Path(scratch), env={"PYTHONPATH": pythonpath})
        for figure in run(ctx):
            print(f"{figure.name}: {figure.value:.1f} {figure.unit}; {figure.baseline_name}: "
                  f"{figure.baseline:.1f} {figure.unit}; ratio {figure.ratio:.2f}; "
                  f"goal {figure.goal}: {'met' if figure.met else 'NOT met'}")
            print(figure.notes)
            print(json.dumps(figure.raw))


if __name__ == "__main__":
    main()
