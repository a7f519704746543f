"""Request limits: body size while streaming, a per-client rate limit, a cap on parses.

All three read their numbers from the app's ``Settings`` at request time, so tests and
benchmarks raise or lower them by building the app with different settings. The rate limit is
counted in the database (shared by every worker and instance); the parse cap is per process
(it protects that process's CPU and memory).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from sqlalchemy import Engine
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Busy, RateLimited
from ..settings import Settings
from ..store import rate_limits
from .errors import error_response

MULTIPART_OVERHEAD = 64 * 1024
MAX_UTF8_BYTES_PER_CHAR = 4


def text_field_bytes(settings: Settings) -> int:
    """Bytes a text field may take on the wire: ``max_text_chars`` of any UTF-8 text, escaped."""
    return settings.max_text_chars * MAX_UTF8_BYTES_PER_CHAR * 2


def max_body_bytes(settings: Settings) -> int:
    """The largest request body: one upload plus one text field plus multipart framing."""
    return settings.max_upload_bytes + text_field_bytes(settings) + MULTIPART_OVERHEAD


class BodySizeLimitMiddleware:
    """Answer 413 ``too_large`` once a body passes the limit, counting bytes as they arrive.

    A declared Content-Length over the limit is refused before reading anything; a body that
    lies about its length (or is chunked) is cut off at the limit: the app then sees the client
    as disconnected and whatever it tries to answer is dropped.
    """

    def __init__(self, app: ASGIApp, limit: Callable[[], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit()
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(limit)(scope, receive, send)
            return
        received = 0
        refused = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _too_large(limit)(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except ClientDisconnect:
            if not refused:
                raise


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _too_large(limit: int) -> ASGIApp:
    mib = limit / (1024 * 1024)
    return error_response(
        413, "too_large", f"The request body is larger than the limit ({mib:.1f} MiB)."
    )


class RateLimiter:
    """Requests a minute per client and route, counted in the database (``store.rate_limits``)
    so the limit holds across worker processes and instances sharing it."""

    SWEEP_INTERVAL_S = 60.0

    def __init__(self, engine: Engine, settings: Settings,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.clock = clock
        configured = settings.rate_limit_secret
        self._secret = configured.get_secret_value().encode() if configured else None
        self._last_sweep = 0.0

    def _key(self) -> bytes:
        if self._secret is None:
            with self.engine.connect() as connection:
                self._secret = rate_limits.stored_secret(connection)
        return self._secret

    def check(self, client: str, route: str, per_minute: int) -> None:
        """Record a request by ``client`` on ``route`` or raise ``RateLimited`` with
        ``retry_after`` seconds (blocking: call it from a thread)."""
        digest = rate_limits.client_hash(self._key(), client)
        now = self.clock()
        with self.engine.begin() as connection:  # an exception rolls the hit back
            wait = rate_limits.record_hit(connection, digest, route, per_minute, now)
            if wait is not None:
                error = RateLimited(f"More than {per_minute} requests a minute; retry later.")
                error.retry_after = int(wait)
                raise error
        if now - self._last_sweep >= self.SWEEP_INTERVAL_S:
            self._last_sweep = now
            with self.engine.begin() as connection:
                rate_limits.sweep(connection, now)


class ParseSlots:
    """At most ``limit`` documents parsed at once; the next one is refused (``busy``), not queued."""

    def __init__(self) -> None:
        self.in_use = 0

    @asynccontextmanager
    async def hold(self, limit: int) -> AsyncIterator[None]:
        if self.in_use >= limit:
            error = Busy(f"{limit} documents are being read already; retry in a moment.")
            error.retry_after = 1
            raise error
        self.in_use += 1
        try:
            yield
        finally:
            self.in_use -= 1
