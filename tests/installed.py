"""The domain steps bound to the installed taxonomy, as a default ``AnalysisContext`` binds them,
for tests that exercise one step directly (``extract_text(text)``, ``score(extraction, profile)``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from service.context import AnalysisContext
from service.evaluate import EvaluationReport
from service.evaluate import evaluate as _evaluate
from service.extract import Pipeline
from service.extract import extract as _extract
from service.extract import extract_text as _extract_text
from service.postings import parse_job as _parse_job
from service.models import Document, Extraction, MatchReport, Profile
from service.scoring import ResumeFacts
from service.scoring import resume_facts as _resume_facts
from service.scoring import score as _score
from service.settings import Settings
from service.taxonomy import Taxonomy


@lru_cache(maxsize=1)
def context() -> AnalysisContext:
    """The context of the installed taxonomy (``SKILLMATCH_TAXONOMY_DIR`` ignored)."""
    return AnalysisContext.from_settings(Settings(taxonomy_dir=None))


def pipeline() -> Pipeline:
    return context().pipeline


def taxonomy() -> Taxonomy:
    return context().taxonomy


def profile(name: str = "ml-engineer") -> Profile:
    return context().profile(name)


def extract(document: Document, **kw: Any) -> Extraction:
    kw.setdefault("pipeline", pipeline())
    return _extract(document, **kw)


def extract_text(text: str, **kw: Any) -> Extraction:
    kw.setdefault("pipeline", pipeline())
    return _extract_text(text, **kw)


def score(extraction: Extraction, profile: Profile, **kw: Any) -> MatchReport:
    kw.setdefault("taxonomy", taxonomy())
    return _score(extraction, profile, **kw)


def resume_facts(extraction: Extraction, taxonomy_: Taxonomy | None = None) -> ResumeFacts:
    return _resume_facts(extraction, taxonomy_ or taxonomy())


def parse_job(text: str, title: str | None = None, **kw: Any) -> Profile:
    kw.setdefault("profiles", tuple(context().profiles.values()))
    kw.setdefault("taxonomy", taxonomy())
    if kw["taxonomy"] is taxonomy():
        kw.setdefault("vocabulary", context().vocabulary)
    if kw.get("extraction") is None:
        kw.setdefault("pipeline", pipeline())
    return _parse_job(text, title, **kw)


def evaluate(gold_path: Path, **kw: Any) -> EvaluationReport:
    kw.setdefault("pipeline", pipeline())
    kw.setdefault("settings", context().settings)
    return _evaluate(gold_path, **kw)
