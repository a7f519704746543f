"""A sliding-window rate limit counted in the database, so every process and instance shares it.

Each admitted request is one row (keyed hash of the client address, route, time). A request is
admitted when fewer than ``limit`` rows of that client and route lie in the last ``WINDOW_S``
seconds: an exact sliding log, so no window boundary lets twice the limit through. Counting and
recording happen in one transaction serialised per client and route: by a transaction-scoped
advisory lock on PostgreSQL, and on SQLite by the database's single writer (the transaction
writes first, so it holds the write lock before it counts). Refused requests are rolled back and
not counted. Rows older than the window are deleted: the client's own on every check, everyone's
by ``sweep``.
"""

from __future__ import annotations

import hashlib
import hmac
import math

from sqlalchemy import Connection, delete, func, insert, select, text

from .models import AppSecret, RateLimitHit

WINDOW_S = 60.0
SECRET_NAME = "rate_limit_key"


def stored_secret(connection: Connection) -> bytes:
    """The random key the migration stored (shared by every instance on this database)."""
    value = connection.execute(
        select(AppSecret.value).where(AppSecret.name == SECRET_NAME)
    ).scalar_one()
    return value.encode()


def client_hash(secret: bytes, address: str) -> str:
    """HMAC-SHA256 of the client address: the table never holds the address itself."""
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()


def _lock_id(digest: str, route: str) -> int:
    raw = hashlib.sha256(f"{digest} {route}".encode()).digest()[:8]
    return int.from_bytes(raw, "big", signed=True)


def record_hit(connection: Connection, digest: str, route: str, limit: int,
               now: float) -> float | None:
    """Count a request of client ``digest`` on ``route`` at ``now`` (Unix seconds).

    Returns None when it is admitted (the caller commits), else the seconds until one would be
    (the caller rolls back). Must run in a transaction of its own.
    """
    if connection.dialect.name == "postgresql":
        # A hit lost in a server crash is harmless: do not wait for the WAL flush at commit.
        connection.execute(text("SET LOCAL synchronous_commit TO OFF"))
        connection.execute(select(func.pg_advisory_xact_lock(_lock_id(digest, route))))
    start = now - WINDOW_S
    of_client = (RateLimitHit.client_hash == digest) & (RateLimitHit.route == route)
    connection.execute(delete(RateLimitHit).where(of_client & (RateLimitHit.at <= start)))
    connection.execute(insert(RateLimitHit).values(client_hash=digest, route=route, at=now))
    times = connection.execute(
        select(RateLimitHit.at).where(of_client & (RateLimitHit.at > start))
        .order_by(RateLimitHit.at)
    ).scalars().all()
    earlier = len(times) - 1
    if earlier < limit:
        return None
    # Admitting one more needs all but limit - 1 of the earlier hits to leave the window.
    return max(1.0, math.ceil(times[earlier - limit] + WINDOW_S - now))


def sweep(connection: Connection, now: float) -> int:
    """Delete every hit older than the window; returns how many."""
    result = connection.execute(delete(RateLimitHit).where(RateLimitHit.at <= now - WINDOW_S))
    return result.rowcount or 0
