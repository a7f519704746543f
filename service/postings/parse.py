"""A posted job description → a ``Profile`` (kind="job"), shaped like ``ml-engineer.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..documents.vocab import Vocabulary
from ..errors import InputError
from ..models import Extraction, Profile
from ..taxonomy import Taxonomy
from .cues import I, cue_patterns
from .degrees import degree_levels, education_requirement
from .experience import experience_requirement
from .groups import build_groups
from .mentions import attach_years, find_mentions, merge_items
from ..scoring.roles import role_families
from .role import posting_family, role_requirement
from .segments import sections_of, sentences_of

if TYPE_CHECKING:
    from ..extract import Pipeline


def parse_job(
    text: str, title: str | None = None, *, taxonomy: Taxonomy, profiles: Iterable[Profile],
    pipeline: Pipeline | None = None, extraction: Extraction | None = None,
    vocabulary: Vocabulary | None = None,
) -> Profile:
    """Parse a posting into a job profile; ``extraction`` may be given to skip re-extracting
    with ``pipeline``; items borrow related evidence from the built-in ``profiles``.
    ``vocabulary``: the taxonomy's compiled degree-field patterns (the analysis context's, else
    the pipeline's; built from ``taxonomy`` only when neither is given).

    The extractor finds the skills; each mention is required or preferred by its section heading,
    then its sentence's own cues; alternatives ("Python or R") merge into one any-of item; years
    phrases give minimum years; the degree, the overall years and the role family (from the
    posting's title) become requirements. Every item cites the posting's own sentence.
    """
    tax = taxonomy
    if extraction is None:
        from ..extract import extract_text

        if pipeline is None:
            raise TypeError("parse_job needs a pipeline or an extraction")
        extraction = extract_text(text, pipeline=pipeline, kind="job")
    body = extraction.text
    if not body.strip():
        raise InputError("The job description is empty.")
    sections = sections_of(body)
    sentences = sentences_of(body)
    cues = cue_patterns(tax)
    if vocabulary is None:
        vocabulary = pipeline.vocabulary if pipeline is not None and pipeline.taxonomy is tax \
            else Vocabulary.from_taxonomy(tax)
    fields_of_study = vocabulary.fields
    ranks = {level.id: level.rank for level in tax.education.levels}
    levels = degree_levels(vocabulary.levels)
    mentions = find_mentions(extraction, body, sections, sentences, cues, fields_of_study, levels)
    if not mentions:
        raise InputError("No skills from the taxonomy were found in the job description.")
    skill_years = attach_years(mentions, body)
    items = merge_items(mentions, body)
    job_title = title or posting_title(body)
    family = posting_family(job_title, body, tax)
    core = frozenset(role_families(tax).by_id[family].core) if family else frozenset()
    groups = build_groups(items, body, tuple(profiles), core)
    skill_weight = sum(g.weight for g in groups)
    experience = experience_requirement(body, sections, sentences, skill_years, skill_weight,
                                        cues)
    quantitative = [f.id for f in tax.education.fields if f.relevant]
    education = education_requirement(body, sections, sentences, skill_weight, ranks,
                                      quantitative, cues, fields_of_study, levels)
    role = role_requirement(family, job_title, body, tax, skill_weight)
    warnings = []
    if len(items) < 3:
        warnings.append("The posting names fewer than 3 skills from the taxonomy: the score rests "
                        "on very few requirements.")
    return Profile(
        name=slug(job_title), title=job_title, kind="job", version="1",
        description="Parsed from a job posting.", source="job posting",
        groups=groups, education=education, experience=experience, role=role,
        warnings=warnings,
    )


def posting_title(body: str) -> str:
    """The first line, without a "Job title:" label (long lines are not titles)."""
    for line in body.splitlines():
        line = re.sub(r"^(?:job title|title|position|role)\s*:\s*", "", line.strip(" #*-"), flags=I)
        if line:
            return line[:80] if len(line) <= 80 else "Job posting"
    return "Job posting"


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "job"
