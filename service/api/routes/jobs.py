"""``/v1/jobs``: a tenant's job postings, parsed once into a profile, and their rankings."""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ...models import Profile
from ...store import records
from ...store.db import after_delete
from ...store.models import Job
from ...taxonomy import Taxonomy
from ..deps import PageDep, SessionDep, StateDep, TenantDep
from ..errors import error_responses
from ..schemas import JobCreate, JobPublic, JobSummary, Page, RankedResume, Ranking
from ..uploads import check_text

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], responses=error_responses(401, 422))

TOP_GAPS = 3


def job_public(job: Job) -> JobPublic:
    return JobPublic(
        id=job.id,
        title=job.title,
        created_at=job.created_at,
        description=job.description,
        profile=records.job_profile(job),
    )


@router.post("", status_code=201, response_model=JobPublic, responses=error_responses(413, 429))
async def create_job(
    body: JobCreate, state: StateDep, session: SessionDep, caller: TenantDep
) -> JobPublic:
    """Store a job posting and the requirements parsed from its description."""
    check_text(body.description, state.settings, "description")
    async with state.parse_slots.hold(state.settings.max_concurrent_parses):
        profile = await run_in_threadpool(state.context.parse_job, body.description, body.title)
    job = await run_in_threadpool(store_job, session, caller.tenant_id, body, profile)
    return job_public(job)


def store_job(session: Session, tenant_id: int, body: JobCreate, profile: Profile) -> Job:
    job = records.add_job(session, tenant_id, body.title, body.description, profile)
    session.commit()
    return job


@router.get("", response_model=Page[JobSummary])
def list_jobs(session: SessionDep, caller: TenantDep, page: PageDep) -> Page[JobSummary]:
    """The tenant's jobs, newest first."""
    result = records.list_jobs(session, caller.tenant_id, page.limit, page.offset)
    items = [JobSummary(id=j.id, title=j.title, created_at=j.created_at) for j in result.items]
    return Page(items=items, total=result.total, limit=page.limit, offset=page.offset)


@router.get("/{job_id}", response_model=JobPublic, responses=error_responses(404))
def get_job(job_id: str, session: SessionDep, caller: TenantDep) -> JobPublic:
    """One job with its parsed profile."""
    return job_public(records.get_job(session, caller.tenant_id, job_id))


@router.delete("/{job_id}", status_code=204, responses=error_responses(404))
def delete_job(
    job_id: str, state: StateDep, session: SessionDep, caller: TenantDep
) -> Response:
    """Delete a job and the scores computed for it."""
    records.delete_job(session, caller.tenant_id, job_id)
    after_delete(session)
    state.cache.job_deleted(caller.tenant_id, job_id)
    return Response(status_code=204)


@router.get("/{job_id}/ranking", response_model=Ranking, responses=error_responses(404))
def rank_job(
    job_id: str, state: StateDep, session: SessionDep, caller: TenantDep, page: PageDep
) -> Ranking:
    """The tenant's resumes ranked for this job, best first, each with its top gaps."""
    job = records.get_job(session, caller.tenant_id, job_id)
    result = records.rank_resumes(
        session,
        caller.tenant_id,
        job,
        state.context.score,
        version=score_version(state.context.taxonomy),
        limit=page.limit,
        offset=page.offset,
        cutoff=records.retention_cutoff(state.settings.retention_days),
    )
    session.commit()
    items = [
        RankedResume(
            resume_id=r.resume.id,
            label=r.resume.label,
            score=r.report.score,
            band=r.report.band,
            missing_required=r.report.missing_required,
            top_gaps=r.report.gaps[:TOP_GAPS],
        )
        for r in result.items
    ]
    return Ranking(
        job_id=job.id, items=items, total=result.total, limit=page.limit, offset=page.offset
    )


def score_version(taxonomy: Taxonomy) -> str:
    """Cached scores are reused only while the package and taxonomy versions are unchanged."""
    from ... import __version__

    return f"{__version__}+{taxonomy.version}"[:32]
