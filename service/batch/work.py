"""The real analyzer the batch workers run: read the document in-process, extract, score.

The worker process is the document sandbox: the factory applies the documents' resource limits
to the process once, and builds the spaCy pipeline and the profile once, before the first file.
"""

from __future__ import annotations

import hashlib

from ..settings import get_settings
from .journal import GroupColumn, RunHeader
from .tasks import Analyzer, WorkConfig

_WARM_UP = "Skills\nPython, machine learning, SQL\n\nExperience\nData engineer, 2019 - 2021\n"


def describe_run(profile: str | None, job_text: str | None) -> RunHeader:
    """The journal header for scoring against ``profile`` or ``job_text`` (validates both)."""
    from ..analyze import resolve_profile

    resolved = resolve_profile(profile, job_text)
    return RunHeader(
        profile=resolved.title if resolved.kind == "job" else resolved.name,
        profile_kind=resolved.kind,
        job_sha256=hashlib.sha256(job_text.encode()).hexdigest() if job_text is not None else None,
        groups=[GroupColumn(id=g.id, name=g.name) for g in resolved.groups])


def make_analyzer(config: WorkConfig) -> Analyzer:
    """Build the per-process analyzer: limits applied, pipeline and profile loaded and warmed."""
    from ..analyze import analyze_document
    from ..documents import document_from_text, read_document

    settings = config.settings or get_settings()
    if config.sandbox:
        from ..documents.sandbox import apply_worker_limits

        apply_worker_limits(settings)
    analyze_document(document_from_text(_WARM_UP), profile=config.profile,
                     job_text=config.job_text)

    def analyze(data: bytes, filename: str) -> str:
        document = read_document(data, filename, settings=settings)
        _, report = analyze_document(document, profile=config.profile, job_text=config.job_text)
        return report.model_dump_json()

    return analyze
