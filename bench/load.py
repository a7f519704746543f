"""The one HTTP load generator of the benchmarks (loopback only, bounded, stops by itself).

``run_load(host, port, mix, clients=8, max_requests=..., max_seconds=...)`` runs ``clients``
threads, each with its own keep-alive connection, that draw requests from ``mix`` by weight
until either bound is reached, and returns latency percentiles, throughput and errors per
request name. A ``Request`` lists the statuses that count as success (``ok``), so a mix may hold
hostile uploads that are expected to be refused (413, 415, 422…) next to healthy calls.

Command line, for one URL: ``python bench/load.py http://127.0.0.1:8000/healthz --clients 8
--requests 2000 --seconds 30 [--method POST --data-file body.json --header "K: V"]``.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import random
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import percentile

MAX_CLIENTS = 64
MAX_SECONDS = 600.0


@dataclass(frozen=True)
class Request:
    """One kind of request in a mix; ``bodies`` are sent in turn (e.g. one per stored id)."""

    name: str
    method: str
    path: str
    bodies: Sequence[bytes] = (b"",)
    headers: Mapping[str, str] = field(default_factory=dict)
    weight: float = 1.0
    ok: frozenset[int] = frozenset({200})


@dataclass
class Stats:
    """Results for one request name."""

    name: str
    count: int
    errors: int
    statuses: dict[str, int]
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


Record = tuple[str, int | str, float]  # request name, status or exception name, seconds


@dataclass
class LoadResult:
    seconds: float
    clients: int
    total: int
    stats: dict[str, Stats]
    records: list[Record] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "records"}


def multipart(fields: Mapping[str, str], files: Mapping[str, tuple[str, bytes, str]],
              boundary: str | None = None) -> tuple[bytes, str]:
    """A multipart/form-data body and its content type (``files``: name → (filename, data, type));
    pass one ``boundary`` to give several bodies the same content type."""
    boundary = boundary or uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     .encode() + value.encode() + b"\r\n")
    for name, (filename, data, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                     + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"




def check_loopback(host: str) -> None:
    """Refuse any target that is not this machine."""
    address = ipaddress.ip_address(socket.gethostbyname(host))
    if not address.is_loopback:
        raise ValueError(f"the load generator only targets loopback addresses, not {host}")


class _Shared:
    def __init__(self, max_requests: int, deadline: float) -> None:
        self.lock = threading.Lock()
        self.left = max_requests
        self.deadline = deadline
        self.records: list[tuple[str, int | str, float]] = []

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0 or time.monotonic() >= self.deadline:
                return False
            self.left -= 1
            return True


def _client(host: str, port: int, mix: Sequence[Request], shared: _Shared, seed: int,
            timeout: float) -> None:
    rng = random.Random(seed)
    weights = [r.weight for r in mix]
    turns = Counter()
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    records = []
    while shared.take():
        request = rng.choices(mix, weights)[0]
        body = request.bodies[turns[request.name] % len(request.bodies)]
        turns[request.name] += 1
        start = time.perf_counter()
        try:
            connection.request(request.method, request.path, body=body or None,
                               headers=dict(request.headers))
            response = connection.getresponse()
            response.read()
            outcome: int | str = response.status
        except (OSError, http.client.HTTPException) as exc:
            outcome = type(exc).__name__
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        records.append((request.name, outcome, time.perf_counter() - start))
    connection.close()
    with shared.lock:
        shared.records.extend(records)


def run_load(host: str, port: int, mix: Sequence[Request], *, clients: int = 8,
             max_requests: int = 1000, max_seconds: float = 30.0, seed: int = 0,
             timeout: float = 30.0) -> LoadResult:
    """Send at most ``max_requests`` requests for at most ``max_seconds`` from ``clients``
    concurrent connections; an error is any status not in the request's ``ok`` set, or a
    connection failure."""
    check_loopback(host)
    if not mix:
        raise ValueError("the request mix is empty")
    clients = max(1, min(clients, MAX_CLIENTS))
    started = time.monotonic()
    shared = _Shared(max_requests, started + min(max_seconds, MAX_SECONDS))
    threads = [threading.Thread(target=_client, args=(host, port, mix, shared, seed + i, timeout),
                                daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(mix, shared.records, time.monotonic() - started, clients)


def summarise(mix: Sequence[Request], records: list[Record], seconds: float,
              clients: int) -> LoadResult:
    """Percentiles, throughput and errors per request name of ``records`` gathered over
    ``seconds`` (one run, or several runs of the same mix pooled)."""
    by_name: dict[str, list[tuple[int | str, float]]] = {r.name: [] for r in mix}
    for name, outcome, latency in records:
        by_name[name].append((outcome, latency))
    ok = {r.name: r.ok for r in mix}
    stats = {}
    for name, rows in by_name.items():
        latencies = [latency * 1000 for _, latency in rows]
        statuses = Counter(str(outcome) for outcome, _ in rows)
        errors = sum(1 for outcome, _ in rows if outcome not in ok[name])
        stats[name] = Stats(
            name=name, count=len(rows), errors=errors, statuses=dict(statuses),
            rps=len(rows) / seconds if seconds else 0.0, p50_ms=percentile(latencies, 50),
            p95_ms=percentile(latencies, 95), p99_ms=percentile(latencies, 99),
            max_ms=max(latencies, default=0.0))
    return LoadResult(seconds=seconds, clients=clients, total=len(records), stats=stats,
                      records=list(records))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Bounded loopback HTTP load for one URL.")
    parser.add_argument("url")
    parser.add_argument("--method", default="GET")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--data-file", help="Request body, read from this file")
    parser.add_argument("--header", action="append", default=[], help='"Name: value"')
    args = parser.parse_args(argv)
    url = urlsplit(args.url)
    headers = dict(h.split(":", 1) for h in args.header)
    headers = {k.strip(): v.strip() for k, v in headers.items()}
    body = Path(args.data_file).read_bytes() if args.data_file else b""
    path = url.path + (f"?{url.query}" if url.query else "") or "/"
    result = run_load(url.hostname or "127.0.0.1", url.port or 80,
                      [Request("url", args.method, path, (body,), headers)],
                      clients=args.clients, max_requests=args.requests, max_seconds=args.seconds)
    print(json.dumps(result.to_dict(), indent=2))


if __name__ == "__main__":
    main()
