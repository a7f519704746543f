"""Request dependencies as ``Annotated`` aliases: settings, analysis context, database session,
caller, limits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ..context import AnalysisContext
from ..errors import Unauthorized
from ..settings import Settings
from ..store import keys
from .state import AppState


async def get_state(request: Request) -> AppState:
    """The app state (async: a plain lookup should not take a threadpool hop)."""
    state: AppState = request.app.state.skillmatch
    return state


StateDep = Annotated[AppState, Depends(get_state)]


async def get_app_settings(state: StateDep) -> Settings:
    return state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_context(state: StateDep) -> AnalysisContext:
    return state.context


ContextDep = Annotated[AnalysisContext, Depends(get_context)]


@contextmanager
def read_session(state: AppState) -> Iterator[Session]:
    """A database session that is rolled back and closed on exit (writes commit explicitly)."""
    session = state.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def get_session(state: StateDep) -> Iterator[Session]:
    """A database session for the request; handlers commit their writes explicitly."""
    with read_session(state) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

bearer = HTTPBearer(auto_error=False, description="An API key from `skillmatch keys create`")


async def get_api_key(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The ``Authorization: Bearer`` key, not yet checked; 401 when missing (no database)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized()
    return credentials.credentials


ApiKeyDep = Annotated[str, Depends(get_api_key)]


INVALID_KEY = "The API key is not valid or has been revoked."


def authenticate(session: Session, key: str) -> keys.Caller:
    """The tenant behind ``key``, checked in the database on every request (so a key revoked
    from another process is refused at once); 401 when unknown or revoked."""
    caller = keys.authenticate(session, key)
    if caller is None:
        raise Unauthorized(INVALID_KEY)
    return caller


def get_caller(key: ApiKeyDep, session: SessionDep) -> keys.Caller:
    """The tenant behind the ``Authorization: Bearer`` key; 401 when missing, unknown or revoked."""
    return authenticate(session, key)


TenantDep = Annotated[keys.Caller, Depends(get_caller)]


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


def get_page(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


PageDep = Annotated[PageParams, Depends(get_page)]


def client_id(request: Request) -> str:
    """Who a rate limit counts against: the peer address, or the client a trusted proxy
    forwarded (``api.client_address``)."""
    return request.client.host if request.client else "unknown"


async def check_rate_limit(request: Request, state: StateDep) -> None:
    """Count the request against its client's limit on this route (in the database)."""
    route = getattr(request.scope.get("route"), "path", request.url.path)
    await run_in_threadpool(state.rate_limiter.check, client_id(request), route,
                            state.settings.rate_limit_per_minute)


RateLimitDep = Depends(check_rate_limit)
