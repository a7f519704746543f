"""The FastAPI application: ``create_app(settings)`` builds one; ``skillmatch serve`` runs it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..context import AnalysisContext
from ..documents import default_pool
from ..settings import Settings, get_settings
from ..store import records
from ..store.db import (
    after_delete,
    make_engine,
    make_loop_engine,
    make_read_engine,
    make_sessionmaker,
    session_scope,
)
from ..store.migrate import upgrade_engine
from ..web import add_security_headers
from ..web import router as web_router
from .client_address import ClientAddressMiddleware
from .docs_ui import install_api_docs
from .errors import ErrorBody, install_error_handlers
from .limits import BodySizeLimitMiddleware, RateLimiter, max_body_bytes
from .routes import analyze, data, health, jobs, match, resumes, taxonomy
from .interpreter import tune_interpreter
from .state import AppState

log = logging.getLogger("service.api")

PURGE_INTERVAL_S = 3600.0
DESCRIPTION = """Find skills in resumes and job postings, score the fit for the ML-engineer role
or a posted job, and explain the gaps.

`/v1/analyze`, `/v1/taxonomy…` and `/v1/profiles…` are public. Everything else needs
`Authorization: Bearer <key>` with a key from `skillmatch keys create --name <tenant>`.
Every error answers `{"error": {"code", "message"}}`; see `docs/errors.md`."""


def purge_expired(state: AppState) -> int:
    """Delete resumes past the retention period (no-op without one)."""
    if not state.settings.retention_days:
        return 0
    with session_scope(state.sessions) as session:
        count = records.purge_expired(session, state.settings.retention_days)
        if count:
            after_delete(session)
    if count:
        state.cache.resumes_purged()
        log.info("retention: deleted %d expired resumes", count)
    return count


def warm_up(state: AppState) -> None:
    """Start the document readers and compile the practice rules (``create_app`` built the
    taxonomy, profiles and pipeline), so that no first request pays for them."""
    default_pool(state.settings).warm()
    state.context.pipeline.practices.compile_all()


async def _purge_periodically(state: AppState) -> None:
    while True:
        await asyncio.sleep(PURGE_INTERVAL_S)
        await run_in_threadpool(purge_expired, state)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    state: AppState = app.state.skillmatch
    started = time.perf_counter()
    await run_in_threadpool(upgrade_engine, state.engine, state.settings)
    await run_in_threadpool(purge_expired, state)
    await run_in_threadpool(warm_up, state)
    if state.tune_interpreter:
        tune_interpreter()
    log.info("ready in %.0f ms", (time.perf_counter() - started) * 1000)
    purger = (
        asyncio.create_task(_purge_periodically(state)) if state.settings.retention_days else None
    )
    try:
        yield
    finally:
        if purger is not None:
            purger.cancel()
            with suppress(asyncio.CancelledError):
                await purger
        state.engine.dispose()
        if state.loop_engine is not None:
            state.loop_engine.dispose()


class AccessLogMiddleware:
    """Log method, route template, status, body size and time: never bodies or file names."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, counting_receive, recording_send)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "(unrouted)"
            log.info(
                "%s %s %s in=%dB %.0fms",
                scope["method"],
                path,
                status,
                received,
                (time.perf_counter() - started) * 1000,
            )


def create_server_app() -> FastAPI:
    """The app ``skillmatch serve`` runs (one per server process): settings from the
    environment, and the process's interpreter tuned after warm-up (``interpreter.py``)."""
    return create_app(tune=True)


def create_app(settings: Settings | None = None, *, tune: bool = False) -> FastAPI:
    """Build the API (and the candidate page) for ``settings`` (default: the environment);
    ``tune``: tune this process's interpreter at start-up, as the server does."""
    settings = settings or get_settings()
    engine = make_engine(settings)
    state = AppState(settings=settings, context=AnalysisContext.from_settings(settings),
                     engine=engine, sessions=make_sessionmaker(engine),
                     rate_limiter=RateLimiter(engine, settings),
                     loop_engine=make_loop_engine(engine), read_engine=make_read_engine(engine),
                     tune_interpreter=tune)
    app = FastAPI(
        title="skillmatch",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        responses={422: {"model": ErrorBody, "description": "Invalid request (`invalid_request`)"}},
    )
    app.state.skillmatch = state
    app.state.settings = settings
    install_error_handlers(app)
    for module in (health, analyze, jobs, resumes, match, data, taxonomy):
        app.include_router(module.router)
    app.include_router(web_router)
    install_api_docs(app)
    app.add_middleware(BodySizeLimitMiddleware, limit=lambda: max_body_bytes(settings))
    app.add_middleware(AccessLogMiddleware)
    add_security_headers(app)
    app.add_middleware(ClientAddressMiddleware, settings=settings)
    return app
