"""Tenant-scoped queries for jobs, resumes and cached scores: every function takes the tenant
(``match_rows`` takes the API key's hash and scopes by that key's tenant in the same query)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, bindparam, delete, func, null, select
from sqlalchemy.orm import Session, defer

from ..errors import NotFound
from ..models import Extraction, MatchReport, Profile
from .models import ApiKey, Job, MatchScore, Resume, UTCDateTime, utcnow

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
    """One query's answer for a match on a stored resume: the API key's row (None when no key
    has that hash) and the row versions (``created_at``) of the key's tenant's resume and job
    (None when missing, expired or another tenant's)."""

    key_id: str | None
    tenant_id: int | None
    key_hash: str | None
    revoked_at: datetime | None
    resume: datetime | None
    job: datetime | None


@lru_cache(maxsize=4)
def _match_rows_statement(with_job: bool, with_cutoff: bool) -> Select[Any]:
    """Built once per shape (SQLAlchemy then reuses its compiled form): parameters ``key_hash``,
    ``resume_id`` and, for the shape, ``job_id`` and ``cutoff``."""
    resume_where = [Resume.id == bindparam("resume_id"), Resume.tenant_id == ApiKey.tenant_id]
    if with_cutoff:
        resume_where.append(Resume.created_at >= bindparam("cutoff", type_=UTCDateTime()))
    job_version: ColumnElement[Any] = (
        select(Job.created_at)
        .where(Job.id == bindparam("job_id"), Job.tenant_id == ApiKey.tenant_id)
        .scalar_subquery() if with_job else null()
    )
    return select(
        ApiKey.id, ApiKey.tenant_id, ApiKey.key_hash, ApiKey.revoked_at,
        select(Resume.created_at).where(*resume_where).scalar_subquery().label("resume"),
        job_version.label("job"),
    ).where(ApiKey.key_hash == bindparam("key_hash"))


def match_rows(
    connection: Connection,
    key_hash: str,
    resume_id: str,
    job_id: str | None,
    cutoff: datetime | None = None,
) -> MatchRows:
    """One round trip for a match on a stored resume: the key's row and whether its tenant's
    resume (live: not past ``cutoff``) and job exist. Returns versions only, not the stored JSON,
    so callers can use a cached copy; the caller checks the key first (``keys.verify``)."""
    params: dict[str, Any] = {"key_hash": key_hash, "resume_id": resume_id}
    if job_id is not None:
        params["job_id"] = job_id
    if cutoff is not None:
        params["cutoff"] = cutoff
    statement = _match_rows_statement(job_id is not None, cutoff is not None)
    row = connection.execute(statement, params).first()
    if row is None:
        return MatchRows(None, None, None, None, None, None)
    return MatchRows(*row)


def load_extraction(
    session: Session | Connection, tenant_id: int, resume_id: str
) -> Extraction:
    """The stored extraction of a resume, validated (the caller has checked it is live)."""
    data = session.scalar(
        select(Resume.extraction_json).where(Resume.id == resume_id, Resume.tenant_id == tenant_id)
    )
    if data is None:
        raise NotFound(f"No resume with id {resume_id!r}.")
    return Extraction.model_validate_json(data)


def load_job_profile(session: Session | Connection, tenant_id: int, job_id: str) -> Profile:
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
