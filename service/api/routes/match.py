"""``POST /v1/match``: score a stored or pasted resume against a job, a posting or a profile."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ...analyze import resolve_profile
from ...extract import extract_text
from ...models import MatchReport, Profile
from ...score import score
from ...store import records
from ..deps import SessionDep, StateDep, TenantDep
from ..errors import error_responses
from ..schemas import MatchRequest
from ..state import AppState
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
    if body.resume_id is not None:
        return await run_in_threadpool(match_stored, state, session, caller.tenant_id, body)
    assert body.resume_text is not None
    profile = await run_in_threadpool(request_profile, state, session, caller.tenant_id, body)
    async with state.parse_slots.hold(settings.max_concurrent_parses):
        extraction = await run_in_threadpool(extract_text, body.resume_text)
    return await run_in_threadpool(score, extraction, profile)


def match_stored(
    state: AppState, session: Session, tenant_id: int, body: MatchRequest
) -> MatchReport:
    """A stored resume: one query confirms it (and a stored job) is live, then cached objects."""
    assert body.resume_id is not None
    resume_id, job_id = body.resume_id, body.job_id
    cutoff = records.retention_cutoff(state.settings.retention_days)
    rows = records.match_rows(session, tenant_id, resume_id, job_id, cutoff)
    extraction = state.cache.extractions.get_or_load(
        tenant_id, resume_id, rows.resume,
        lambda: records.load_extraction(session, tenant_id, resume_id),
    )
    if job_id is not None:
        assert rows.job is not None
        profile = state.cache.profiles.get_or_load(
            tenant_id, job_id, rows.job, lambda: records.load_job_profile(session, tenant_id, job_id)
        )
    else:
        profile = resolve_profile(body.profile, body.job_text)
    return score(extraction, profile)


def request_profile(
    state: AppState, session: Session, tenant_id: int, body: MatchRequest
) -> Profile:
    """The profile to score against: a stored job (cached), a pasted posting or a named profile."""
    if body.job_id is None:
        return resolve_profile(body.profile, body.job_text)
    job = records.get_job(session, tenant_id, body.job_id)
    return state.cache.profiles.get_or_load(
        tenant_id, job.id, job.created_at, lambda: records.job_profile(job)
    )

