"""``DELETE /v1/data``: erase everything the calling tenant has stored."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ...store import records
from ...store.db import after_delete
from ..deps import SessionDep, StateDep, TenantDep
from ..errors import error_responses

router = APIRouter(prefix="/v1", tags=["data"])


@router.delete("/data", status_code=204, responses=error_responses(401))
def delete_all(state: StateDep, session: SessionDep, caller: TenantDep) -> Response:
    """Delete all of the tenant's jobs, resumes and scores. Its API keys keep working."""
    records.delete_tenant_data(session, caller.tenant_id)
    after_delete(session)
    state.cache.tenant_deleted(caller.tenant_id)
    return Response(status_code=204)
