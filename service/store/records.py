"""Tenant-scoped queries for jobs, resumes and cached scores: every function takes the tenant."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session, defer

from ..errors import NotFound
from ..models import Extraction, MatchReport, Profile
from .models import Job, MatchScore, Resume, utcnow

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


def retention_cutoff(retention_days: int | None) -> datetime | None:
    """Resumes created before this moment are expired (None: kept until deleted)."""
    return utcnow() - timedelta(days=retention_days) if retention_days else None


# Jobs ------------------------------------------------------------------------------------------


def add_job(
    session: Session, tenant_id: int, title: str, description: str, profile: Profile
) -> Job:
    job = Job(
        id=new_id("job"),
        tenant_id=tenant_id,
        title=title,
        description=description,
        profile_json=profile.model_dump_json(),
        created_at=utcnow(),
    )
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, tenant_id: int, job_id: str) -> Job:
    job = session.scalar(select(Job).where(Job.id == job_id, Job.tenant_id == tenant_id))
    if job is None:
        raise NotFound(f"No job with id {job_id!r}.")
    return job


def list_jobs(session: Session, tenant_id: int, limit: int, offset: int) -> Page[Job]:
    where = Job.tenant_id == tenant_id
    total = session.scalar(select(func.count()).select_from(Job).where(where)) or 0
    rows = session.scalars(
        select(Job)
        .options(defer(Job.description), defer(Job.profile_json))
        .where(where)
        .order_by(Job.created_at.desc(), Job.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page(list(rows), total)


def delete_job(session: Session, tenant_id: int, job_id: str) -> None:
    get_job(session, tenant_id, job_id)
    session.execute(delete(MatchScore).where(MatchScore.job_id == job_id))
    session.execute(delete(Job).where(Job.id == job_id, Job.tenant_id == tenant_id))


def job_profile(job: Job) -> Profile:
    return Profile.model_validate_json(job.profile_json)


# Resumes ---------------------------------------------------------------------------------------


def add_resume(
    session: Session,
    tenant_id: int,
    extraction: Extraction,
    *,
    label: str | None,
    size_bytes: int,
) -> Resume:
    resume = Resume(
        id=new_id("res"),
        tenant_id=tenant_id,
        label=label,
        source_format=extraction.document.source_format,
        size_bytes=size_bytes,
        extraction_json=extraction.model_dump_json(),
        created_at=utcnow(),
    )
    session.add(resume)
    session.flush()
    return resume


def _live_resumes(tenant_id: int, cutoff: datetime | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Resume.tenant_id == tenant_id]
    if cutoff is not None:
        conditions.append(Resume.created_at >= cutoff)
    return conditions


def get_resume(
    session: Session, tenant_id: int, resume_id: str, cutoff: datetime | None = None
) -> Resume:
    resume = session.scalar(
        select(Resume).where(Resume.id == resume_id, *_live_resumes(tenant_id, cutoff))
    )
    if resume is None:
        raise NotFound(f"No resume with id {resume_id!r}.")
    return resume


def list_resumes(
    session: Session, tenant_id: int, limit: int, offset: int, cutoff: datetime | None = None
) -> Page[Resume]:
    where = _live_resumes(tenant_id, cutoff)
    total = session.scalar(select(func.count()).select_from(Resume).where(*where)) or 0
    rows = session.scalars(
        select(Resume)
        .options(defer(Resume.extraction_json))
        .where(*where)
        .order_by(Resume.created_at.desc(), Resume.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page(list(rows), total)


def delete_resume(session: Session, tenant_id: int, resume_id: str) -> None:
    get_resume(session, tenant_id, resume_id)
    session.execute(delete(MatchScore).where(MatchScore.resume_id == resume_id))
    session.execute(delete(Resume).where(Resume.id == resume_id, Resume.tenant_id == tenant_id))


@dataclass(frozen=True)
class MatchRows:
    """Row versions (``created_at``) of a live resume and, when asked for, a job."""

    resume: datetime
    job: datetime | None


def match_rows(
    session: Session,
    tenant_id: int,
    resume_id: str,
    job_id: str | None,
    cutoff: datetime | None = None,
) -> MatchRows:
    """One query confirming the tenant's resume (and job) exist and are live; NotFound otherwise.

    Returns only the row versions, not the stored JSON, so callers can use a cached copy."""
    resume_version = (
        select(Resume.created_at)
        .where(Resume.id == resume_id, *_live_resumes(tenant_id, cutoff))
        .scalar_subquery()
    )
    columns = [resume_version.label("resume")]
    if job_id is not None:
        job_version = (
            select(Job.created_at)
            .where(Job.id == job_id, Job.tenant_id == tenant_id)
            .scalar_subquery()
        )
        columns.append(job_version.label("job"))
    row = session.execute(select(*columns)).one()
    if row[0] is None:
        raise NotFound(f"No resume with id {resume_id!r}.")
    if job_id is not None and row[1] is None:
        raise NotFound(f"No job with id {job_id!r}.")
    return MatchRows(row[0], row[1] if job_id is not None else None)


def load_extraction(session: Session, tenant_id: int, resume_id: str) -> Extraction:
    """The stored extraction of a resume, validated (the caller has checked it is live)."""
    data = session.scalar(
        select(Resume.extraction_json).where(Resume.id == resume_id, Resume.tenant_id == tenant_id)
    )
    if data is None:
        raise NotFound(f"No resume with id {resume_id!r}.")
    return Extraction.model_validate_json(data)


def load_job_profile(session: Session, tenant_id: int, job_id: str) -> Profile:
    """The stored profile of a job, validated."""
    data = session.scalar(
        select(Job.profile_json).where(Job.id == job_id, Job.tenant_id == tenant_id)
    )
    if data is None:
        raise NotFound(f"No job with id {job_id!r}.")
    return Profile.model_validate_json(data)


def resume_extraction(resume: Resume) -> Extraction:
    return Extraction.model_validate_json(resume.extraction_json)


def purge_expired(session: Session, retention_days: int | None) -> int:
    """Delete every tenant's resumes older than the retention period; returns how many."""
    cutoff = retention_cutoff(retention_days)
    if cutoff is None:
        return 0
    expired = select(Resume.id).where(Resume.created_at < cutoff)
    session.execute(delete(MatchScore).where(MatchScore.resume_id.in_(expired)))
    result = session.execute(delete(Resume).where(Resume.created_at < cutoff))
    return result.rowcount or 0


def delete_tenant_data(session: Session, tenant_id: int) -> dict[str, int]:
    """Delete all of a tenant's jobs, resumes and scores (its keys keep working)."""
    scores = session.execute(delete(MatchScore).where(MatchScore.tenant_id == tenant_id))
    resumes = session.execute(delete(Resume).where(Resume.tenant_id == tenant_id))
    jobs = session.execute(delete(Job).where(Job.tenant_id == tenant_id))
    return {
        "jobs": jobs.rowcount or 0,
        "resumes": resumes.rowcount or 0,
        "scores": scores.rowcount or 0,
    }


# Ranking ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    resume: Resume
    report: MatchReport


def rank_resumes(
    session: Session,
    tenant_id: int,
    job: Job,
    scorer: Callable[[Extraction, Profile], MatchReport],
    *,
    version: str,
    limit: int,
    offset: int,
    cutoff: datetime | None = None,
) -> Page[Ranked]:
    """The tenant's resumes ranked for ``job``, best first; scores are computed once and cached."""
    live = _live_resumes(tenant_id, cutoff)
    cached = select(MatchScore.resume_id).where(
        MatchScore.job_id == job.id, MatchScore.taxonomy_version == version
    )
    missing = session.scalars(select(Resume).where(*live, Resume.id.not_in(cached))).all()
    if missing:
        profile = job_profile(job)
        stale = [r.id for r in missing]
        session.execute(
            delete(MatchScore).where(MatchScore.job_id == job.id, MatchScore.resume_id.in_(stale))
        )
        for resume in missing:
            report = scorer(resume_extraction(resume), profile)
            session.add(
                MatchScore(
                    job_id=job.id,
                    resume_id=resume.id,
                    tenant_id=tenant_id,
                    score=report.score,
                    taxonomy_version=version,
                    report_json=report.model_dump_json(),
                    created_at=utcnow(),
                )
            )
        session.flush()
    where = [MatchScore.job_id == job.id, MatchScore.tenant_id == tenant_id, *live]
    counted = (
        select(func.count())
        .select_from(MatchScore)
        .join(Resume, Resume.id == MatchScore.resume_id)
        .where(*where)
    )
    total = session.scalar(counted) or 0
    rows = session.execute(
        select(MatchScore, Resume)
        .options(defer(Resume.extraction_json))
        .join(Resume, Resume.id == MatchScore.resume_id)
        .where(*where)
        .order_by(MatchScore.score.desc(), Resume.created_at, Resume.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        Ranked(resume, MatchReport.model_validate_json(score.report_json)) for score, resume in rows
    ]
    return Page(items, total)
