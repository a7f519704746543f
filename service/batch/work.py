"""The real analyzer the batch workers run: read the document in-process, extract, score.

The worker process is the document sandbox: the factory applies the documents' resource limits
to the process once, and builds the worker's ``AnalysisContext`` (taxonomy, profiles, spaCy
pipeline) from the settings it received, once, before the first file.
"""

from __future__ import annotations

import hashlib

from ..context import AnalysisContext
from ..process import freeze_startup_objects
from .journal import GroupColumn, RunHeader
from .tasks import Analyzer, WorkConfig

_WARM_UP = "Skills\nPython, machine learning, SQL\n\nExperience\nData engineer, 2019 - 2021\n"


def describe_run(context: AnalysisContext, profile: str | None,
                 job_text: str | None) -> RunHeader:
    """The journal header for scoring against ``profile`` or ``job_text`` (validates both)."""
    resolved = context.resolve_profile(profile, job_text)
    return RunHeader(
        profile=resolved.title if resolved.kind == "job" else resolved.name,
        title=resolved.title,
        profile_kind=resolved.kind,
        job_sha256=hashlib.sha256(job_text.encode()).hexdigest() if job_text is not None else None,
        groups=[*(GroupColumn(id=g.id, name=g.name) for g in resolved.groups),
                *requirement_columns(resolved)])


REQUIREMENT_COLUMNS = (("role", "Role"), ("education", "Degree"), ("experience", "Experience"))


def requirement_columns(profile) -> list[GroupColumn]:
    """A column for each requirement the profile weighs (role, degree, years), so that the
    group columns add up to the score."""
    weights = {"role": profile.role.weight, "education": profile.education.weight,
               "experience": profile.experience.weight}
    return [GroupColumn(id=f"requirement-{key}", name=name)
            for key, name in REQUIREMENT_COLUMNS if weights[key] > 0]


def make_analyzer(config: WorkConfig) -> Analyzer:
    """Build the per-process analyzer: pipeline and profile loaded and warmed, limits applied,
    and (in a local worker) the start-up objects frozen out of the collector's full scans.

    With ``config.sandbox`` (local batch workers) this process is the document sandbox: its
    memory is capped once and each document is read in-process under the wall-clock limit. On
    Dask, where tasks run in worker threads and a cap would hit the whole worker, PDF and DOCX
    files go to the documents' pool of long-lived reader processes (``parse_bytes``), which
    enforces the same limits.
    """
    from ..documents import (
        apply_worker_limits,
        document_from_text,
        parse_bytes,
        read_document_limited,
    )

    settings = config.settings
    context = AnalysisContext.from_settings(settings)
    context.analyze(document_from_text(_WARM_UP, vocabulary=context.vocabulary),
                    profile=config.profile, job_text=config.job_text)
    read = read_document_limited if config.sandbox else parse_bytes
    if config.sandbox:  # (this worker process is ours; a Dask worker is the cluster's)
        apply_worker_limits(settings)
        freeze_startup_objects()

    def analyze(data: bytes, filename: str) -> str:
        document = read(data, filename, settings=settings, vocabulary=context.vocabulary)
        _, report = context.analyze(document, profile=config.profile, job_text=config.job_text)
        return report.model_dump_json()

    return analyze
