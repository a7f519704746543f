"""``/healthz`` (the process answers) and ``/readyz`` (the database answers too)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from ...store.db import ping
from ..deps import StateDep
from ..errors import error_response, error_responses
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
@router.head("/healthz", include_in_schema=False)
def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, responses=error_responses(503))
async def readyz(state: StateDep) -> Health | JSONResponse:
    """The database is reachable."""
    try:
        await run_in_threadpool(ping, state.engine)
    except SQLAlchemyError:
        return error_response(503, "unavailable", "The database is not reachable.")
    return Health(status="ready")
