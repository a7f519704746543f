"""``POST /v1/match``: score a stored or pasted resume against a job, a posting or a profile."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ...analyze import resolve_profile
from ...extract import extract_text
from ...models import Extraction, MatchReport, Profile
from ...score import score
from ...settings import Settings
from ...store import records
from ..deps import SessionDep, StateDep, TenantDep
from ..errors import error_responses
from ..schemas import MatchRequest
from ..uploads import check_text

router = APIRouter(prefix="/v1", tags=["match"])


@router.post(
    "/match", response_model=MatchReport, responses=error_responses(401, 404, 413, 422, 429)
)
async def match(
    body: MatchRequest, state: StateDep, session: SessionDep, caller: TenantDep
) -> MatchReport:
    """Score a resume (stored `resume_id` or pasted `resume_text`) against `job_id`, `job_text`
    or `profile` (default `ml-engineer`)."""
    settings = state.settings
    for name in ("resume_text", "job_text"):
        value = getattr(body, name)
        if value is not None:
            check_text(value, settings, name)
    profile: Profile
    if body.job_id is not None:
        profile = await run_in_threadpool(
            stored_job_profile, session, caller.tenant_id, body.job_id
        )
    else:
        profile = await run_in_threadpool(resolve_profile, body.profile, body.job_text)
    if body.resume_id is not None:
        extraction = await run_in_threadpool(
            stored_extraction, session, caller.tenant_id, body.resume_id, settings
        )
    else:
        assert body.resume_text is not None
        async with state.parse_slots.hold(settings.max_concurrent_parses):
            extraction = await run_in_threadpool(extract_text, body.resume_text)
    return await run_in_threadpool(score, extraction, profile)


def stored_job_profile(session: Session, tenant_id: int, job_id: str) -> Profile:
    return records.job_profile(records.get_job(session, tenant_id, job_id))


def stored_extraction(
    session: Session, tenant_id: int, resume_id: str, settings: Settings
) -> Extraction:
    cutoff = records.retention_cutoff(settings.retention_days)
    return records.resume_extraction(records.get_resume(session, tenant_id, resume_id, cutoff))
