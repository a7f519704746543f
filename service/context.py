"""The analysis context: everything one process analyses with, built once from ``Settings``.

``AnalysisContext.from_settings(settings)`` loads the taxonomy from ``settings.taxonomy_dir``
(default: the installed one), the profiles from that taxonomy's ``profiles/`` and the extraction
pipeline built on it. Every door builds one at start-up (the API in ``create_app``, each CLI
command, each batch worker) and passes it on; the domain code below receives the parts it needs
(pipeline, taxonomy, profile, limits) as parameters, so one setting changes every step together.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .documents.vocab import Vocabulary
from .errors import InputError, NotFound
from .extract import Pipeline, extract, extract_text, get_pipeline
from .postings import parse_job
from .models import Document, DocumentKind, Extraction, MatchReport, Profile
from .scoring import score
from .settings import Settings
from .taxonomy import Taxonomy, load_profiles

DEFAULT_PROFILE = "ml-engineer"
PARSED_JOBS = 32
"""Postings parsed once per context: a batch scores many resumes against one job."""


@dataclass(frozen=True, eq=False)
class AnalysisContext:
    """Settings, taxonomy, built-in profiles (by name) and the extraction pipeline."""

    settings: Settings
    taxonomy: Taxonomy
    profiles: Mapping[str, Profile]
    pipeline: Pipeline
    _jobs: OrderedDict[str, Profile] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> AnalysisContext:
        """The context for ``settings``; the taxonomy and pipeline are loaded once per
        directory and process."""
        pipeline = get_pipeline(settings.taxonomy_dir)
        profiles = load_profiles(settings.taxonomy_dir, pipeline.taxonomy)
        return cls(settings=settings, taxonomy=pipeline.taxonomy,
                   profiles=MappingProxyType(profiles), pipeline=pipeline)

    @property
    def vocabulary(self) -> Vocabulary:
        """The taxonomy's title and degree words, for the documents layer."""
        return self.pipeline.vocabulary

    def profile(self, name: str | None = None) -> Profile:
        """The built-in profile ``name`` (default ``ml-engineer``); ``NotFound`` if unknown."""
        name = name or DEFAULT_PROFILE
        if name not in self.profiles:
            known = ", ".join(self.profiles) or "none"
            raise NotFound(f"Unknown profile {name!r} (known: {known}).")
        return self.profiles[name]

    def resolve_profile(self, profile: str | None = None, job_text: str | None = None) -> Profile:
        """The profile named ``profile``, the posting ``job_text`` parsed, or ``ml-engineer``.

        Raises ``InputError`` when both are given or the posting is blank, ``NotFound`` for an
        unknown profile name.
        """
        if profile is not None and job_text is not None:
            raise InputError("Give a profile name or a job description, not both.")
        if job_text is not None:
            if not job_text.strip():
                raise InputError("The job description is empty.")
            return self._parsed_job(job_text).model_copy(deep=True)
        return self.profile(profile)

    def _parsed_job(self, job_text: str) -> Profile:
        with self._lock:
            found = self._jobs.get(job_text)
            if found is not None:
                self._jobs.move_to_end(job_text)
                return found
        parsed = self.parse_job(job_text)
        with self._lock:
            self._jobs[job_text] = parsed
            while len(self._jobs) > PARSED_JOBS:
                self._jobs.popitem(last=False)
        return parsed

    def extract(self, document: Document, kind: DocumentKind | None = None) -> Extraction:
        """The skills of ``document``, a ``kind`` when the caller knows (``TextTooLong`` past
        the settings' limit)."""
        return extract(document, pipeline=self.pipeline, kind=kind,
                       max_text_chars=self.settings.max_text_chars)

    def extract_text(self, text: str, kind: DocumentKind | None = None) -> Extraction:
        """The skills of plain ``text``, a ``kind`` when the caller knows."""
        return extract_text(text, pipeline=self.pipeline, kind=kind,
                            max_text_chars=self.settings.max_text_chars)

    def parse_job(self, text: str, title: str | None = None, *,
                  extraction: Extraction | None = None) -> Profile:
        """A posting parsed into a job profile (items borrow evidence from the profiles)."""
        if extraction is None:
            extraction = self.extract_text(text, "job")
        return parse_job(text, title, extraction=extraction, taxonomy=self.taxonomy,
                         profiles=tuple(self.profiles.values()), vocabulary=self.vocabulary)

    def score(self, extraction: Extraction, profile: Profile) -> MatchReport:
        """``extraction`` scored against ``profile`` with this context's taxonomy."""
        return score(extraction, profile, taxonomy=self.taxonomy)

    def analyze(
        self, document: Document, *, profile: str | None = None, job_text: str | None = None,
    ) -> tuple[Extraction, MatchReport]:
        """Extract the skills of ``document`` and score them against the resolved profile."""
        resolved = self.resolve_profile(profile, job_text)
        extraction = self.extract(document, "resume")
        return extraction, self.score(extraction, resolved)
