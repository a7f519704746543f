"""What scoring needs from one extraction, whatever the profile: ``ResumeFacts``.

Skills by id with their strongest evidence, years (professional and student), role evidence
(``roles``), degree evidence and the warnings. Computed once per resume and reusable across
profiles (the API caches it per stored resume).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from ..models import Evidence, Extraction, SkillHit
from ..taxonomy import Taxonomy
from .checks import is_list_line, not_a_resume, warnings
from .roles import RoleFacts, is_student_role, role_facts

BARE_LIST_STRENGTH = 0.5  # a mention on a bare list line outside any section: no prose around it
NOT_A_RESUME_FACTOR = 0.6  # skill credit in a document that does not look like a resume
SECTION_STRENGTH = {
    "experience": 1.0, "projects": 1.0, "publications": 1.0,
    "summary": 0.85, "certifications": 0.85, "awards": 0.85, "education": 0.85,
    "skills": 0.7, "languages": 0.7,
}
UNKNOWN_SECTION_STRENGTH = 0.8


@dataclass(frozen=True)
class DegreeProof:
    """A degree whose field shows a skill (MSc Statistics: statistics)."""

    level: str | None
    field: str
    evidence: Evidence


@dataclass
class ResumeFacts:
    """What scoring needs from one extraction, whatever the profile: computed once by
    ``resume_facts`` and reusable across ``score_facts`` calls. Treat as read-only; the caches
    only memoise profile-independent answers."""

    extraction: Extraction
    hits: dict[str, SkillHit]
    tax: Taxonomy
    ref_year: int | None
    strength: dict[str, float]  # ``raw_strength`` after any not-a-resume reduction
    raw_strength: dict[str, float]  # by hit id: the strongest mention (see ``evidence_strength``)
    claims: dict[str, list[Evidence]]  # non-negated mentions by hit id
    claimed: list[str]  # explicit hits with a non-negated mention, sorted by id
    claimed_set: frozenset[str]
    disclaimed: frozenset[str]  # skills the resume says it does not have
    by_category: dict[str, list[str]]  # claimed ids by taxonomy category
    total_years: float | None  # professional years (see ``total_years``)
    student_years: float  # years only in student roles (see ``student_years``)
    warnings: tuple[str, ...]
    roles: RoleFacts
    degrees: dict[str, DegreeProof]  # skill id -> the best degree proving it
    not_a_resume: bool
    closest_cache: dict[tuple[str, bool], str | None] = field(default_factory=dict)
    evidence_cache: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)
    credit_cache: dict[tuple[str, float | None], object] = field(default_factory=dict)

    def best_evidence(self, skill_id: str) -> tuple[Evidence, ...]:
        """Up to three strongest mentions of a hit, computed once."""
        if skill_id not in self.evidence_cache:
            self.evidence_cache[skill_id] = _best_evidence(self.claims[skill_id])
        return self.evidence_cache[skill_id]


def resume_facts(extraction: Extraction, taxonomy: Taxonomy) -> ResumeFacts:
    """Index ``extraction`` for scoring (skills, years, roles, degrees, warnings)."""
    tax = taxonomy
    hits = {hit.id: hit for hit in extraction.skills}
    claims = {i: _claims(h) for i, h in hits.items()}
    disclaimed = {h.id for h in extraction.not_claimed}
    disclaimed |= {i for i, h in hits.items() if h.explicit and h.evidence and not claims[i]}
    reasons = not_a_resume(extraction)
    factor = NOT_A_RESUME_FACTOR if reasons else 1.0
    claimed = sorted(i for i, h in hits.items() if h.explicit and claims[i])
    by_category: dict[str, list[str]] = {}
    for skill_id in claimed:
        skill = tax.skills.get(skill_id)
        if skill is not None:
            by_category.setdefault(skill.category, []).append(skill_id)
    student = student_years(extraction)
    raw = {i: _strength(c) for i, c in claims.items()}
    return ResumeFacts(
        extraction=extraction, hits=hits, tax=tax, ref_year=reference_year(extraction),
        strength={i: factor * r for i, r in raw.items()}, raw_strength=raw, claims=claims,
        claimed=claimed, claimed_set=frozenset(claimed),
        disclaimed=frozenset(disclaimed - set(claimed)),
        by_category=by_category, total_years=total_years(extraction, student),
        student_years=student, warnings=tuple(warnings(extraction, reasons)),
        roles=role_facts(extraction, tax), degrees=degree_proofs(extraction, tax),
        not_a_resume=bool(reasons),
    )


def degree_proofs(extraction: Extraction, tax: Taxonomy) -> dict[str, DegreeProof]:
    """Skill id -> the highest degree whose field proves it (``proves`` in education.yaml)."""
    rank = {level.id: level.rank for level in tax.education.levels}
    proves = {f.id: f.proves for f in tax.education.fields if f.proves}
    out: dict[str, DegreeProof] = {}
    for entry in extraction.document.education:
        if entry.field not in proves or entry.level == "other":
            continue
        text = extraction.text[entry.start:entry.end].strip()
        line = text.split("\n", 1)[0][:200]
        evidence = Evidence(text=(entry.field_text or entry.field)[:120], start=entry.start,
                            end=entry.end, line=line, section="education")
        proof = DegreeProof(entry.level, entry.field, evidence)
        for skill_id in proves[entry.field]:
            held = out.get(skill_id)
            if held is None or rank.get(entry.level or "", 0) > rank.get(held.level or "", 0):
                out[skill_id] = proof
    return out


def _claims(hit: SkillHit) -> list[Evidence]:
    return [e for e in hit.evidence if not e.negated]


def _best_evidence(claims: list[Evidence], limit: int = 3) -> tuple[Evidence, ...]:
    """The strongest mentions first (experience before skills list), then in text order."""
    by_strength: dict[float, list[Evidence]] = {}
    for evidence in claims:
        rank = evidence_strength(evidence)
        by_strength.setdefault(rank, []).append(evidence)
    chosen: list[Evidence] = []
    for rank in sorted(by_strength, reverse=True):
        need = limit - len(chosen)
        if need <= 0:
            break
        chosen.extend(heapq.nsmallest(need, by_strength[rank], key=_start))
    return tuple(chosen)


def _start(evidence: Evidence) -> int:
    return evidence.start


def _strength(claims: list[Evidence]) -> float:
    """How strongly the evidence shows use: the strongest mention (see ``_evidence_strength``)."""
    if not claims:
        return UNKNOWN_SECTION_STRENGTH
    return max(evidence_strength(e) for e in claims)


def evidence_strength(evidence: Evidence) -> float:
    """The section's strength; outside any known section, prose counts as a mention and a bare
    list line (only short comma/pipe-separated items, no sentence) counts least."""
    if evidence.section and evidence.section != "other":
        return SECTION_STRENGTH.get(evidence.section, UNKNOWN_SECTION_STRENGTH)
    return BARE_LIST_STRENGTH if is_list_line(evidence.line or evidence.text) else \
        UNKNOWN_SECTION_STRENGTH


def reference_year(extraction: Extraction) -> int | None:
    """The latest year the document's positions reach: recency is measured from there."""
    years = [p.end.year if p.end else p.start.year for p in extraction.document.positions]
    return max(years, default=None)


def total_years(extraction: Extraction, student_years: float) -> float | None:
    """Years of professional experience: the document's merged total without the time spent
    only in internships and student roles (``student_years``, see ``student_years``)."""
    doc = extraction.document
    if doc.total_years is not None:
        total = doc.total_years
    elif doc.positions:
        total = sum(p.years for p in doc.positions)
    else:
        return None
    return round(max(0.0, total - student_years), 1)


def student_years(extraction: Extraction) -> float:
    """Time covered only by student roles (intern, TA, RA …), overlaps with real jobs removed."""
    from ..documents.timeline import total_years as merged_total

    doc = extraction.document
    if not any(is_student_role(p.title) for p in doc.positions):
        return 0.0
    others = [p for p in doc.positions if not is_student_role(p.title)]
    every = merged_total(doc.positions, doc.sections, doc.section_at) or 0.0
    professional = merged_total(others, doc.sections, doc.section_at) or 0.0
    return round(max(0.0, every - professional), 2)
