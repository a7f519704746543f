"""``/v1/resumes``: a tenant's uploaded resumes, stored as their extraction."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ...models import Extraction
from ...store import records
from ...store.db import after_delete
from ...store.models import Resume
from ..deps import PageDep, SessionDep, StateDep, TenantDep
from ..documents import read_upload_sandboxed
from ..errors import error_responses
from ..schemas import Page, ResumePublic, ResumeSummary
from ..state import AppState
from ..uploads import read_upload, short_field, upload_schema

router = APIRouter(prefix="/v1/resumes", tags=["resumes"], responses=error_responses(401, 422))

MAX_LABEL = 200


def resume_summary(resume: Resume, retention_days: int | None) -> ResumeSummary:
    return ResumeSummary(**_summary_fields(resume, retention_days))


def _summary_fields(resume: Resume, retention_days: int | None) -> dict[str, object]:
    expires = resume.created_at + timedelta(days=retention_days) if retention_days else None
    return {
        "id": resume.id,
        "label": resume.label,
        "source_format": resume.source_format,
        "size_bytes": resume.size_bytes,
        "created_at": resume.created_at,
        "expires_at": expires,
    }


@router.post(
    "",
    status_code=201,
    response_model=ResumePublic,
    responses=error_responses(413, 415, 429),
    openapi_extra=upload_schema(
        {"label": MAX_LABEL}, label="The recruiter's name or id for the candidate"
    ),
)
async def upload_resume(
    request: Request, state: StateDep, session: SessionDep, caller: TenantDep
) -> ResumePublic:
    """Read a resume and store its extraction (text, structure, skills) for matching."""
    settings = state.settings
    upload = await read_upload(request, settings, ("label",))
    label = short_field(upload, "label", MAX_LABEL)
    async with state.parse_slots.hold(settings.max_concurrent_parses):
        document = await run_in_threadpool(
            read_upload_sandboxed, upload.data, upload.filename, state.context)
        extraction = await run_in_threadpool(state.context.extract, document, "resume")
    resume = await run_in_threadpool(
        store_resume, state, session, caller.tenant_id, extraction, label, len(upload.data)
    )
    return ResumePublic(**_summary_fields(resume, settings.retention_days), extraction=extraction)


def store_resume(
    state: AppState,
    session: Session,
    tenant_id: int,
    extraction: Extraction,
    label: str | None,
    size_bytes: int,
) -> Resume:
    """Purge expired resumes, then store this one and commit (the 201 means it is durable)."""
    if records.purge_expired(session, state.settings.retention_days):
        after_delete(session)
        state.cache.resumes_purged()
    resume = records.add_resume(session, tenant_id, extraction, label=label, size_bytes=size_bytes)
    session.commit()
    return resume


@router.get("", response_model=Page[ResumeSummary])
def list_resumes(
    state: StateDep, session: SessionDep, caller: TenantDep, page: PageDep
) -> Page[ResumeSummary]:
    """The tenant's resumes, newest first (without their text)."""
    days = state.settings.retention_days
    result = records.list_resumes(
        session, caller.tenant_id, page.limit, page.offset, records.retention_cutoff(days)
    )
    items = [resume_summary(r, days) for r in result.items]
    return Page(items=items, total=result.total, limit=page.limit, offset=page.offset)


@router.get("/{resume_id}", response_model=ResumePublic, responses=error_responses(404))
def get_resume(
    resume_id: str, state: StateDep, session: SessionDep, caller: TenantDep
) -> ResumePublic:
    """One resume with its full extraction."""
    days = state.settings.retention_days
    resume = records.get_resume(
        session, caller.tenant_id, resume_id, records.retention_cutoff(days)
    )
    return ResumePublic(
        **_summary_fields(resume, days), extraction=records.resume_extraction(resume)
    )


@router.delete("/{resume_id}", status_code=204, responses=error_responses(404))
def delete_resume(
    resume_id: str, state: StateDep, session: SessionDep, caller: TenantDep
) -> Response:
    """Delete a resume: its text, its extraction and every score computed from it."""
    records.delete_resume(session, caller.tenant_id, resume_id)
    after_delete(session)
    state.cache.resume_deleted(caller.tenant_id, resume_id)
    return Response(status_code=204)
