"""``POST /v1/analyze``: score one uploaded resume; nothing is stored."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from ...errors import InputError
from ..deps import RateLimitDep, StateDep
from ..documents import read_upload_sandboxed
from ..errors import error_responses
from ..schemas import AnalyzeResult
from ..uploads import optional_text, read_upload, upload_schema

router = APIRouter(prefix="/v1", tags=["analyze"])


@router.post(
    "/analyze",
    response_model=AnalyzeResult,
    dependencies=[RateLimitDep],
    responses=error_responses(404, 413, 415, 422, 429),
    openapi_extra=upload_schema(
        job_text="A job description to score against (instead of a profile)",
        profile="Profile name (default ml-engineer)",
    ),
)
async def analyze(request: Request, state: StateDep) -> AnalyzeResult:
    """Read a resume (PDF, DOCX, RTF, TXT, JSON Resume) and score it against a profile or a job
    description.

    No key needed and nothing is stored. Rate-limited per client; refused with `busy` when the
    server is already reading its maximum number of documents.
    """
    upload = await read_upload(request, state.settings, ("job_text", "profile"))
    job_text = optional_text(upload, "job_text")
    profile = optional_text(upload, "profile")
    if job_text is not None and profile is not None:
        raise InputError("Give a profile name or a job description, not both.")
    async with state.parse_slots.hold(state.settings.max_concurrent_parses):
        document = await run_in_threadpool(
            read_upload_sandboxed, upload.data, upload.filename, state.context
        )
        extraction, report = await run_in_threadpool(
            state.context.analyze, document, profile=profile, job_text=job_text
        )
    return AnalyzeResult(extraction=extraction, report=report)
