"""The one call every door makes after reading a document: extract skills, then score them.

The API, the CLI, the candidate page and the batch runner all call ``analyze_document``; none of
them re-implements profile resolution or scoring.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import InputError, NotFound
from .models import Document, Extraction, MatchReport, Profile
from .taxonomy import get_profile, profile_paths

DEFAULT_PROFILE = "ml-engineer"


def resolve_profile(profile: str | None = None, job_text: str | None = None) -> Profile:
    """The profile named ``profile``, the posting ``job_text`` parsed, or ``ml-engineer``.

    Raises ``InputError`` when both are given or the posting is blank, ``NotFound`` for an
    unknown profile name.
    """
    if profile is not None and job_text is not None:
        raise InputError("Give a profile name or a job description, not both.")
    if job_text is not None:
        if not job_text.strip():
            raise InputError("The job description is empty.")
        return _parsed_job(job_text).model_copy(deep=True)
    name = profile or DEFAULT_PROFILE
    if name not in profile_paths():
        known = ", ".join(profile_paths()) or "none"
        raise NotFound(f"Unknown profile {name!r} (known: {known}).")
    return get_profile(name)


@lru_cache(maxsize=32)
def _parsed_job(job_text: str) -> Profile:
    """A posting parsed once per process: a batch scores many resumes against one job."""
    from .postings import parse_job

    return parse_job(job_text)


def analyze_document(
    document: Document, *, profile: str | None = None, job_text: str | None = None,
) -> tuple[Extraction, MatchReport]:
    """Extract the skills of ``document`` and score them against the resolved profile."""
    from .extract import extract
    from .scoring import score

    resolved = resolve_profile(profile, job_text)
    extraction = extract(document)
    return extraction, score(extraction, resolved)
