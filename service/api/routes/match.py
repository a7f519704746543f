"""``POST /v1/match``: score a stored or pasted resume against a job, a posting or a profile.

A stored resume costs one query (the key and the rows) and the scoring of cached objects: on
SQLite, once the resume and job are cached, that runs on the event loop (a threadpool hop would
cost more CPU than the match); otherwise all of it takes one threadpool hop.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from ...errors import NotFound, Unauthorized
from ...models import MatchReport, Profile
from ...scoring import resume_facts, score_facts
from ...store import keys, records
from ..deps import INVALID_KEY, ApiKeyDep, StateDep, authenticate, read_session
from ..errors import error_responses
from ..schemas import MatchRequest
from ..state import AppState
from ..uploads import check_text

router = APIRouter(prefix="/v1", tags=["match"])


@router.post(
    "/match", response_model=MatchReport, responses=error_responses(401, 404, 413, 422, 429)
)
async def match(body: MatchRequest, state: StateDep, key: ApiKeyDep) -> MatchReport:
    """Score a resume (stored `resume_id` or pasted `resume_text`) against `job_id`, `job_text`
    or `profile` (default `ml-engineer`)."""
    settings = state.settings
    for name in ("resume_text", "job_text"):
        value = getattr(body, name)
        if value is not None:
            check_text(value, settings, name)
    if body.resume_id is not None:
        if state.loop_engine is not None:
            report = match_stored(state, key, body, engine=state.loop_engine, cached_only=True)
            if report is not None:
                return report
        return await run_in_threadpool(match_stored, state, key, body, engine=state.read_engine)
    assert body.resume_text is not None
    profile = await run_in_threadpool(request_profile, state, key, body)
    async with state.parse_slots.hold(settings.max_concurrent_parses):
        extraction = await run_in_threadpool(state.context.extract_text, body.resume_text,
                                             "resume")
    return await run_in_threadpool(state.context.score, extraction, profile)


def match_stored(
    state: AppState, key: str, body: MatchRequest, *, engine: Engine | None = None,
    cached_only: bool = False,
) -> MatchReport | None:
    """A stored resume: one query checks the key and that its tenant's resume (and job) is
    live, then the cached scoring facts and job profile are scored.

    With ``cached_only`` it answers None instead of loading an object that is not cached: then
    only a short query and the scoring run, about a millisecond of CPU (less than a threadpool
    hop costs), so on SQLite the handler runs it on the event loop (``engine``: the app's
    ``loop_engine``, never a pool wait) and takes the threadpool hop only for the first match of
    a resume or job.
    """
    assert body.resume_id is not None
    if cached_only and body.job_text is not None:
        return None  # a posting is parsed (or copied from the parse cache) in the threadpool
    resume_id, job_id = body.resume_id, body.job_id
    digest = keys.hash_key(key)
    cutoff = records.retention_cutoff(state.settings.retention_days)
    cache = state.cache
    with (engine or state.engine).connect() as connection:
        rows = records.match_rows(connection, digest, resume_id, job_id, cutoff)
        if rows.tenant_id is None or not keys.verify(rows.key_hash, digest, rows.revoked_at):
            raise Unauthorized(INVALID_KEY)
        tenant_id = rows.tenant_id
        if rows.resume is None:
            raise NotFound(f"No resume with id {resume_id!r}.")
        if job_id is not None and rows.job is None:
            raise NotFound(f"No job with id {job_id!r}.")
        if cached_only:
            facts = cache.resumes.get(tenant_id, resume_id, rows.resume)
            job = cache.profiles.get(tenant_id, job_id, rows.job) if job_id is not None else None
            if facts is None or (job_id is not None and job is None):
                return None
        else:
            facts = cache.resumes.get_or_load(
                tenant_id, resume_id, rows.resume,
                lambda: resume_facts(records.load_extraction(connection, tenant_id, resume_id),
                                     state.context.taxonomy),
            )
            job = None if job_id is None else cache.profiles.get_or_load(
                tenant_id, job_id, rows.job,
                lambda: records.load_job_profile(connection, tenant_id, job_id),
            )
    if job is not None:
        profile = job
    elif body.job_text is not None:
        profile = state.context.resolve_profile(job_text=body.job_text)
    else:
        profile = state.context.profile(body.profile)
    return score_facts(facts, profile)


def request_profile(state: AppState, key: str, body: MatchRequest) -> Profile:
    """The profile to score against: a stored job (cached), a pasted posting or a named profile."""
    with read_session(state) as session:
        tenant_id = authenticate(session, key).tenant_id
        if body.job_id is None:
            return state.context.resolve_profile(body.profile, body.job_text)
        job = records.get_job(session, tenant_id, body.job_id)
        return state.cache.profiles.get_or_load(
            tenant_id, job.id, job.created_at, lambda: records.job_profile(job)
        )
